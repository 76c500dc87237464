"""Every write of the village legal-service records; the pages, the API and the
ledger imports all call these."""

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from fazhi.core.locking import version_check
from fazhi.core.roles import Role
from fazhi.core.scope import ensure_region_in_scope
from fazhi.villagelaw.models import (
    STAGE_AFTER,
    Assignment,
    Compact,
    CompactStep,
    Stage,
    StepKind,
    Visit,
    VoteResult,
)
from fazhi.villagelaw.procedure import step_errors

_TOWN = {Role.TOWN_OFFICER}
# Who records each step: the advisor reviews, the town gives its opinion, files
# and orders corrections, the village records its assembly and publication.
STEP_ROLES = {
    StepKind.REVIEW: {Role.LEGAL_ADVISOR, *_TOWN},
    StepKind.OPINION: _TOWN,
    StepKind.VOTE: {Role.VILLAGE_CADRE, *_TOWN},
    StepKind.FILING: _TOWN,
    StepKind.ADOPTION: {Role.VILLAGE_CADRE, *_TOWN},
    StepKind.CORRECTION: _TOWN,
}


def ensure_village_in_scope(user, region) -> None:
    """The write side of the scope rule; an advisor writes only into villages assigned to them."""
    ensure_region_in_scope(user, region)
    if user.role == Role.LEGAL_ADVISOR:
        assigned = Assignment.objects.filter(advisor__user=user, region=region).exists()
        if not assigned:
            raise PermissionDenied("您不是该村（社区）的法律顾问。")


@transaction.atomic
def record_save(
    *, user, record: models.Model, version: int | None = None, submitted: Mapping | None = None
) -> models.Model:
    """Save one plain record (assignment, consultation, referral, demonstration status,
    compact draft) inside the user's scope. An edit read at `version` stops with an
    `EditConflict` when somebody saved the record since."""
    if isinstance(record, Assignment) and user.role == Role.LEGAL_ADVISOR:
        raise PermissionDenied("法律顾问的驻村安排由镇法治专干登记。")
    ensure_village_in_scope(user, record.region if record.region_id else None)
    if record.pk:
        version_check(instance=record, version=version, submitted=submitted or {})
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def visit_record(
    *,
    user,
    assignment: Assignment,
    date: date,
    hours,
    work: str,
    visit: Visit | None = None,
    version: int | None = None,
) -> Visit:
    """Log (or correct) a day the advisor served the village."""
    ensure_village_in_scope(user, assignment.region)
    visit = visit or Visit()
    if visit.pk:
        ensure_village_in_scope(user, visit.region)
        version_check(
            instance=visit,
            version=version,
            submitted={"date": date, "hours": hours, "work": work},
        )
    visit.assignment, visit.region = assignment, assignment.region
    visit.date, visit.hours, visit.work = date, hours, work
    visit.full_clean()
    visit.save()
    return visit


@transaction.atomic
def compact_text_update(
    *, user, compact: Compact, title: str, text: str, version: int | None
) -> Compact:
    """Change a draft's text; past the draft the text is what was reviewed and voted."""
    ensure_village_in_scope(user, compact.region)
    version_check(instance=compact, version=version, submitted={"title": title, "text": text})
    if compact.stage != Stage.DRAFT:
        raise ValidationError(
            {"text": "只有起草阶段可以修改条文；已审核、表决的条文须先经“责令改正”退回起草。"}
        )
    compact.title, compact.text = title, text
    compact.full_clean()
    compact.save()
    return compact


@transaction.atomic
def compact_step_record(*, user, compact: Compact, kind: str, date: date, **fields) -> CompactStep:
    """Record the next step of a compact's procedure; a step cannot be skipped.

    A correction order sends the compact back to the draft, to be revised and
    reviewed again (村民委员会组织法 Art. 27). A vote that did not pass leaves
    the compact waiting for another vote.
    """
    ensure_village_in_scope(user, compact.region)
    if kind not in StepKind.values:
        raise ValidationError({"kind": "未知的办理环节。"})
    if user.role not in STEP_ROLES[StepKind(kind)]:
        raise PermissionDenied(f"「{StepKind(kind).label}」不由您的角色记录。")
    compact = Compact.objects.select_for_update().get(pk=compact.pk)
    step = CompactStep(compact=compact, revision=compact.revision, kind=kind, date=date, **fields)
    step.full_clean()
    errors = step_errors(step)
    if errors:
        raise ValidationError(errors)
    step.save()
    if kind == StepKind.CORRECTION:
        compact.stage = Stage.DRAFT
        compact.revision += 1
    elif not (kind == StepKind.VOTE and step.result == VoteResult.FAILED):
        compact.stage = STAGE_AFTER[StepKind(kind)]
    compact.save()
    return step
