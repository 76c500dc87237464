"""Writes that compute statutory due dates or touch several records.

Due dates are stored on the case (so lists stay one query) together with a
flag saying whether they are provisional; `deadlines_refresh` recomputes the
provisional ones once the holiday table has the year (run daily by
`fazhi senddigests`, through the capability's "daily" hook).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.cases.models import (
    MAX_EXTENSION_DAYS,
    Adjudication,
    AppealChoice,
    DecisionKind,
    Hearing,
    Instance,
    Lawsuit,
    Reconsideration,
)
from fazhi.core.locking import version_check
from fazhi.core.scope import ensure_region_in_scope
from fazhi.deadlines import compute_deadline

APPEAL_RULES = {
    DecisionKind.JUDGMENT: "litigation.appeal_judgment",
    DecisionKind.RULING: "litigation.appeal_ruling",
}


def _save(record):
    record.full_clean()
    record.save()
    return record


# 行政诉讼 ------------------------------------------------------------------


@transaction.atomic
def lawsuit_create(*, user, **fields) -> Lawsuit:
    lawsuit = Lawsuit(**fields)
    ensure_region_in_scope(user, lawsuit.region)
    _set_answer_due(lawsuit)
    return _save(lawsuit)


@transaction.atomic
def lawsuit_update(*, user, lawsuit: Lawsuit, version: int | None = None, **fields) -> Lawsuit:
    """Correct the registered facts; the answer due date follows the receipt date.

    `version` is the one the edit was read at (none: not checked).
    """
    version_check(instance=lawsuit, version=version, submitted=fields)
    for name, value in fields.items():
        setattr(lawsuit, name, value)
    ensure_region_in_scope(user, lawsuit.region)
    _set_answer_due(lawsuit)
    return _save(lawsuit)


def _set_answer_due(lawsuit: Lawsuit) -> None:
    if lawsuit.complaint_received_on:
        deadline = compute_deadline("litigation.answer", lawsuit.complaint_received_on)
        lawsuit.answer_due, lawsuit.answer_due_provisional = _due(
            deadline, lawsuit, "complaint_received_on"
        )


@transaction.atomic
def lawsuit_record_answer(*, lawsuit: Lawsuit, submitted_on: date) -> Lawsuit:
    lawsuit.answer_submitted_on = submitted_on
    return _save(lawsuit)


@transaction.atomic
def hearing_record(*, lawsuit: Lawsuit, **fields) -> Hearing:
    return _save(Hearing(lawsuit=lawsuit, **fields))


@transaction.atomic
def lawsuit_decide(
    *, lawsuit: Lawsuit, decision_kind: str, decision_date: date, served_on: date, outcome: str
) -> Lawsuit:
    """Record the judgment or ruling; the appeal period runs from its service."""
    lawsuit.decision_kind = decision_kind
    lawsuit.decision_date = decision_date
    lawsuit.decision_served_on = served_on
    lawsuit.outcome = outcome
    lawsuit.appeal_due = None
    lawsuit.appeal_due_provisional = False
    if lawsuit.stage == Instance.FIRST and served_on:
        deadline = compute_deadline(APPEAL_RULES[DecisionKind(decision_kind)], served_on)
        lawsuit.appeal_due, lawsuit.appeal_due_provisional = _due(
            deadline, lawsuit, "decision_served_on"
        )
    return _save(lawsuit)


@transaction.atomic
def lawsuit_decide_appeal(*, lawsuit: Lawsuit, appeal: str) -> Lawsuit:
    if not lawsuit.is_decided:
        raise ValidationError({"appeal": "一审尚未作出裁判，不能决定是否上诉。"})
    lawsuit.appeal = appeal
    return _save(lawsuit)


@transaction.atomic
def lawsuit_open_second_instance(
    *, user, first: Lawsuit, case_number: str, court: str, received_on: date
) -> Lawsuit:
    """The appeal (ours or the plaintiff's) reaches the intermediate court;
    `received_on` is when the town received the appeal papers, from which the
    15-day answer period runs again."""
    if first.stage != Instance.FIRST or not first.is_decided:
        raise ValidationError({"case_number": "只有已作出裁判的一审案件才能登记二审。"})
    if received_on < first.decision_served_on:
        raise ValidationError({"received_on": "收到上诉材料的日期不能早于一审裁判送达日期。"})
    if first.appeal == AppealChoice.UNDECIDED:
        first.appeal = AppealChoice.APPEAL
        _save(first)
    return lawsuit_create(
        user=user,
        region=first.region,
        stage=Instance.SECOND,
        first_instance=first,
        case_number=case_number,
        court=court,
        plaintiffs=first.plaintiffs,
        cause=first.cause,
        contested_act=first.contested_act,
        complaint_received_on=received_on,
        handler=first.handler,
        leader=first.leader,
    )


# 行政复议 ------------------------------------------------------------------


@transaction.atomic
def reconsideration_create(*, user, **fields) -> Reconsideration:
    case = Reconsideration(**fields)
    ensure_region_in_scope(user, case.region)
    if case.received_on:
        answer = compute_deadline("reconsideration.answer", case.received_on)
        case.answer_due, case.answer_due_provisional = _due(answer, case, "received_on")
    if case.accepted_on:
        case.decision_due, case.decision_due_provisional = _decision_due(case)
    return _save(case)


@transaction.atomic
def reconsideration_update(
    *, user, case: Reconsideration, version: int | None = None, **fields
) -> Reconsideration:
    """Correct the registered facts; both due dates follow the dates.

    `version` is the one the edit was read at (none: not checked).
    """
    version_check(instance=case, version=version, submitted=fields)
    for name, value in fields.items():
        setattr(case, name, value)
    ensure_region_in_scope(user, case.region)
    answer = compute_deadline("reconsideration.answer", case.received_on)
    case.answer_due, case.answer_due_provisional = _due(answer, case, "received_on")
    case.decision_due, case.decision_due_provisional = _decision_due(case)
    return _save(case)


def _decision_due(case: Reconsideration) -> tuple[date, bool]:
    """60 days from acceptance, plus the recorded extension counted from the
    original last day."""
    original = compute_deadline("reconsideration.decision", case.accepted_on)
    due, provisional = _due(original, case, "accepted_on")
    if not case.extension_days:
        return due, provisional
    extended = compute_deadline("reconsideration.extension_max", due, length=case.extension_days)
    return _due(extended, case, "accepted_on")[0], provisional or extended.provisional


def _due(deadline, record, start_field: str) -> tuple[date, bool]:
    """The due date and its provisional flag; a start date the calendar cannot
    reach is refused with the field's own window message (or the engine's)."""
    if deadline.computable:
        return deadline.due, deadline.provisional
    field = record._meta.get_field(start_field)
    try:
        field.run_validators(getattr(record, start_field))
    except ValidationError as error:
        raise ValidationError({start_field: error.error_list}) from None
    raise ValidationError({start_field: f"{field.verbose_name}{deadline.problem}"})


@transaction.atomic
def reconsideration_record_answer(*, case: Reconsideration, submitted_on: date) -> Reconsideration:
    if submitted_on < case.received_on:
        raise ValidationError({"submitted_on": "答复日期不能早于收到申请书副本的日期。"})
    case.answer_submitted_on = submitted_on
    return _save(case)


@transaction.atomic
def reconsideration_extend(
    *, case: Reconsideration, days: int, reason: str, extended_on: date
) -> Reconsideration:
    """Extend the decision period once, by at most 30 days (行政复议法第六十二条)."""
    if case.extension_days:
        raise ValidationError({"days": "复议期限只能延长一次，本案已经延长。"})
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ValidationError({"days": "延长期限最多不得超过三十日（行政复议法第六十二条）。"})
    if case.decision_date:
        raise ValidationError({"days": "已作出复议决定，不能再延长期限。"})
    case.extension_days, case.extension_reason, case.extended_on = days, reason, extended_on
    case.decision_due, case.decision_due_provisional = _decision_due(case)
    return _save(case)


@transaction.atomic
def reconsideration_decide(
    *, case: Reconsideration, decision_date: date, outcome: str
) -> Reconsideration:
    case.decision_date, case.outcome = decision_date, outcome
    return _save(case)


# 行政裁决 ------------------------------------------------------------------


@transaction.atomic
def adjudication_create(*, user, **fields) -> Adjudication:
    case = Adjudication(**fields)
    ensure_region_in_scope(user, case.region)
    return _save(case)


@transaction.atomic
def adjudication_update(
    *, case: Adjudication, version: int | None = None, **fields
) -> Adjudication:
    version_check(instance=case, version=version, submitted=fields)
    for name, value in fields.items():
        setattr(case, name, value)
    return _save(case)


@transaction.atomic
def adjudication_issue(
    *, case: Adjudication, decision: str, remedy_notice: str, decided_on: date
) -> Adjudication:
    """Issue the decision; it cannot go out without telling the parties how to
    challenge it (救济途径)."""
    if case.decided_on:
        raise ValidationError({"decision": "本案已作出裁决。"})
    case.decision, case.remedy_notice, case.decided_on = decision, remedy_notice, decided_on
    return _save(case)


# 暂定期限 ------------------------------------------------------------------


@transaction.atomic
def deadlines_refresh() -> int:
    """Recompute provisional due dates; return how many became final or moved."""
    changed = 0
    for lawsuit in Lawsuit.objects.filter(answer_due_provisional=True):
        changed += _refresh(lawsuit, ["answer_due", "answer_due_provisional"], _set_answer_due)
    for lawsuit in Lawsuit.objects.filter(appeal_due_provisional=True):
        changed += _refresh(lawsuit, ["appeal_due", "appeal_due_provisional"], _set_appeal_due)
    for case in Reconsideration.objects.filter(answer_due_provisional=True):
        changed += _refresh(case, ["answer_due", "answer_due_provisional"], _set_reply_due)
    for case in Reconsideration.objects.filter(decision_due_provisional=True):
        changed += _refresh(case, ["decision_due", "decision_due_provisional"], _set_decision_due)
    return changed


def daily(today: date) -> int:
    """The capability's daily hook (`fazhi senddigests`), before the digests are made."""
    return deadlines_refresh()


def _refresh(record, fields: list[str], recompute) -> int:
    """1 when recomputed; 0 for a stored date the engine cannot reach, which
    keeps its old due date rather than stopping the whole refresh."""
    try:
        recompute(record)
    except ValidationError:
        return 0
    record.save(update_fields=fields)
    return 1


def _set_appeal_due(lawsuit: Lawsuit) -> None:
    deadline = compute_deadline(
        APPEAL_RULES[DecisionKind(lawsuit.decision_kind)], lawsuit.decision_served_on
    )
    lawsuit.appeal_due, lawsuit.appeal_due_provisional = _due(
        deadline, lawsuit, "decision_served_on"
    )


def _set_reply_due(case: Reconsideration) -> None:
    answer = compute_deadline("reconsideration.answer", case.received_on)
    case.answer_due, case.answer_due_provisional = _due(answer, case, "received_on")


def _set_decision_due(case: Reconsideration) -> None:
    case.decision_due, case.decision_due_provisional = _decision_due(case)
