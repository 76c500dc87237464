from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.cases import services
from fazhi.cases.exports import lawsuit_ledger
from fazhi.cases.forms import (
    AnswerForm,
    AppealForm,
    DecisionForm,
    HearingForm,
    LawsuitForm,
    SecondInstanceForm,
)
from fazhi.cases.models import Lawsuit
from fazhi.cases.search import LAWSUIT_FIELDS
from fazhi.cases.views.common import PAGE_SIZE, filter_cases
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate, record_action, run_service

CRUMBS = [("行政诉讼与复议", "/cases/"), ("行政诉讼", "/cases/lawsuits/")]


def _lawsuits(request):
    queryset = Lawsuit.objects.for_user(request.user).select_related("region", "handler", "leader")
    return filter_cases(
        queryset,
        request.GET,
        dates={
            "received": ("complaint_received_on", "收到起诉状日期"),
            "decided": ("decision_date", "裁判日期"),
            "heard": ("hearings__date", "开庭日期"),
        },
        search=LAWSUIT_FIELDS,
    )


@capability_required("cases")
def lawsuit_list(request):
    lawsuits, filters = _lawsuits(request)
    context = {
        "page": paginate(request, lawsuits, per_page=PAGE_SIZE),
        "filters": filters,
        "can_edit": can(request.user, "cases", edit=True),
        "breadcrumbs": [*CRUMBS[:1], ("行政诉讼", None)],
    }
    return render(request, "cases/lawsuit_list.html", context)


@capability_required("cases")
def lawsuit_export(request):
    lawsuits, _ = _lawsuits(request)
    return lawsuit_ledger(lawsuits.prefetch_related("hearings"))


@capability_required("cases", edit=True)
def lawsuit_new(request):
    form = LawsuitForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        lawsuit = run_service(form, services.lawsuit_create, user=request.user, **form.cleaned_data)
        if lawsuit:
            messages.success(request, f"已登记，答辩举证期满日为 {lawsuit.answer_due:%Y-%m-%d}。")
            return redirect(lawsuit)
    context = {"form": form, "title": "登记行政诉讼案件", "breadcrumbs": [*CRUMBS, ("登记", None)]}
    return render(request, "cases/case_form.html", context)


@capability_required("cases", edit=True)
def lawsuit_edit(request, pk: int):
    lawsuit = get_for_user_or_404(Lawsuit, request.user, pk=pk)
    form = LawsuitForm(
        request.POST or None, user=request.user, instance=Lawsuit.objects.get(pk=lawsuit.pk)
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if run_service(
            form,
            services.lawsuit_update,
            user=request.user,
            lawsuit=lawsuit,
            version=form.read_version,
            **fields,
        ):
            messages.success(request, "已保存。")
            return redirect(lawsuit)
    title = f"修改 {lawsuit.case_number}"
    crumbs = [*CRUMBS, (lawsuit.case_number, lawsuit.get_absolute_url()), ("修改", None)]
    return render(
        request, "cases/case_form.html", {"form": form, "title": title, "breadcrumbs": crumbs}
    )


@capability_required("cases")
def lawsuit_detail(request, pk: int, **bound_forms):
    lawsuit = get_for_user_or_404(
        Lawsuit.objects.select_related("first_instance"), request.user, pk=pk
    )
    forms = {
        "answer_form": AnswerForm(),
        "hearing_form": HearingForm(),
        "decision_form": DecisionForm(),
        "appeal_form": AppealForm(),
        "second_form": SecondInstanceForm(),
        **bound_forms,
    }
    context = {
        "case": lawsuit,
        "hearings": lawsuit.hearings.all(),
        "appeals": lawsuit.appeals.all(),
        "can_edit": can(request.user, "cases", edit=True),
        "breadcrumbs": [*CRUMBS, (lawsuit.case_number, None)],
        **forms,
    }
    return render(request, "cases/lawsuit_detail.html", context)


def _action(request, pk, form_class, form_name, service):
    return record_action(
        request,
        model=Lawsuit,
        pk=pk,
        form_class=form_class,
        form_name=form_name,
        service=service,
        record_arg="lawsuit",
        detail=lawsuit_detail,
    )


@capability_required("cases", edit=True)
@require_POST
def lawsuit_answer(request, pk: int):
    return _action(request, pk, AnswerForm, "answer_form", services.lawsuit_record_answer)


@capability_required("cases", edit=True)
@require_POST
def lawsuit_hearing(request, pk: int):
    return _action(request, pk, HearingForm, "hearing_form", services.hearing_record)


@capability_required("cases", edit=True)
@require_POST
def lawsuit_decide(request, pk: int):
    return _action(request, pk, DecisionForm, "decision_form", services.lawsuit_decide)


@capability_required("cases", edit=True)
@require_POST
def lawsuit_appeal(request, pk: int):
    return _action(request, pk, AppealForm, "appeal_form", services.lawsuit_decide_appeal)


@capability_required("cases", edit=True)
@require_POST
def lawsuit_second_instance(request, pk: int):
    first = get_for_user_or_404(Lawsuit, request.user, pk=pk)
    form = SecondInstanceForm(request.POST)
    if form.is_valid():
        second = run_service(
            form,
            services.lawsuit_open_second_instance,
            user=request.user,
            first=first,
            **form.cleaned_data,
        )
        if second:
            messages.success(request, "已登记二审。")
            return redirect(second)
    return lawsuit_detail(request, pk, second_form=form)
