"""Sheets: scores with their records, 自评, 审核, 定稿, 中期评估, the evidence pack."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.assessment import pack, services
from fazhi.assessment.forms import CheckpointForm, ReturnForm, ReviewForm, SelfAssessForm
from fazhi.assessment.models import Entry, Level, Sheet, SheetStatus
from fazhi.assessment.selectors import score_entries, self_total, sheet_total, weakest
from fazhi.assessment.views.systems import CRUMB
from fazhi.attachments.models import Attachment
from fazhi.core.locking import EditConflict
from fazhi.core.periods import linked_period, year_from
from fazhi.core.permissions import capability_required
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, paginate
from fazhi.regions.selectors import in_linked_region

FIELD_OF = {
    "self_score": "score",
    "review_score": "score",
    "review_reason": "reason",
    "return_note": "note",
    "return_due": "due",
}


def _errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        error = ValidationError({FIELD_OF.get(k, k): v for k, v in error.error_dict.items()})
    form_errors(form, error)


def _sheet(request, pk):
    return get_for_user_or_404(Sheet.objects.with_related(), request.user, pk=pk)


@capability_required("assessment")
def sheet_detail(request, pk):
    sheet = _sheet(request, pk)
    scored = score_entries(sheet)
    total = sheet_total(sheet, scored)
    files = Attachment.objects.filter(
        owner_type__app_label="assessment",
        owner_type__model="entry",
        owner_id__in=[i.entry.pk for i in scored],
    ).values_list("owner_id", flat=True)
    counts = {}
    for owner in files:
        counts[owner] = counts.get(owner, 0) + 1
    for item in scored:
        item.file_count = counts.get(item.entry.pk, 0)
    context = {
        "sheet": sheet,
        "scored": scored,
        "total": total,
        "self_total": self_total(scored),
        "weakest": weakest(scored),
        "checkpoints": sheet.checkpoints.all()[:20],
        "may_self": services.may_self_assess(request.user, sheet),
        "may_review": services.may_review(request.user, sheet),
        "checkpoint_form": CheckpointForm(),
        "breadcrumbs": [CRUMB, (str(sheet), None)],
    }
    return render(request, "assessment/sheet_detail.html", context)


def _sheet_action(request, pk, service, done, **kwargs):
    sheet = _sheet(request, pk)
    try:
        service(user=request.user, sheet=sheet, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(sheet)


@require_POST
@capability_required("assessment", edit=True)
def sheet_submit(request, pk):
    return _sheet_action(request, pk, services.sheet_submit, "已提交，等待县里审核。")


@require_POST
@capability_required("assessment", edit=True)
def sheet_finalise(request, pk):
    return _sheet_action(request, pk, services.sheet_finalise, "已定稿，得分已冻结。")


@require_POST
@capability_required("assessment", edit=True)
def sheet_checkpoint(request, pk):
    form = CheckpointForm(request.POST)
    label = form.cleaned_data["label"] if form.is_valid() else "中期评估"
    return _sheet_action(
        request, pk, services.checkpoint_take, f"已留存快照“{label}”。", label=label
    )


@capability_required("assessment")
def sheet_pack(request, pk):
    sheet = _sheet(request, pk)
    response = StreamingHttpResponse(pack.stream(sheet), content_type="application/zip")
    name = quote(f"{sheet}佐证材料.zip")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response


def _entry(request, pk):
    return get_for_user_or_404(
        Entry.objects.select_related("indicator", "sheet__system", "sheet__region", "reviewed_by"),
        request.user,
        pk=pk,
    )


@capability_required("assessment")
def entry_detail(request, pk, *, self_form=None, review_form=None, return_form=None):
    entry = _entry(request, pk)
    sheet = entry.sheet
    (scored,) = score_entries(sheet, [entry])
    may_self = services.may_self_assess(request.user, sheet) and not sheet.is_frozen
    may_review = services.may_review(request.user, sheet) and sheet.status == SheetStatus.SUBMITTED
    links = "\n".join(
        f"{link.get('label', '')} {link.get('url', '')}".strip() for link in entry.links
    )
    context = {
        "entry": entry,
        "sheet": sheet,
        "item": scored,
        "files": Attachment.objects.of(entry),
        "history": entry.history.select_related("history_user").order_by("-history_date")[:50],
        "may_self": may_self,
        "may_review": may_review,
        "self_form": self_form
        or SelfAssessForm(
            initial={
                "score": entry.self_score,
                "note": entry.self_note,
                "links": links,
                "triggered": entry.triggered,
            }
        ),
        "review_form": review_form
        or ReviewForm(initial={"score": entry.review_score, "reason": entry.review_reason}),
        "return_form": return_form or ReturnForm(),
        "breadcrumbs": [
            CRUMB,
            (str(sheet), sheet.get_absolute_url()),
            (str(entry.indicator), None),
        ],
    }
    return render(request, "assessment/entry_detail.html", context)


@require_POST
@capability_required("assessment", edit=True)
def entry_self_assess(request, pk):
    entry = _entry(request, pk)
    form = SelfAssessForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.entry_self_assess(
                user=request.user,
                entry=entry,
                score=data["score"],
                note=data["note"],
                links=data["links"],
                uploads=data["files"] or [],
                triggered=data["triggered"],
                version=entry.version
                if request.POST.get("version") is None
                else _int(request.POST.get("version")),
            )
        except (ValidationError, EditConflict) as error:
            _errors(form, error)
        else:
            messages.success(request, "自评已保存。")
            return redirect(entry)
    return entry_detail(request, pk, self_form=form)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_POST
@capability_required("assessment", edit=True)
def entry_review(request, pk):
    entry = _entry(request, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.entry_review(
                user=request.user,
                entry=entry,
                score=data["score"],
                reason=data["reason"],
                triggered=data["triggered"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, "审核意见已保存。")
            return redirect(entry.sheet)
    return entry_detail(request, pk, review_form=form)


@require_POST
@capability_required("assessment", edit=True)
def entry_return(request, pk):
    entry = _entry(request, pk)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.entry_return(
                user=request.user,
                entry=entry,
                note=form.cleaned_data["note"],
                due=form.cleaned_data["due"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, "已退回镇里补充。")
            return redirect(entry.sheet)
    return entry_detail(request, pk, return_form=form)


@capability_required("assessment")
def village_results(request):
    """镇对村: each village's sheet and score, for the villages the user sees."""
    year = year_from(request)
    sheets = Sheet.objects.for_user(request.user).with_related().filter(system__level=Level.VILLAGE)
    sheets = in_linked_region(sheets, request.GET)  # a figure's link names region and period
    period = linked_period(request.GET)
    if period is not None:
        sheets = sheets.filter(system__year__range=(period.start.year, period.end.year))
    if request.GET.get("status") in SheetStatus.values:
        sheets = sheets.filter(status=request.GET["status"])
    if year:
        sheets = sheets.filter(system__year=year)
    sheets = sheets.order_by("-system__year", "-total", "region__code")
    context = {
        "page": paginate(request, sheets),
        "year": year,
        "breadcrumbs": [CRUMB, ("村级考核结果", None)],
    }
    return render(request, "assessment/villages.html", context)
