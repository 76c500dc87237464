"""Writes that touch a dispute and its records: each one transaction, each validated."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.accounts.models import User
from fazhi.core.locking import version_check
from fazhi.core.numbering import Sequence, number_allocate, number_claim
from fazhi.core.roles import Role
from fazhi.core.scope import ensure_region_in_scope
from fazhi.disputes.models import (
    MANY_PEOPLE,
    Agreement,
    Deliberation,
    Dispute,
    Finding,
    FollowUp,
    Handover,
    Outcome,
    Party,
    Risk,
    ScreeningReport,
    Session,
    Status,
)
from fazhi.notices.services import notice_send
from fazhi.regions.codes import town_prefix

EDITABLE_FIELDS = [
    "source",
    "dispute_type",
    "region",
    "place",
    "summary",
    "amount",
    "people_involved",
    "risk",
    "may_escalate",
]


DISPUTE_NUMBERS = Sequence(key="disputes.dispute", prefix="JF", model=Dispute)


def _next_number(registered_on: date) -> str:
    return number_allocate(sequence=DISPUTE_NUMBERS, year=registered_on.year)


def _alert_message(dispute: Dispute) -> str:
    reasons = []
    if dispute.may_escalate:
        reasons.append("可能激化")
    if dispute.risk == Risk.HIGH:
        reasons.append("重大风险")
    if dispute.people_involved >= MANY_PEOPLE:
        reasons.append(f"涉及{dispute.people_involved}人")
    return f"{dispute.region.name}登记纠纷{dispute.number}（{'、'.join(reasons)}）：{dispute.summary[:60]}"


def _town_people(dispute: Dispute, role: str):
    return User.objects.filter(
        role=role,
        is_active=True,
        region__code__startswith=town_prefix(dispute.region.code),
    )


def _alert_leaders(dispute: Dispute) -> None:
    disputes_alert_leaders(disputes=[dispute])


def disputes_alert_leaders(*, disputes: list[Dispute]) -> None:
    """Tell each dispute's town leaders now (消息中心, and e-mail to those who
    chose it); the leaders of each town are read once."""
    leaders_of: dict[str, list[User]] = {}
    for dispute in disputes:
        town = town_prefix(dispute.region.code)
        if town not in leaders_of:
            leaders_of[town] = list(_town_people(dispute, Role.TOWN_LEADER))
        notice_send(
            recipients=leaders_of[town],
            kind="disputes.alert",
            title=f"【纠纷预警】{_alert_message(dispute)}",
            url=dispute.get_absolute_url(),
            record=dispute,
        )


@transaction.atomic
def dispute_register(*, user, finding: Finding | None = None, **fields) -> Dispute:
    """Register a dispute; one that may escalate or involves many people alerts the leader."""
    dispute = Dispute(registered_by=user, **fields)
    if dispute.region_id:
        ensure_region_in_scope(user, dispute.region)
    if user.role == Role.MEDIATOR and dispute.organisation_id is None:
        dispute.organisation = user.organisation
    dispute.number = _next_number(dispute.registered_on or date.today())
    dispute.set_due_dates()
    dispute.full_clean()
    dispute.save()
    if user.role == Role.MEDIATOR:
        dispute.mediators.add(user)
    if finding is not None:
        finding.dispute = dispute
        finding.save(update_fields=["dispute"])
    if dispute.needs_alert:
        _alert_leaders(dispute)
    return dispute


@transaction.atomic
def dispute_import(*, user, number: str = "", parties=(), **fields) -> Dispute:
    """A dispute brought in from a town's own ledger, in the state the ledger records.

    Same rules as `dispute_register` (scope, validation, the leader's alert); the
    ledger's 编号 is kept when it is free, else the next number is given. `parties`
    are dicts of Party fields (name, role and, only if the sheet had one, id_number).
    `user` may be None for the command line, which has already chosen the region.
    """
    dispute = Dispute(registered_by=user, **fields)
    if user is not None and dispute.region_id:
        ensure_region_in_scope(user, dispute.region)
    if number and Dispute.objects.filter(number=number).exists():
        raise ValidationError({"number": f"编号「{number}」已被其他纠纷使用。"})
    if number:
        number_claim(sequence=DISPUTE_NUMBERS, number=number)
    dispute.number = number or _next_number(dispute.registered_on or date.today())
    dispute.set_due_dates()
    # registered_by is nullable (SET_NULL) but not blank: none from the command line
    dispute.full_clean(exclude=["registered_by"] if user is None else None)
    dispute.save()
    for party in parties:
        party_add(dispute=dispute, **party)
    if dispute.needs_alert:
        _alert_leaders(dispute)
    return dispute


@transaction.atomic
def dispute_update(*, dispute: Dispute, user, version: int | None, **fields) -> Dispute:
    """Change the intake fields, unless someone else changed the case since `version`.

    The kernel's optimistic lock (`fazhi.core.locking`); `version=None` is an
    import that read nothing and is not checked.
    """
    version_check(instance=dispute, version=version, submitted=fields)
    current = Dispute.objects.get(pk=dispute.pk)
    alerted_before = current.needs_alert
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name} is not an intake field")
        setattr(current, name, value)
    ensure_region_in_scope(user, current.region)
    current.version += 1
    current.full_clean()
    current.save()
    if current.needs_alert and not alerted_before:
        _alert_leaders(current)
    return current


@transaction.atomic
def dispute_assign(*, dispute: Dispute, user, organisation, mediators, accepted_on: date):
    """Accept a case for mediation by an organisation and its mediators."""
    if dispute.is_closed:
        raise ValidationError({"organisation": "该纠纷已办结或已移交，不能再分派调解。"})
    if not mediators:
        raise ValidationError({"mediators": "请至少指定一名调解员。"})
    dispute.organisation = organisation
    dispute.accepted_on = accepted_on
    dispute.status = Status.MEDIATING
    dispute.version += 1
    dispute.set_due_dates()
    dispute.full_clean()
    dispute.save()
    dispute.mediators.set(mediators)
    notice_send(
        recipients=[mediator for mediator in mediators if mediator != user],
        kind="disputes.assigned",
        title=f"纠纷{dispute.number}已分派给您调解（{organisation.name}）：{dispute.summary[:40]}",
        url=dispute.get_absolute_url(),
        record=dispute,
    )
    return dispute


@transaction.atomic
def party_add(*, dispute: Dispute, **fields) -> Party:
    party = Party(dispute=dispute, **fields)
    party.full_clean()
    party.save()
    return party


@transaction.atomic
def session_record(*, dispute: Dispute, user, **fields) -> Session:
    if dispute.is_closed:
        raise ValidationError({"held_on": "该纠纷已办结或已移交，不能再添加调解记录。"})
    session = Session(dispute=dispute, recorded_by=user, **fields)
    session.full_clean()
    session.save()
    if dispute.status == Status.REGISTERED:
        dispute.status = Status.MEDIATING
        dispute.accepted_on = dispute.accepted_on or session.held_on
        dispute.version += 1
        dispute.set_due_dates()
        dispute.save()
    return session


def _conclude(dispute: Dispute, *, outcome: str, on: date, note: str = "") -> None:
    if dispute.is_closed:
        raise ValidationError({"outcome": "该纠纷已办结或已移交。"})
    dispute.outcome = outcome
    dispute.concluded_on = on
    dispute.outcome_note = note
    dispute.status = Status.CONCLUDED
    dispute.version += 1
    dispute.set_due_dates()
    dispute.full_clean()
    dispute.save()


@transaction.atomic
def agreement_make(*, dispute: Dispute, **fields) -> Agreement:
    """Mediation succeeded: keep the agreement and conclude the case."""
    if not dispute.mediators.exists():
        raise ValidationError(
            {"terms": "该纠纷尚未指定调解员，不能制作调解协议。请先分派调解组织和调解员。"}
        )
    if Agreement.objects.filter(dispute=dispute).exists():
        raise ValidationError({"terms": "该纠纷已有调解协议。"})
    agreement = Agreement(dispute=dispute, **fields)
    agreement.full_clean()
    if agreement.signed_on < dispute.registered_on:
        raise ValidationError({"signed_on": "签订日期不能早于纠纷登记日期。"})
    agreement.save()
    _conclude(dispute, outcome=Outcome.SUCCESS, on=agreement.signed_on)
    return agreement


@transaction.atomic
def agreement_update_performance(
    *, agreement: Agreement, performance: str, note: str = "", confirmation_applied_on=None
):
    """Whether the agreement has been carried out, and when judicial confirmation was sought."""
    agreement.performance = performance
    agreement.performance_note = note
    agreement.confirmation_applied_on = confirmation_applied_on
    agreement.full_clean()
    agreement.save()
    return agreement


@transaction.atomic
def dispute_conclude(*, dispute: Dispute, outcome: str, concluded_on: date, note: str = ""):
    """Record a failed or terminated mediation (a success goes through `agreement_make`)."""
    if outcome == Outcome.SUCCESS:
        raise ValidationError({"outcome": "调解成功请制作调解协议。"})
    _conclude(dispute, outcome=outcome, on=concluded_on, note=note)
    return dispute


@transaction.atomic
def dispute_hand_over(*, dispute: Dispute, user, **fields) -> Handover:
    """Hand an open case to another channel; the mediation is recorded as 调解不成."""
    if dispute.is_closed:
        raise ValidationError(
            {"kind": f"该纠纷已{dispute.get_status_display()}，已结案的纠纷不能移交。"}
        )
    handover = Handover(dispute=dispute, handed_by=user, **fields)
    handover.full_clean()
    handover.save()
    dispute.status = Status.HANDED_OVER
    dispute.outcome = Outcome.FAILED
    dispute.concluded_on = handover.handed_on
    dispute.version += 1
    dispute.set_due_dates()
    dispute.full_clean()
    dispute.save()
    # The receiving body is outside the platform: the town office that follows
    # the case there (and records its result) is told.
    notice_send(
        recipients=[p for p in _town_people(dispute, Role.TOWN_OFFICER) if p != user],
        kind="disputes.handed_over",
        title=f"纠纷{dispute.number}已移交{handover.receiver}"
        f"（{handover.get_kind_display()}），请跟进并登记处理结果",
        url=dispute.get_absolute_url(),
        record=dispute,
    )
    return handover


@transaction.atomic
def handover_record_result(*, handover: Handover, result: str, result_on: date) -> Handover:
    if not result.strip():
        raise ValidationError({"result": "请填写接收方的处理结果。"})
    handover.result = result
    handover.result_on = result_on
    handover.full_clean()
    handover.save()
    return handover


@transaction.atomic
def follow_up_record(*, dispute: Dispute, user, **fields) -> FollowUp:
    if dispute.status != Status.CONCLUDED:
        raise ValidationError({"visited_on": "纠纷办结后才能回访。"})
    visit = FollowUp(dispute=dispute, visited_by=user, **fields)
    visit.full_clean()
    visit.save()
    # The visit is made: the stored due date no longer counts it as waiting.
    Dispute.objects.filter(pk=dispute.pk).update(follow_up_due=None)
    dispute.follow_up_due = None
    return visit


@transaction.atomic
def screening_file(*, user, region, month: date, screened_on: date, notes: str, findings):
    """File a village's monthly screening; no findings makes it a zero report."""
    ensure_region_in_scope(user, region)
    report = ScreeningReport(
        region=region,
        month=month.replace(day=1),
        screened_on=screened_on,
        notes=notes,
        filed_by=user,
    )
    if ScreeningReport.objects.filter(region=region, month=report.month).exists():
        raise ValidationError({"month": f"{region.name}{report.month:%Y年%m月}的排查报告已填报。"})
    report.full_clean()
    report.save()
    for item in findings:
        finding = Finding(report=report, **item)
        finding.full_clean()
        finding.save()
    return report


def finding_to_dispute(*, finding: Finding, user, dispute_type, registered_on: date) -> Dispute:
    """One click: a screening finding becomes a registered dispute."""
    if finding.dispute_id:
        raise ValidationError("该排查发现已登记为纠纷。")
    return dispute_register(
        user=user,
        finding=finding,
        region=finding.report.region,
        source="screening",
        dispute_type=dispute_type,
        summary=finding.summary,
        people_involved=finding.people_involved,
        risk=finding.risk,
        registered_on=registered_on,
    )


@transaction.atomic
def deliberation_record(*, user, region, **fields) -> Deliberation:
    ensure_region_in_scope(user, region)
    meeting = Deliberation(region=region, **fields)
    meeting.full_clean()
    meeting.save()
    return meeting
