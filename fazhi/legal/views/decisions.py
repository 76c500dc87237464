from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from fazhi.attachments.models import Attachment
from fazhi.core.keyword import keyword_filter
from fazhi.core.periods import linked_period, year_from
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, paginate
from fazhi.legal import services
from fazhi.legal.forms import CatalogueForm, DecisionForm, step_form_class
from fazhi.legal.models import STEP_ORDER, Catalogue, Decision, Stage, StepKind
from fazhi.legal.search import DECISION_FIELDS
from fazhi.legal.services import decision_archive, decision_create, decision_step_record
from fazhi.legal.views.common import PAGE_SIZE, excel_response, office_required
from fazhi.regions.models import Region
from fazhi.regions.selectors import in_linked_region

CRUMB = ("法律顾问与重大决策", "/legal/")


def _filtered_decisions(request):
    decisions = Decision.objects.for_user(request.user).select_related("catalogue")
    decisions = keyword_filter(decisions, value=request.GET.get("q"), fields=DECISION_FIELDS)
    decisions = in_linked_region(decisions, request.GET)
    period = linked_period(request.GET)
    if period:  # by the decision's year, as the metrics count them
        decisions = decisions.filter(year__gte=period.start.year, year__lte=period.end.year)
    year = year_from(request)
    if year:
        decisions = decisions.in_year(year)
    if request.GET.get("stage"):
        decisions = decisions.filter(stage=request.GET["stage"])
    if request.GET.get("reviewed") == "yes":
        decisions = decisions.filter(steps__kind=StepKind.LEGALITY).distinct()
    return decisions


@office_required()
def decision_list(request):
    decisions = _filtered_decisions(request)
    if request.GET.get("export") == "xlsx":
        return excel_response(
            "重大行政决策台账",
            ["年度", "决策事项", "承办单位", "当前环节", "所属目录"],
            (
                (d.year, d.title, d.sponsor, d.get_stage_display(), str(d.catalogue or ""))
                for d in decisions
            ),
        )
    context = {
        "page": paginate(request, decisions, per_page=PAGE_SIZE),
        "stages": Stage.choices,
        "breadcrumbs": [CRUMB, ("重大行政决策", None)],
    }
    return render(request, "legal/decision_list.html", context)


@office_required(edit=True)
def decision_new(request):
    user = request.user
    form = DecisionForm(
        request.POST or None,
        request.FILES or None,
        catalogues=Catalogue.objects.for_user(user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision = decision_create(user=user, region=user.scope_region, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "决策已启动，下一步：公众参与。")
            return redirect("legal:decision_detail", pk=decision.pk)
    return render(
        request,
        "legal/form.html",
        {
            "form": form,
            "title": "启动重大行政决策",
            "multipart": True,
            "breadcrumbs": [CRUMB, ("重大行政决策", reverse("legal:decisions")), ("启动", None)],
        },
    )


def _render_detail(request, decision, form=None, status=200):
    steps = list(decision.steps.select_related("review_request__reviewer").order_by("date", "id"))
    files = Attachment.objects.filter(
        owner_type__model="decisionstep", owner_id__in=[step.pk for step in steps]
    )
    by_step = {}
    for attachment in files:
        by_step.setdefault(attachment.owner_id, []).append(attachment)
    done = {step.kind for step in steps}
    for step in steps:
        step.files = by_step.get(step.pk, [])
    if form is None and not decision.is_done:
        form = step_form_class(decision.stage)(decision=decision)
    context = {
        "decision": decision,
        "steps": sorted(steps, key=lambda step: step.position),
        "procedure": [(kind, StepKind(kind).label, kind in done) for kind in STEP_ORDER],
        "form": form,
        "next_label": None if decision.is_done else StepKind(decision.stage).label,
        "reviews": decision.review_requests.select_related("reviewer"),
        "breadcrumbs": [
            CRUMB,
            ("重大行政决策", reverse("legal:decisions")),
            (decision.title, None),
        ],
    }
    return render(request, "legal/decision_detail.html", context, status=status)


@office_required()
def decision_detail(request, pk: int):
    return _render_detail(request, get_for_user_or_404(Decision, request.user, pk=pk))


@office_required(edit=True)
@require_POST
def decision_step(request, pk: int):
    decision = get_for_user_or_404(Decision, request.user, pk=pk)
    kind = request.POST.get("kind", "")
    if kind not in STEP_ORDER:
        raise Http404
    form = step_form_class(kind)(request.POST, request.FILES, decision=decision)
    if form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != "documents"}
        try:
            decision_step_record(
                decision=decision,
                user=request.user,
                kind=kind,
                documents=form.cleaned_data.get("documents"),
                **data,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, f"已记录「{StepKind(kind).label}」。")
            return redirect("legal:decision_detail", pk=pk)
    return _render_detail(request, decision, form=form, status=400)


@office_required()
def decision_download(request, pk: int):
    decision = get_for_user_or_404(Decision, request.user, pk=pk)
    response = HttpResponse(decision_archive(decision=decision), content_type="application/zip")
    from urllib.parse import quote

    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{quote(f'重大行政决策档案-{decision.pk}-{decision.title}.zip')}"
    )
    return response


@office_required()
def catalogue_list(request):
    catalogues = (
        Catalogue.objects.for_user(request.user)
        .select_related("region")
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.order_by("id")))
    )
    return render(
        request,
        "legal/catalogue_list.html",
        {"catalogues": catalogues, "breadcrumbs": [CRUMB, ("决策事项目录", None)]},
    )


@office_required(edit=True)
def catalogue_create(request):
    form = CatalogueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.catalogue_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "已建立事项目录。")
            return redirect("legal:catalogues")
    return render(
        request,
        "legal/form.html",
        {"form": form, "title": "建立决策事项目录", "breadcrumbs": [CRUMB, ("事项目录", None)]},
    )


@office_required(edit=True)
@require_POST
def catalogue_publish(request, pk: int):
    catalogue = get_for_user_or_404(Catalogue, request.user, pk=pk)
    if services.catalogue_publish(user=request.user, catalogue=catalogue):
        messages.success(request, f"「{catalogue.title}」已向社会公布。")
    return redirect("legal:catalogues")


def public_catalogue(request, code: str, year: int):
    """The published catalogue, for the public: titles and stages only, no login."""
    region = get_object_or_404(Region, code=code)
    catalogue = get_object_or_404(
        Catalogue.objects.published().select_related("region"), region=region, year=year
    )
    decisions = catalogue.decisions.order_by("id")
    return render(
        request, "legal/public_catalogue.html", {"catalogue": catalogue, "decisions": decisions}
    )
