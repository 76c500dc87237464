"""Sheets: created for every town (or village), self-assessed, submitted,
reviewed (adjusted or returned for 补充), finalised (frozen) and snapshotted.

Who may do what (the one place it is decided):
- the county administrator creates sheets, reviews and finalises them;
- a town officer self-assesses the sheet of their own town, and for a
  village-level system scores (self-assesses and reviews) their town's
  villages (镇对村);
- everybody else reads what the scope rule shows them.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.assessment import scoring
from fazhi.assessment.models import (
    Checkpoint,
    Entry,
    EntryStatus,
    Level,
    Method,
    Sheet,
    SheetStatus,
    System,
)
from fazhi.assessment.selectors import score_entries, sheet_total
from fazhi.attachments.models import Kind
from fazhi.attachments.services import attach_uploads
from fazhi.core.locking import version_check
from fazhi.core.roles import Role
from fazhi.core.scope import ensure_region_in_scope
from fazhi.regions.models import Region

MAX_LINKS = 20
MAX_FILES = 20


def _visible(user, sheet: Sheet) -> None:
    if not Sheet.objects.for_user(user).filter(pk=sheet.pk).exists():
        raise PermissionDenied("该考核表不在您的管辖范围内。")


def may_review(user, sheet: Sheet) -> bool:
    if user.role == Role.COUNTY_ADMIN:
        return Sheet.objects.for_user(user).filter(pk=sheet.pk).exists()
    return (
        user.role == Role.TOWN_OFFICER
        and sheet.system.level == Level.VILLAGE
        and user.region is not None
        and sheet.region.code.startswith(user.region.prefix)
        and sheet.region_id != user.region_id
    )


def may_self_assess(user, sheet: Sheet) -> bool:
    if user.role != Role.TOWN_OFFICER or user.region is None:
        return False
    if sheet.system.level == Level.TOWN:
        return sheet.region_id == user.region_id
    return sheet.region.code.startswith(user.region.prefix)


def _ensure(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _not_frozen(sheet: Sheet) -> None:
    if sheet.is_frozen:
        raise ValidationError("考核表已定稿，分数不能再改。")


@transaction.atomic
def sheets_create(*, user, system: System, town: Region | None = None) -> list[Sheet]:
    """A sheet for every town of the county (or every village of `town`, or
    of the county), each with an entry per scored indicator. Existing sheets
    are kept."""
    if not system.is_published:
        raise ValidationError("指标体系发布后才能生成考核表。")
    if user.role == Role.COUNTY_ADMIN:
        ensure_region_in_scope(user, system.region if town is None else town)
        under = (town or system.region).prefix
    elif user.role == Role.TOWN_OFFICER and system.level == Level.VILLAGE and user.region:
        under = user.region.prefix
    else:
        raise PermissionDenied("只有县级管理员（或镇对村考核时的镇法治专干）可以生成考核表。")
    regions = Region.objects.under(under)
    regions = regions.towns() if system.level == Level.TOWN else regions.villages()
    leaves = list(system.leaves().order_by("order", "id"))
    created = []
    for region in regions.order_by("code"):
        sheet, new = Sheet.objects.get_or_create(system=system, region=region)
        if new:
            sheet.full_clean()
            Entry.objects.bulk_create([Entry(sheet=sheet, indicator=i) for i in leaves])
            created.append(sheet)
    return created


def _links(links) -> list[dict]:
    """Links to records: the product's own pages only (a path, never a host)."""
    if not isinstance(links, list) or len(links) > MAX_LINKS:
        raise ValidationError({"links": f"关联记录最多 {MAX_LINKS} 条。"})
    cleaned = []
    for link in links:
        url = str(link.get("url", "") if isinstance(link, dict) else link).strip()
        label = str(link.get("label", "") if isinstance(link, dict) else "").strip()[:100]
        if (
            not url.startswith("/")
            or url.startswith("//")
            or "\\" in url
            or len(url) > 300
            or any(c.isspace() for c in url)
        ):
            raise ValidationError(
                {"links": f"关联记录“{url[:40]}”须是本平台内的页面地址（以 / 开头）。"}
            )
        cleaned.append({"url": url, "label": label or url})
    return cleaned


def _check_score(entry: Entry, score, *, field: str) -> Decimal | None:
    if score is None:
        return None
    indicator = entry.indicator
    score = scoring.quantize(Decimal(score))
    low = indicator.min_score if indicator.method == Method.MANUAL else Decimal(0)
    if score < low or score > indicator.points:
        raise ValidationError({field: f"得分须在 {low} 至 {indicator.points} 分之间。"})
    return score


@transaction.atomic
def entry_self_assess(
    *,
    user,
    entry: Entry,
    score=None,
    note: str = "",
    links=None,
    uploads=(),
    triggered: bool | None = None,
    version: int | None = None,
) -> Entry:
    sheet = entry.sheet
    _visible(user, sheet)
    _ensure(may_self_assess(user, sheet), "只能对本镇的考核表自评。")
    _not_frozen(sheet)
    if version is not None:
        version_check(
            instance=entry, version=version, submitted={"self_score": score, "self_note": note}
        )
    if sheet.status == SheetStatus.SUBMITTED and entry.status != EntryStatus.RETURNED:
        raise ValidationError("考核表已提交，只有退回补充的指标可以修改。")
    if len(uploads) > MAX_FILES:
        raise ValidationError({"files": f"一次最多上传 {MAX_FILES} 个文件。"})
    entry.self_score = _check_score(entry, score, field="self_score")
    entry.self_note = note
    if links is not None:
        entry.links = _links(links)
    if triggered is not None and entry.indicator.method == Method.VETO:
        entry.triggered = triggered
    entry.status = (
        EntryStatus.RESUBMITTED if entry.status == EntryStatus.RETURNED else EntryStatus.SELF
    )
    entry.full_clean()
    entry.save()
    attach_uploads(
        uploads, user=user, owner=entry, region=sheet.region, kind=Kind.EVIDENCE, label="佐证材料"
    )
    return entry


