"""/api/v1/cases/lawsuits/, /reconsiderations/, /adjudications/ — scoped.

Lawsuits and reconsiderations can be registered through the API too; the due
dates are computed by the same services as the pages."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError

from fazhi.accounts.models import User
from fazhi.cases import services
from fazhi.cases.models import Adjudication, Hearing, Lawsuit, Reconsideration
from fazhi.core.permissions import ScopedViewSetMixin
from fazhi.core.roles import Role
from fazhi.regions.models import Region
from fazhi.schema import blank_until_set


class RegionField(serializers.SlugRelatedField):
    def get_queryset(self):
        return Region.objects.for_user(self.context["request"].user)


class ResponsibleField(serializers.PrimaryKeyRelatedField):
    """A town officer or leader within the requesting user's scope."""

    def get_queryset(self):
        user = self.context["request"].user
        return User.objects.colleagues_of(user, roles=[Role.TOWN_OFFICER, Role.TOWN_LEADER])


class HearingSerializer(serializers.ModelSerializer):
    head_appeared = serializers.BooleanField(read_only=True)

    class Meta:
        model = Hearing
        fields = ["date", "court", "appearance", "head_appeared", "head_name", "substitute", "absence_reason"]  # fmt: skip


class LawsuitSerializer(serializers.ModelSerializer):
    region = RegionField(slug_field="code")
    handler = ResponsibleField()
    leader = ResponsibleField(required=False, allow_null=True)
    hearings = HearingSerializer(many=True, read_only=True)

    decision_kind = blank_until_set(Lawsuit, "decision_kind")
    outcome = blank_until_set(Lawsuit, "outcome")
    appeal = blank_until_set(Lawsuit, "appeal")

    class Meta:
        model = Lawsuit
        fields = [
            "id", "region", "case_number", "stage", "first_instance", "court", "plaintiffs",
            "cause", "contested_act", "complaint_received_on", "answer_due",
            "answer_due_provisional", "answer_submitted_on", "decision_kind", "decision_date",
            "decision_served_on", "outcome", "appeal_due", "appeal_due_provisional", "appeal",
            "handler", "leader", "hearings",
        ]  # fmt: skip
        read_only_fields = [
            "stage", "first_instance", "answer_due", "answer_due_provisional",
            "answer_submitted_on", "decision_kind", "decision_date", "decision_served_on",
            "outcome", "appeal_due", "appeal_due_provisional", "appeal",
        ]  # fmt: skip


class ReconsiderationSerializer(serializers.ModelSerializer):
    outcome = blank_until_set(Reconsideration, "outcome")
    region = RegionField(slug_field="code")
    handler = ResponsibleField()
    leader = ResponsibleField(required=False, allow_null=True)

    class Meta:
        model = Reconsideration
        fields = [
            "id", "region", "case_number", "applicant", "organ", "contested_act", "accepted_on",
            "received_on", "answer_due", "answer_due_provisional", "answer_submitted_on",
            "decision_due", "decision_due_provisional", "extension_days", "extension_reason",
            "decision_date", "outcome", "handler", "leader",
        ]  # fmt: skip
        read_only_fields = [
            "answer_due", "answer_due_provisional", "answer_submitted_on", "decision_due",
            "decision_due_provisional", "extension_days", "extension_reason", "decision_date",
            "outcome",
        ]  # fmt: skip


class AdjudicationSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Adjudication
        fields = [
            "id", "region", "case_number", "type", "parties", "claim", "applied_on",
            "accepted_on", "hearing_on", "decision", "remedy_notice", "decided_on",
        ]  # fmt: skip


class _CreateThroughService:
    create_service = None

    def perform_create(self, serializer):
        try:
            serializer.instance = type(self).create_service(
                user=self.request.user, **serializer.validated_data
            )
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error


class LawsuitViewSet(
    ScopedViewSetMixin,
    _CreateThroughService,
    mixins.CreateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """行政诉讼案件（含庭审与负责人出庭情况）。"""

    capability = "cases"
    queryset = Lawsuit.objects.select_related("region").prefetch_related("hearings")
    serializer_class = LawsuitSerializer
    create_service = services.lawsuit_create
    filterset_fields = ["stage", "outcome"]


class ReconsiderationViewSet(
    ScopedViewSetMixin,
    _CreateThroughService,
    mixins.CreateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """行政复议案件。"""

    capability = "cases"
    queryset = Reconsideration.objects.select_related("region")
    serializer_class = ReconsiderationSerializer
    create_service = services.reconsideration_create
    filterset_fields = ["outcome"]


class AdjudicationViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """行政裁决案件。"""

    capability = "cases"
    queryset = Adjudication.objects.select_related("region")
    serializer_class = AdjudicationSerializer
    filterset_fields = ["type"]


def register(router):
    router.register("cases/lawsuits", LawsuitViewSet, basename="lawsuit")
    router.register("cases/reconsiderations", ReconsiderationViewSet, basename="reconsideration")
    router.register("cases/adjudications", AdjudicationViewSet, basename="adjudication")
