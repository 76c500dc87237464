from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.cases import services
from fazhi.cases.exports import adjudication_ledger
from fazhi.cases.forms import AdjudicationForm, AdjudicationIssueForm, AdjudicationProgressForm
from fazhi.cases.models import Adjudication
from fazhi.cases.search import ADJUDICATION_FIELDS
from fazhi.cases.views.common import PAGE_SIZE, filter_cases
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate, run_service

CRUMBS = [("行政诉讼与复议", "/cases/"), ("行政裁决", "/cases/adjudications/")]


def _cases(request):
    queryset = Adjudication.objects.for_user(request.user).select_related("region", "handler")
    return filter_cases(
        queryset,
        request.GET,
        dates={"applied": ("applied_on", "申请日期"), "decided": ("decided_on", "裁决日期")},
        search=ADJUDICATION_FIELDS,
    )


@capability_required("cases")
def adjudication_export(request):
    cases, _ = _cases(request)
    return adjudication_ledger(cases)


@capability_required("cases")
def adjudication_list(request):
    cases, filters = _cases(request)
    context = {
        "page": paginate(request, cases, per_page=PAGE_SIZE),
        "filters": filters,
        "can_edit": can(request.user, "cases", edit=True),
        "breadcrumbs": [*CRUMBS[:1], ("行政裁决", None)],
    }
    return render(request, "cases/adjudication_list.html", context)


@capability_required("cases", edit=True)
def adjudication_new(request):
    form = AdjudicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        case = run_service(
            form, services.adjudication_create, user=request.user, **form.cleaned_data
        )
        if case:
            messages.success(request, "已登记行政裁决申请。")
            return redirect(case)
    context = {"form": form, "title": "登记行政裁决申请", "breadcrumbs": [*CRUMBS, ("登记", None)]}
    return render(request, "cases/case_form.html", context)


@capability_required("cases")
def adjudication_detail(request, pk: int, **bound_forms):
    case = get_for_user_or_404(Adjudication, request.user, pk=pk)
    context = {
        "case": case,
        "progress_form": AdjudicationProgressForm(instance=case),
        "issue_form": AdjudicationIssueForm(),
        "can_edit": can(request.user, "cases", edit=True),
        "breadcrumbs": [*CRUMBS, (case.case_number, None)],
        **bound_forms,
    }
    return render(request, "cases/adjudication_detail.html", context)


@capability_required("cases", edit=True)
@require_POST
def adjudication_progress(request, pk: int):
    case = get_for_user_or_404(Adjudication, request.user, pk=pk)
    form = AdjudicationProgressForm(request.POST, instance=Adjudication.objects.get(pk=case.pk))
    if form.is_valid() and run_service(
        form,
        services.adjudication_update,
        case=case,
        version=form.read_version,
        **form.cleaned_data,
    ):
        messages.success(request, "已保存。")
        return redirect(case)
    return adjudication_detail(request, pk, progress_form=form)


@capability_required("cases", edit=True)
@require_POST
def adjudication_issue(request, pk: int):
    case = get_for_user_or_404(Adjudication, request.user, pk=pk)
    form = AdjudicationIssueForm(request.POST)
    if form.is_valid() and run_service(
        form, services.adjudication_issue, case=case, **form.cleaned_data
    ):
        messages.success(request, "裁决已作出。")
        return redirect(case)
    return adjudication_detail(request, pk, issue_form=form)