@transaction.atomic
def sheet_submit(*, user, sheet: Sheet) -> Sheet:
    _visible(user, sheet)
    _ensure(may_self_assess(user, sheet), "只能提交本镇的考核表。")
    _not_frozen(sheet)
    if sheet.status != SheetStatus.SELF:
        raise ValidationError("考核表已提交。")
    missing = [
        str(e.indicator)
        for e in sheet.entries.select_related("indicator")
        if e.indicator.method == Method.MANUAL and e.self_score is None
    ]
    if missing:
        raise ValidationError("以下人工评分指标还没有自评得分：" + "；".join(missing[:10]))
    sheet.status = SheetStatus.SUBMITTED
    sheet.submitted_at = timezone.now()
    sheet.full_clean()
    sheet.save()
    return sheet


def _reviewable(user, entry: Entry) -> Sheet:
    sheet = entry.sheet
    _visible(user, sheet)
    _ensure(may_review(user, sheet), "只有县级管理员（镇对村考核时为镇法治专干）可以审核。")
    _not_frozen(sheet)
    if sheet.status != SheetStatus.SUBMITTED:
        raise ValidationError("考核表尚未提交，不能审核。")
    return sheet


@transaction.atomic
def entry_review(
    *, user, entry: Entry, score=None, reason: str = "", triggered: bool | None = None
) -> Entry:
    """Accept an indicator's score, or adjust it (a reason is then required)."""
    _reviewable(user, entry)
    if entry.status == EntryStatus.RETURNED:
        raise ValidationError("该指标已退回补充，等镇里补充后再审核。")
    score = _check_score(entry, score, field="review_score")
    (scored,) = score_entries(entry.sheet, [entry])
    proposed = scored.line.auto if scored.line.auto is not None else entry.self_score
    if score is not None and score != proposed and not reason.strip():
        raise ValidationError({"review_reason": "调整得分须写明理由。"})
    entry.review_score = score
    entry.review_reason = reason.strip()
    if triggered is not None and entry.indicator.method == Method.VETO:
        entry.triggered = triggered
    entry.status = EntryStatus.REVIEWED
    entry.reviewed_by = user
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def entry_return(*, user, entry: Entry, note: str, due: date) -> Entry:
    """Send an indicator back to the town for 补充 by `due` (it lands on their 待办)."""
    _reviewable(user, entry)
    if not note.strip():
        raise ValidationError({"return_note": "请写明需要补充的内容。"})
    if due is None or due < timezone.localdate():
        raise ValidationError({"return_due": "补充期限不能早于今天。"})
    entry.status = EntryStatus.RETURNED
    entry.return_note = note.strip()
    entry.return_due = due
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def sheet_finalise(*, user, sheet: Sheet) -> Sheet:
    """Final scores: store every figure and score; the sheet no longer moves."""
    _visible(user, sheet)
    _ensure(may_review(user, sheet), "只有县级管理员（镇对村考核时为镇法治专干）可以定稿。")
    _not_frozen(sheet)
    if sheet.status != SheetStatus.SUBMITTED:
        raise ValidationError("考核表尚未提交，不能定稿。")
    entries = list(sheet.entries.select_related("indicator"))
    waiting = [str(e.indicator) for e in entries if e.status == EntryStatus.RETURNED]
    if waiting:
        raise ValidationError("以下指标退回补充尚未完成：" + "；".join(waiting[:10]))
    scored = score_entries(sheet, entries)
    for item in scored:
        entry = item.entry
        if entry.indicator.metric:
            value = scoring._dec(item.value)
            entry.frozen_value = scoring.quantize(value) if value is not None else None
            entry.frozen_auto = item.line.auto
            entry.triggered = item.line.triggered
            entry.save()
    result = sheet_total(sheet, scored)
    sheet.total = result.value
    sheet.vetoed = result.vetoed
    sheet.frozen_at = timezone.now()
    sheet.status = SheetStatus.FINAL
    sheet.full_clean()
    sheet.save()
    return sheet


@transaction.atomic
def checkpoint_take(*, user, sheet: Sheet, label: str = "中期评估") -> Checkpoint:
    """A snapshot of the sheet as it stands (the 中期评估)."""
    _visible(user, sheet)
    _ensure(may_review(user, sheet) or may_self_assess(user, sheet), "您不能为该考核表留存快照。")
    scored = score_entries(sheet)
    result = sheet_total(sheet, scored)
    checkpoint = Checkpoint(
        sheet=sheet,
        label=label.strip()[:100] or "中期评估",
        taken_at=timezone.now(),
        taken_by=user,
        total=result.value,
        data=[
            {
                "number": item.indicator.number,
                "name": item.indicator.name,
                "points": str(item.indicator.points),
                "value": None if item.value is None else str(item.value),
                "auto": None if item.auto is None else str(item.auto),
                "self": None if item.entry.self_score is None else str(item.entry.self_score),
                "final": str(item.final),
            }
            for item in scored
        ],
    )
    checkpoint.full_clean()
    checkpoint.save()
    return checkpoint
