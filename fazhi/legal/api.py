"""/api/v1/legal/…: advisors, contracts, services, review requests, decisions and their steps."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.core.locking import EditConflict, VersionConflict, VersionedSerializerMixin
from fazhi.core.permissions import ScopedViewSetMixin
from fazhi.core.roles import Role
from fazhi.core.validators import DateWindowValidator
from fazhi.legal.models import (
    STEP_ORDER,
    Advisor,
    Catalogue,
    Contract,
    Decision,
    DecisionStep,
    Opinion,
    ReviewRequest,
    Service,
)
from fazhi.legal.services import (
    advisor_create,
    advisor_fields,
    advisor_service_record,
    advisor_update,
    contract_create,
    decision_create,
    decision_step_record,
    review_opinion_give,
    review_request_send,
)
from fazhi.schema import blank_until_set


def _as_drf(error: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(error, "error_dict"):
        return serializers.ValidationError(error.message_dict)
    return serializers.ValidationError({"non_field_errors": error.messages})


class OfficeWrites(permissions.BasePermission):
    """Legal advisors read what is sent to them and write only their opinions."""

    message = "法律顾问只能对发给本人的审查请求出具意见。"

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS or request.user.role != Role.LEGAL_ADVISOR:
            return True
        return getattr(view, "action", None) == "opinion"


class LegalViewSet(ScopedViewSetMixin, viewsets.GenericViewSet):
    capability = "legal"
    permission_classes = [*ScopedViewSetMixin.permission_classes, OfficeWrites]


class AdvisorSerializer(VersionedSerializerMixin, serializers.ModelSerializer):
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True)
    phone_masked = serializers.CharField(source="masked_phone", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Advisor
        fields = [
            "id",
            "kind",
            "kind_label",
            "name",
            "firm",
            "licence_number",
            "phone",
            "phone_masked",
            "speciality",
            "user",
        ]

    def get_fields(self):
        fields = super().get_fields()
        fields["user"].queryset = Advisor.linkable_accounts(self.context["request"].user)
        return fields


class AdvisorViewSet(
    LegalViewSet,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
):
    """法律顾问与公职律师（电话只显示掩码）。"""

    queryset = Advisor.objects.all()
    serializer_class = AdvisorSerializer

    def perform_create(self, serializer):
        fields = advisor_fields(serializer.validated_data)
        try:
            serializer.instance = advisor_create(user=self.request.user, **fields)
        except DjangoValidationError as error:
            raise _as_drf(error) from None

    def perform_update(self, serializer):
        fields = advisor_fields(serializer.validated_data)
        version = serializer.read_version()
        try:
            serializer.instance = advisor_update(
                user=self.request.user, advisor=serializer.instance, version=version, **fields
            )
        except EditConflict as conflict:
            raise VersionConflict(conflict) from None
        except DjangoValidationError as error:
            raise _as_drf(error) from None


class ContractSerializer(serializers.ModelSerializer):
    advisor = serializers.PrimaryKeyRelatedField(queryset=Advisor.objects.none())

    class Meta:
        model = Contract
        fields = ["id", "advisor", "number", "start", "end", "fee", "scope"]

    def get_fields(self):
        fields = super().get_fields()
        fields["advisor"].queryset = Advisor.objects.for_user(self.context["request"].user)
        return fields


class ContractViewSet(
    LegalViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin
):
    """法律顾问聘请合同。"""

    queryset = Contract.objects.select_related("advisor")
    serializer_class = ContractSerializer

    def perform_create(self, serializer):
        try:
            serializer.instance = contract_create(
                user=self.request.user, **serializer.validated_data
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from None


class ServiceSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Service
        fields = ["id", "advisor", "date", "kind", "kind_label", "subject", "detail", "hours"]

    def get_fields(self):
        fields = super().get_fields()
        fields["advisor"].queryset = Advisor.objects.for_user(self.context["request"].user)
        return fields


class ServiceViewSet(
    LegalViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin
):
    """法律顾问服务台账。"""

    queryset = Service.objects.select_related("advisor")
    serializer_class = ServiceSerializer
    filterset_fields = ["kind", "advisor"]

    def perform_create(self, serializer):
        try:
            serializer.instance = advisor_service_record(
                user=self.request.user, **serializer.validated_data
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from None


class ReviewRequestSerializer(serializers.ModelSerializer):
    due = serializers.DateField(
        required=False,
        allow_null=True,
        validators=[DateWindowValidator(years_ahead=2, label="审查期限")],  # not the usual window
    )
    opinion = blank_until_set(ReviewRequest, "opinion")
    opinion_label = serializers.CharField(source="get_opinion_display", read_only=True)

    class Meta:
        model = ReviewRequest
        fields = [
            "id",
            "subject_kind",
            "title",
            "decision",
            "reviewer",
            "questions",
            "sent_on",
            "due",
            "due_basis",
            "opinion",
            "opinion_label",
            "reasons",
            "answered_on",
        ]
        read_only_fields = ["due_basis", "opinion", "reasons", "answered_on"]

    def get_fields(self):
        fields = super().get_fields()
        user = self.context["request"].user
        fields["reviewer"].queryset = Advisor.objects.for_user(user)
        fields["decision"].queryset = Decision.objects.for_user(user)
        return fields


class OpinionSerializer(serializers.Serializer):
    opinion = serializers.ChoiceField(choices=Opinion.choices)
    reasons = serializers.CharField()
    answered_on = serializers.DateField(required=False)


class ReviewRequestViewSet(
    LegalViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin
):
    """合法性审查请求：法律顾问只看到发给本人的请求，并出具意见。"""

    queryset = ReviewRequest.objects.select_related("reviewer")
    serializer_class = ReviewRequestSerializer
    filterset_fields = ["subject_kind", "opinion"]

    def perform_create(self, serializer):
        try:
            serializer.instance = review_request_send(
                user=self.request.user,
                region=self.request.user.scope_region,
                **serializer.validated_data,
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from None

    @action(detail=True, methods=["post"], serializer_class=OpinionSerializer)
    def opinion(self, request, pk=None):
        review = self.get_object()
        serializer = OpinionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            review = review_opinion_give(
                review=review, user=request.user, **serializer.validated_data
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from None
        return Response(ReviewRequestSerializer(review, context={"request": request}).data)


class StepSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = DecisionStep
        fields = [
            "id",
            "kind",
            "kind_label",
            "date",
            "responsible",
            "note",
            *DecisionStep.DETAIL_FIELDS,
        ]
        validators = []  # the procedure rules (procedure.py) decide, in Chinese

    def get_fields(self):
        fields = super().get_fields()
        fields["review_request"].queryset = ReviewRequest.objects.for_user(
            self.context["request"].user
        )
        return fields


class DecisionSerializer(serializers.ModelSerializer):
    stage_label = serializers.CharField(source="get_stage_display", read_only=True)
    steps = StepSerializer(many=True, read_only=True)
    launch_date = serializers.DateField(write_only=True)
    responsible = serializers.CharField(write_only=True, max_length=60)
    note = serializers.CharField(write_only=True, required=False, allow_blank=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "year",
            "title",
            "summary",
            "sponsor",
            "catalogue",
            "stage",
            "stage_label",
            "steps",
            "launch_date",
            "responsible",
            "note",
        ]
        read_only_fields = ["stage"]

    def get_fields(self):
        fields = super().get_fields()
        fields["catalogue"].queryset = Catalogue.objects.for_user(self.context["request"].user)
        return fields


class DecisionViewSet(
    LegalViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin
):
    """重大行政决策及其法定程序；跳过未完成的环节时返回 400 并说明缺少什么。"""

    queryset = Decision.objects.prefetch_related("steps")
    serializer_class = DecisionSerializer
    filterset_fields = ["year", "stage"]

    def perform_create(self, serializer):
        try:
            serializer.instance = decision_create(
                user=self.request.user,
                region=self.request.user.scope_region,
                **serializer.validated_data,
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from None

    @action(detail=True, methods=["post"], serializer_class=StepSerializer)
    def steps(self, request, pk=None):
        """Record the next step of the procedure."""
        decision = self.get_object()
        serializer = StepSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        kind = data.pop("kind")
        if kind not in STEP_ORDER:
            raise serializers.ValidationError({"kind": "未知的环节。"})
        try:
            step = decision_step_record(decision=decision, user=request.user, kind=kind, **data)
        except DjangoValidationError as error:
            raise _as_drf(error) from None
        return Response(
            StepSerializer(step, context={"request": request}).data, status=status.HTTP_201_CREATED
        )


def register(router):
    router.register("legal/advisors", AdvisorViewSet, basename="legal-advisor")
    router.register("legal/contracts", ContractViewSet, basename="legal-contract")
    router.register("legal/services", ServiceViewSet, basename="legal-service")
    router.register("legal/reviews", ReviewRequestViewSet, basename="legal-review")
    router.register("legal/decisions", DecisionViewSet, basename="legal-decision")
