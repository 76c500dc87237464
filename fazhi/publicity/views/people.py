"""法律明白人 and their training; cadres, their law study and exams."""

from decimal import Decimal

from django.db.models import Count, Prefetch, Sum
from django.shortcuts import render
from django.urls import reverse

from fazhi.core.keyword import keyword_filter
from fazhi.core.periods import parse_count
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate
from fazhi.publicity.forms import (
    CadreForm,
    ExamForm,
    ExamScoreForm,
    LawUnderstanderForm,
    StudySessionForm,
    TrainingForm,
)
from fazhi.publicity.models import (
    Cadre,
    Exam,
    ExamScore,
    LawUnderstander,
    StudySession,
    Targets,
    Training,
)
from fazhi.publicity.search import UNDERSTANDER_FIELDS
from fazhi.publicity.views.common import crumbs, edit_page, period_from, scope_region
from fazhi.regions.models import Region


def _target(request, region) -> int:
    target = parse_count(
        request.GET.get("target"), name="target", label="每村目标人数", maximum=1000
    )
    return target or Targets.for_region(region).law_understanders_per_village


VILLAGES_PER_PAGE = 20


@capability_required("publicity")
def understander_list(request):
    region = scope_region(request)
    target = _target(request, region)
    people = (
        LawUnderstander.objects.for_user(request.user)
        .in_region(region)
        .active()
        .annotate(training_hours=Sum("trainings__hours"))
    )
    query = request.GET.get("q", "").strip()
    people = keyword_filter(people, value=query, fields=UNDERSTANDER_FIELDS)
    villages = Region.objects.for_user(request.user).villages().under(region.prefix)
    if query:  # a search shows the villages where someone matched, not the targets
        villages = villages.filter(pk__in=people.values("region_id"))
    # A page of villages at a time, and only their people: a county has hundreds.
    page = paginate(request, villages.order_by("code"), per_page=VILLAGES_PER_PAGE)
    by_village = {}
    for person in people.filter(region__in=list(page.object_list)).select_related("region"):
        by_village.setdefault(person.region_id, []).append(person)
    villages = [
        {
            "village": village,
            "people": by_village.get(village.pk, []),
            "short": max(0, target - len(by_village.get(village.pk, []))),
        }
        for village in page.object_list
    ]
    return render(
        request,
        "publicity/understander_list.html",
        {
            "villages": villages,
            "page": page,
            "people_count": people.count(),
            "query": query,
            "target": target,
            "region": region,
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs(("法律明白人", None)),
        },
    )


@capability_required("publicity", edit=True)
def understander_create(request):
    return edit_page(
        request,
        form_class=LawUnderstanderForm,
        title="登记法律明白人",
        back=reverse("publicity:understander_list"),
    )


@capability_required("publicity", edit=True)
def understander_edit(request, pk: int):
    person = get_for_user_or_404(LawUnderstander, request.user, pk=pk)
    return edit_page(
        request,
        form_class=LawUnderstanderForm,
        instance=person,
        title="修改法律明白人",
        back=reverse("publicity:understander_list"),
    )


@capability_required("publicity")
def training_list(request):
    trainings = (
        Training.objects.for_user(request.user)
        .select_related("region")
        .annotate(attendee_count=Count("attendees"))
        .order_by("-date", "-id")
    )
    page = paginate(request, trainings, per_page=50)
    return render(
        request,
        "publicity/training_list.html",
        {
            "page": page,
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs(
                ("法律明白人", reverse("publicity:understander_list")), ("培训记录", None)
            ),
        },
    )


@capability_required("publicity", edit=True)
def training_create(request):
    return edit_page(
        request, form_class=TrainingForm, title="登记培训", back=reverse("publicity:training_list")
    )


@capability_required("publicity", edit=True)
def training_edit(request, pk: int):
    training = get_for_user_or_404(Training, request.user, pk=pk)
    return edit_page(
        request,
        form_class=TrainingForm,
        instance=training,
        title="修改培训",
        back=reverse("publicity:training_list"),
    )


@capability_required("publicity")
def study_list(request):
    period = period_from(request)
    region = scope_region(request)
    sessions = (
        StudySession.objects.for_user(request.user)
        .in_region(region)
        .in_period(period)
        .annotate(attendee_count=Count("attendees"))
        .order_by("-date", "-id")
    )
    in_period = StudySession.objects.in_period(period)
    cadres = (
        Cadre.objects.for_user(request.user)
        .in_region(region)
        .prefetch_related(
            Prefetch("study_sessions", queryset=in_period, to_attr="sessions_in_period")
        )
    )
    hours = [
        (cadre, sum((s.hours for s in cadre.sessions_in_period), Decimal(0))) for cadre in cadres
    ]
    exams = (
        Exam.objects.for_user(request.user)
        .in_region(region)
        .filter(date__gte=period.start, date__lte=period.end)
        .annotate(taken=Count("scores"))
    )
    return render(
        request,
        "publicity/study_list.html",
        {
            "period": period,
            "sessions": sessions,
            "hours": hours,
            "exams": exams,
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs(("干部学法", None)),
        },
    )


@capability_required("publicity", edit=True)
def cadre_create(request):
    return edit_page(
        request, form_class=CadreForm, title="登记干部", back=reverse("publicity:study_list")
    )


@capability_required("publicity", edit=True)
def cadre_edit(request, pk: int):
    cadre = get_for_user_or_404(Cadre, request.user, pk=pk)
    return edit_page(
        request,
        form_class=CadreForm,
        instance=cadre,
        title="修改干部",
        back=reverse("publicity:study_list"),
    )


@capability_required("publicity", edit=True)
def study_create(request):
    return edit_page(
        request, form_class=StudySessionForm, title="登记学法", back=reverse("publicity:study_list")
    )


@capability_required("publicity", edit=True)
def study_edit(request, pk: int):
    session = get_for_user_or_404(StudySession, request.user, pk=pk)
    return edit_page(
        request,
        form_class=StudySessionForm,
        instance=session,
        title="修改学法",
        back=reverse("publicity:study_list"),
    )


@capability_required("publicity", edit=True)
def exam_create(request):
    return edit_page(
        request, form_class=ExamForm, title="登记学法考试", back=reverse("publicity:study_list")
    )


@capability_required("publicity")
def exam_detail(request, pk: int):
    exam = get_for_user_or_404(Exam, request.user, pk=pk)
    scores = (
        ExamScore.objects.for_user(request.user).filter(exam=exam).select_related("cadre", "exam")
    )
    return render(
        request,
        "publicity/exam_detail.html",
        {
            "exam": exam,
            "scores": scores,
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs(
                ("干部学法", reverse("publicity:study_list")), (exam.title, None)
            ),
        },
    )


@capability_required("publicity", edit=True)
def exam_score_add(request, pk: int):
    exam = get_for_user_or_404(Exam, request.user, pk=pk)
    back = reverse("publicity:exam_detail", args=[exam.pk])
    return edit_page(
        request,
        form_class=ExamScoreForm,
        instance=ExamScore(exam=exam),
        title=f"登记成绩：{exam.title}",
        back=back,
    )
