"""/api/v1/villagelaw/…: one viewset per record kind, all through the one scope rule.

A stale `version` answers 409; a 村规民约 step taken out of order answers 400
naming the step that is missing.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.core.locking import EditConflict, VersionConflict, VersionedSerializerMixin
from fazhi.core.permissions import ScopedViewSetMixin
from fazhi.villagelaw import services
from fazhi.villagelaw.forms import village_choices
from fazhi.villagelaw.models import (
    Assignment,
    Compact,
    CompactStep,
    Consultation,
    Demonstration,
    Referral,
    StepKind,
    Visit,
)


def _as_drf(error: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(error, "error_dict"):
        return serializers.ValidationError(error.message_dict)
    return serializers.ValidationError({"non_field_errors": error.messages})


def _call(service, **kwargs):
    try:
        return service(**kwargs)
    except EditConflict as conflict:
        raise VersionConflict(conflict) from None
    except DjangoValidationError as error:
        raise _as_drf(error) from None
    except DjangoPermissionDenied as denied:
        raise exceptions.PermissionDenied(str(denied)) from None


class VillageSerializer(VersionedSerializerMixin, serializers.ModelSerializer):
    """Related fields narrowed to the user's scope; the village to the writable ones."""

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is None or not request.user.is_authenticated:
            return fields  # the schema is built without a person
        user = request.user
        if "region" in fields:
            fields["region"].queryset = village_choices(user)
        for name, field in fields.items():
            queryset = getattr(field, "queryset", None)
            if name != "region" and queryset is not None and hasattr(queryset, "for_user"):
                field.queryset = queryset.choosable_by(user)
        return fields


class RecordViewSet(
    ScopedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    capability = "villagelaw"

    def _save(self, serializer, instance):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        version = serializer.read_version() if instance is not None else None
        submitted = dict(data)
        record = instance or serializer.Meta.model()
        for name, value in data.items():
            setattr(record, name, value)
        serializer.instance = _call(
            services.record_save,
            user=self.request.user,
            record=record,
            version=version,
            submitted=submitted,
        )

    def perform_create(self, serializer):
        self._save(serializer, None)

    def perform_update(self, serializer):
        # Read the record afresh: the serializer's copy is what the service compares against.
        self._save(serializer, self.get_queryset().model.objects.get(pk=serializer.instance.pk))


class AssignmentSerializer(VillageSerializer):
    class Meta:
        model = Assignment
        fields = [
            "id",
            "region",
            "advisor",
            "start",
            "end",
            "duty_schedule",
            "hours_target",
            "visits_target",
        ]


class AssignmentViewSet(RecordViewSet):
    """村（社区）法律顾问的任期和年度目标。"""

    queryset = Assignment.objects.select_related("region", "advisor")
    serializer_class = AssignmentSerializer


class VisitSerializer(VillageSerializer):
    class Meta:
        model = Visit
        fields = ["id", "assignment", "region", "date", "hours", "work"]
        read_only_fields = ["region"]


class VisitViewSet(RecordViewSet):
    """法律顾问驻村服务记录（日期、时长、服务内容）。"""

    queryset = Visit.objects.select_related("region")
    serializer_class = VisitSerializer

    def _save(self, serializer, instance):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        version = serializer.read_version() if instance is not None else None
        current = (
            {}
            if instance is None
            else {
                "assignment": instance.assignment,
                "date": instance.date,
                "hours": instance.hours,
                "work": instance.work,
            }
        )
        serializer.instance = _call(
            services.visit_record,
            user=self.request.user,
            visit=instance,
            version=version,
            **(current | data),
        )


class ConsultationSerializer(VillageSerializer):
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True)
    phone_masked = serializers.CharField(read_only=True)

    class Meta:
        model = Consultation
        fields = [
            "id",
            "region",
            "advisor",
            "date",
            "person_name",
            "phone",
            "phone_masked",
            "category",
            "question",
            "answer",
            "referred_to",
        ]


class ConsultationViewSet(RecordViewSet):
    """法律咨询台账（电话只显示掩码）。"""

    queryset = Consultation.objects.select_related("region")
    serializer_class = ConsultationSerializer


