"""/api/v1/disputes/…: disputes and their records, through the scope rule.

The full ID number appears only for the case's mediators and the town officer
(each read logged); everyone else gets the masked number.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError

from fazhi.audit.services import PersonalReads
from fazhi.core.locking import EditConflict, VersionConflict, VersionedSerializerMixin
from fazhi.core.permissions import ScopedViewSetMixin
from fazhi.core.scope import get_for_user_or_404
from fazhi.disputes import services
from fazhi.disputes.filters import DisputeFilter
from fazhi.disputes.models import (
    Dispute,
    DisputeType,
    Finding,
    Handover,
    Party,
    ScreeningReport,
    Session,
)
from fazhi.regions.models import Region
from fazhi.schema import blank_until_set


def _drf(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class DisputeSerializer(VersionedSerializerMixin, serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.villages())
    region_name = serializers.CharField(source="region.name", read_only=True)
    dispute_type = serializers.SlugRelatedField(
        slug_field="name", queryset=DisputeType.objects.filter(active=True)
    )
    organisation = serializers.CharField(
        source="organisation.name", read_only=True, default=None, allow_null=True
    )
    mediators = serializers.StringRelatedField(many=True, read_only=True)
    outcome = blank_until_set(Dispute, "outcome")

    class Meta:
        model = Dispute
        fields = [
            "id",
            "number",
            "registered_on",
            "region",
            "region_name",
            "source",
            "dispute_type",
            "place",
            "summary",
            "amount",
            "people_involved",
            "risk",
            "may_escalate",
            "status",
            "organisation",
            "mediators",
            "accepted_on",
            "outcome",
            "concluded_on",
            "version",
        ]
        read_only_fields = [
            "number",
            "status",
            "accepted_on",
            "outcome",
            "concluded_on",
        ]


class DisputeViewSet(
    ScopedViewSetMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """矛盾纠纷：登记、查询；修改时须带上读取时的 version（乐观锁）。"""

    capability = "disputes"
    queryset = Dispute.objects.with_related()
    serializer_class = DisputeSerializer
    filterset_class = DisputeFilter
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    lookup_value_regex = r"\d+"

    def perform_create(self, serializer):
        try:
            fields = {k: v for k, v in serializer.validated_data.items() if k != "version"}
            serializer.instance = services.dispute_register(user=self.request.user, **fields)
        except DjangoValidationError as error:
            raise _drf(error) from None

    def perform_update(self, serializer):
        version = serializer.read_version()
        fields = {
            k: v for k, v in serializer.validated_data.items() if k in services.EDITABLE_FIELDS
        }
        try:
            serializer.instance = services.dispute_update(
                dispute=serializer.instance, user=self.request.user, version=version, **fields
            )
        except EditConflict as conflict:
            raise VersionConflict(conflict) from None
        except DjangoValidationError as error:
            raise _drf(error) from None


class PartySerializer(serializers.ModelSerializer):
    id_number = serializers.CharField(write_only=True, required=False, allow_blank=True)
    id_number_display = serializers.SerializerMethodField()
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True)
    phone_masked = serializers.CharField(read_only=True)

    class Meta:
        model = Party
        fields = [
            "id",
            "dispute",
            "name",
            "role",
            "id_number",
            "id_number_display",
            "phone",
            "phone_masked",
            "address",
        ]
        read_only_fields = ["dispute"]

    def get_id_number_display(self, party) -> str:
        request = self.context["request"]
        if party.id_number and party.dispute.full_id_visible_to(request.user):
            self.context["personal_reads"].add(party, "id_number")
            return party.id_number
        return party.id_number_masked


class DisputeRecordViewSet(
    ScopedViewSetMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """Records of a dispute; created with `?dispute=<id>` naming a dispute in scope."""

    capability = "disputes"
    filterset_fields = ["dispute"]

    def _dispute(self):
        dispute_id = self.request.data.get("dispute") or self.request.query_params.get("dispute")
        if not str(dispute_id or "").isdigit():
            raise ValidationError({"dispute": "请指定所属纠纷（dispute）。"})
        return get_for_user_or_404(Dispute, self.request.user, pk=int(dispute_id))

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("dispute", None)
        try:
            serializer.instance = self.create_record(self._dispute(), data)
        except DjangoValidationError as error:
            raise _drf(error) from None


class PartyViewSet(DisputeRecordViewSet):
    """当事人：身份证号码仅对本案调解员和镇法治专干完整显示。"""

    queryset = Party.objects.select_related("dispute").prefetch_related("dispute__mediators")
    serializer_class = PartySerializer

    def get_serializer_context(self):
        # every full ID number the response shows, logged as one audit entry at the end
        if not hasattr(self, "personal_reads"):
            self.personal_reads = PersonalReads(user=self.request.user, request=self.request)
        return {**super().get_serializer_context(), "personal_reads": self.personal_reads}

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if hasattr(self, "personal_reads") and response.status_code < 400:
            self.personal_reads.log()
        return response

    def create_record(self, dispute, data):
        return services.party_add(dispute=dispute, **data)


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "dispute", "held_on", "attendees", "notes"]
        read_only_fields = ["dispute"]


class SessionViewSet(DisputeRecordViewSet):
    """调解记录。"""

    queryset = Session.objects.all()
    serializer_class = SessionSerializer

    def create_record(self, dispute, data):
        return services.session_record(dispute=dispute, user=self.request.user, **data)


class HandoverSerializer(serializers.ModelSerializer):
    class Meta:
        model = Handover
        fields = ["id", "dispute", "kind", "receiver", "reason", "handed_on", "result", "result_on"]
        read_only_fields = ["dispute", "result", "result_on"]


class HandoverViewSet(DisputeRecordViewSet):
    """移交记录（行政调解、诉前调解、诉讼、仲裁、信访）。"""

    queryset = Handover.objects.all()
    serializer_class = HandoverSerializer

    def create_record(self, dispute, data):
        return services.dispute_hand_over(dispute=dispute, user=self.request.user, **data)


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ["id", "summary", "people_involved", "risk", "dispute"]


class ScreeningSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    findings = FindingSerializer(many=True, read_only=True)
    is_zero = serializers.BooleanField(read_only=True)

    class Meta:
        model = ScreeningReport
        fields = ["id", "region", "month", "screened_on", "notes", "is_zero", "findings"]


class ScreeningViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """月度矛盾纠纷排查报告（含零报告）。"""

    capability = "disputes"
    queryset = ScreeningReport.objects.select_related("region").prefetch_related("findings")
    serializer_class = ScreeningSerializer
    filterset_fields = ["month", "region"]


def register(router):
    router.register("disputes/parties", PartyViewSet, basename="dispute-party")
    router.register("disputes/sessions", SessionViewSet, basename="dispute-session")
    router.register("disputes/handovers", HandoverViewSet, basename="dispute-handover")
    router.register("disputes/screenings", ScreeningViewSet, basename="dispute-screening")
    router.register("disputes", DisputeViewSet, basename="dispute")
