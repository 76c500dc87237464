"""/api/v1/publicity/…: every record type, through the scope rule.

A region, village, unit, campaign or person outside the caller's scope is
refused with a 400 naming the field; a record outside it answers 404.
"""

from django.db import transaction
from rest_framework import permissions, viewsets

from fazhi.core.permissions import HasCapability, ScopedViewSetMixin
from fazhi.core.protected import record_delete
from fazhi.publicity.api.serializers import (
    SERIALIZERS,
    ActivitySerializer,
    ExamScoreSerializer,
    LawUnderstanderSerializer,
    ScreenSerializer,
    ThemeSerializer,
)
from fazhi.publicity.models import (
    Activity,
    Cadre,
    Campaign,
    Exam,
    ExamScore,
    KeyDate,
    LawUnderstander,
    ResponsibilityList,
    Screen,
    ScreenContent,
    StudySession,
    Theme,
    Training,
)


class PublicityViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    capability = "publicity"

    def perform_create(self, serializer):
        with transaction.atomic():
            serializer.save()

    def perform_update(self, serializer):
        with transaction.atomic():
            serializer.save()

    def perform_destroy(self, instance):
        record_delete(instance)  # 409 with a message while other records refer to it


def viewset(model_class, serializer_class, *, related=(), filters=()):
    return type(
        f"{model_class.__name__}ViewSet",
        (PublicityViewSet,),
        {
            "queryset": model_class.objects.select_related(*related),
            "serializer_class": serializer_class,
            "filterset_fields": list(filters),
            "__doc__": f"{model_class._meta.verbose_name}（按管辖范围）。",
        },
    )


class ActivityViewSet(PublicityViewSet):
    """普法活动（按管辖范围）。"""

    queryset = Activity.objects.with_related()
    serializer_class = ActivitySerializer
    filterset_fields = {
        "date": ["gte", "lte"],
        "form": ["exact"],
        "status": ["exact"],
        "concentrated": ["exact"],
        "campaign": ["exact"],
        "villages__code": ["exact"],
        "themes__name": ["exact"],
    }


class ThemeViewSet(viewsets.ReadOnlyModelViewSet):
    """普法主题（全系统共用的配置）。"""

    permission_classes = [permissions.IsAuthenticated, HasCapability]
    capability = "publicity"
    queryset = Theme.objects.filter(active=True)
    serializer_class = ThemeSerializer
    pagination_class = None


def register(router):
    router.register("publicity/activities", ActivityViewSet, basename="publicity-activity")
    router.register("publicity/themes", ThemeViewSet, basename="publicity-theme")
    router.register(
        "publicity/understanders",
        viewset(LawUnderstander, LawUnderstanderSerializer, related=["region"], filters=["active"]),
        basename="publicity-understander",
    )
    router.register(
        "publicity/screens",
        viewset(Screen, ScreenSerializer, related=["region"], filters=["status"]),
        basename="publicity-screen",
    )
    router.register(
        "publicity/exam-scores",
        type(
            "ExamScoreViewSet",
            (PublicityViewSet,),
            {
                "queryset": ExamScore.objects.select_related("exam", "cadre"),
                "serializer_class": ExamScoreSerializer,
                "filterset_fields": ["exam"],
                "__doc__": "考试成绩（按管辖范围）。",
            },
        ),
        basename="publicity-exam-score",
    )
    paths = {
        Campaign: "campaigns",
        ResponsibilityList: "responsibility-lists",
        KeyDate: "key-dates",
        Training: "trainings",
        ScreenContent: "screen-contents",
        Cadre: "cadres",
        StudySession: "study-sessions",
        Exam: "exams",
    }
    for model_class, path in paths.items():
        router.register(
            f"publicity/{path}",
            viewset(model_class, SERIALIZERS[model_class], related=["region"]),
            basename=f"publicity-{path[:-1]}",
        )