class ReferralSerializer(VillageSerializer):
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True)
    id_number = serializers.CharField(write_only=True, required=False, allow_blank=True)
    phone_masked = serializers.CharField(read_only=True)
    id_number_masked = serializers.CharField(read_only=True)
    decision_due = serializers.SerializerMethodField()
    assignment_due = serializers.SerializerMethodField()

    class Meta:
        model = Referral
        fields = [
            "id",
            "region",
            "consultation",
            "received_on",
            "applicant",
            "id_number",
            "id_number_masked",
            "phone",
            "phone_masked",
            "matter",
            "basis",
            "summary",
            "limitation_ends_on",
            "centre",
            "forwarded_on",
            "decided_on",
            "decision",
            "decision_due",
            "lawyer_assigned_on",
            "assignment_due",
            "lawyer",
            "outcome",
            "outcome_note",
        ]

    def get_decision_due(self, referral) -> str | None:
        deadline = referral.decision_deadline()
        return deadline.due.isoformat() if deadline and deadline.due else None

    def get_assignment_due(self, referral) -> str | None:
        deadline = referral.assignment_deadline()
        return deadline.due.isoformat() if deadline and deadline.due else None


class ReferralViewSet(RecordViewSet):
    """法律援助转介（身份证号码、电话只显示掩码；决定和指派期限按法律援助法第四十三条计算）。"""

    queryset = Referral.objects.select_related("region")
    serializer_class = ReferralSerializer


class CompactStepSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=StepKind.choices)

    class Meta:
        model = CompactStep
        fields = [
            "id",
            "revision",
            "kind",
            "date",
            "note",
            "lawful",
            "eligible",
            "attendance",
            "votes_for",
            "result",
        ]
        read_only_fields = ["revision"]


class CompactSerializer(VillageSerializer):
    steps = CompactStepSerializer(many=True, read_only=True)

    class Meta:
        model = Compact
        fields = ["id", "region", "kind", "title", "text", "stage", "revision", "steps"]
        read_only_fields = ["stage", "revision"]


class CompactViewSet(RecordViewSet):
    """村规民约（居民公约）及其办理环节；跳过未完成的环节时返回 400 并说明缺少哪一环节。"""

    queryset = Compact.objects.select_related("region").prefetch_related("steps")
    serializer_class = CompactSerializer

    def perform_update(self, serializer):
        compact = Compact.objects.get(pk=serializer.instance.pk)
        data = serializer.validated_data
        serializer.instance = _call(
            services.compact_text_update,
            user=self.request.user,
            compact=compact,
            title=data.get("title", compact.title),
            text=data.get("text", compact.text),
            version=serializer.read_version(),
        )

    @action(detail=True, methods=["post"], serializer_class=CompactStepSerializer)
    def steps(self, request, pk=None):
        """Record the next step of the procedure."""
        compact = self.get_object()
        serializer = CompactStepSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        step = _call(
            services.compact_step_record,
            user=request.user,
            compact=compact,
            **serializer.validated_data,
        )
        return Response(CompactStepSerializer(step).data, status=status.HTTP_201_CREATED)


class DemonstrationSerializer(VillageSerializer):
    class Meta:
        model = Demonstration
        fields = [
            "id",
            "region",
            "level",
            "year_named",
            "next_review_year",
            "self_score",
            "self_assessment",
        ]


class DemonstrationViewSet(RecordViewSet):
    """民主法治示范村（社区）：命名级别、年度、复核和自评。"""

    queryset = Demonstration.objects.select_related("region")
    serializer_class = DemonstrationSerializer


def register(router):
    router.register("villagelaw/assignments", AssignmentViewSet, basename="villagelaw-assignment")
    router.register("villagelaw/visits", VisitViewSet, basename="villagelaw-visit")
    router.register(
        "villagelaw/consultations", ConsultationViewSet, basename="villagelaw-consultation"
    )
    router.register("villagelaw/referrals", ReferralViewSet, basename="villagelaw-referral")
    router.register("villagelaw/compacts", CompactViewSet, basename="villagelaw-compact")
    router.register(
        "villagelaw/demonstrations", DemonstrationViewSet, basename="villagelaw-demonstration"
    )
