from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.cases import services
from fazhi.cases.exports import reconsideration_ledger
from fazhi.cases.forms import (
    AnswerForm,
    ExtensionForm,
    ReconsiderationDecisionForm,
    ReconsiderationForm,
)
from fazhi.cases.models import Reconsideration
from fazhi.cases.search import RECONSIDERATION_FIELDS
from fazhi.cases.views.common import PAGE_SIZE, filter_cases
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate, record_action, run_service

CRUMBS = [("行政诉讼与复议", "/cases/"), ("行政复议", "/cases/reconsiderations/")]


def _cases(request):
    queryset = Reconsideration.objects.for_user(request.user).select_related(
        "region", "handler", "leader"
    )
    return filter_cases(
        queryset,
        request.GET,
        dates={
            "received": ("received_on", "收到申请书副本日期"),
            "decided": ("decision_date", "复议决定日期"),
        },
        search=RECONSIDERATION_FIELDS,
    )


@capability_required("cases")
def reconsideration_list(request):
    cases, filters = _cases(request)
    context = {
        "page": paginate(request, cases, per_page=PAGE_SIZE),
        "filters": filters,
        "can_edit": can(request.user, "cases", edit=True),
        "breadcrumbs": [*CRUMBS[:1], ("行政复议", None)],
    }
    return render(request, "cases/reconsideration_list.html", context)


@capability_required("cases")
def reconsideration_export(request):
    cases, _ = _cases(request)
    return reconsideration_ledger(cases)


@capability_required("cases", edit=True)
def reconsideration_new(request):
    form = ReconsiderationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        case = run_service(
            form, services.reconsideration_create, user=request.user, **form.cleaned_data
        )
        if case:
            messages.success(
                request,
                f"已登记，答复期满日 {case.answer_due:%Y-%m-%d}，"
                f"复议决定期满日 {case.decision_due:%Y-%m-%d}。",
            )
            return redirect(case)
    context = {"form": form, "title": "登记行政复议案件", "breadcrumbs": [*CRUMBS, ("登记", None)]}
    return render(request, "cases/case_form.html", context)


@capability_required("cases", edit=True)
def reconsideration_edit(request, pk: int):
    case = get_for_user_or_404(Reconsideration, request.user, pk=pk)
    form = ReconsiderationForm(
        request.POST or None, user=request.user, instance=Reconsideration.objects.get(pk=case.pk)
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if run_service(
            form,
            services.reconsideration_update,
            user=request.user,
            case=case,
            version=form.read_version,
            **fields,
        ):
            messages.success(request, "已保存。")
            return redirect(case)
    title = f"修改 {case.case_number}"
    crumbs = [*CRUMBS, (case.case_number, case.get_absolute_url()), ("修改", None)]
    return render(
        request, "cases/case_form.html", {"form": form, "title": title, "breadcrumbs": crumbs}
    )


@capability_required("cases")
def reconsideration_detail(request, pk: int, **bound_forms):
    case = get_for_user_or_404(Reconsideration, request.user, pk=pk)
    context = {
        "case": case,
        "answer_form": AnswerForm(),
        "extension_form": ExtensionForm(),
        "decision_form": ReconsiderationDecisionForm(),
        "can_edit": can(request.user, "cases", edit=True),
        "breadcrumbs": [*CRUMBS, (case.case_number, None)],
        **bound_forms,
    }
    return render(request, "cases/reconsideration_detail.html", context)


def _action(request, pk, form_class, form_name, service):
    return record_action(
        request,
        model=Reconsideration,
        pk=pk,
        form_class=form_class,
        form_name=form_name,
        service=service,
        record_arg="case",
        detail=reconsideration_detail,
    )


@capability_required("cases", edit=True)
@require_POST
def reconsideration_answer(request, pk: int):
    return _action(request, pk, AnswerForm, "answer_form", services.reconsideration_record_answer)


@capability_required("cases", edit=True)
@require_POST
def reconsideration_extend(request, pk: int):
    return _action(request, pk, ExtensionForm, "extension_form", services.reconsideration_extend)


@capability_required("cases", edit=True)
@require_POST
def reconsideration_decide(request, pk: int):
    return _action(
        request, pk, ReconsiderationDecisionForm, "decision_form", services.reconsideration_decide
    )
