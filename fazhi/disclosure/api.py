"""/api/v1/disclosure/…: the staff API, through the one scope rule.

Posts are drafted and changed through the services (`version` for the
optimistic lock) and moved along with the actions submit / approve / return /
withdraw; a step out of order answers 400 naming the missing step. Queries
are moderated and answered. The public's read-only JSON is not here: it is
/gongkai/shuju/posts.json (views/portal.py), which needs no login.
"""

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from fazhi.core.locking import EditConflict, VersionConflict, VersionedSerializerMixin
from fazhi.core.permissions import ScopedViewSetMixin
from fazhi.core.scope import ScopedSerializerMixin
from fazhi.disclosure import services
from fazhi.disclosure.models import Category, InfoRequest, Post, Query
from fazhi.regions.models import Region


def _drf(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class CategorySerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    villages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Category
        fields = ["id", "region", "year", "name", "frequency", "level", "source", "villages",
                  "basis", "active"]  # fmt: skip


class PostSerializer(VersionedSerializerMixin, ScopedSerializerMixin, serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.all())
    category = serializers.PrimaryKeyRelatedField(queryset=Category.objects.all())
    period_label = serializers.CharField(read_only=True)

    class Meta:
        model = Post
        fields = [
            "id", "region", "category", "year", "period", "period_label", "event_on", "title",
            "body", "status", "due_on", "due_provisional", "published_on", "display_until",
            "filed_at", "return_reason", "withdraw_reason", "withdrawn_on", "version",
        ]  # fmt: skip
        read_only_fields = [
            "status", "due_on", "due_provisional", "published_on", "display_until", "filed_at",
            "return_reason", "withdraw_reason", "withdrawn_on",
        ]  # fmt: skip


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class QuerySerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    phone_masked = serializers.SerializerMethodField()

    class Meta:
        model = Query
        fields = [
            "id", "region", "post", "name", "phone_masked", "content", "received_at", "status",
            "addressee", "due_on", "reject_reason", "answer", "answer_public", "answered_on",
        ]  # fmt: skip
        read_only_fields = fields

    def get_phone_masked(self, query) -> str:
        from fazhi.personal import mask_phone

        return mask_phone(query.phone)


class ModerateSerializer(serializers.Serializer):
    accept = serializers.BooleanField()
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class AnswerSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=5000)
    public = serializers.BooleanField(default=True)


class InfoRequestSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    answer_due = serializers.SerializerMethodField()

    class Meta:
        model = InfoRequest
        fields = [
            "id", "region", "number", "applicant", "channel", "description", "received_on",
            "status", "correction_sent_on", "correction_received_on", "consultation_sent_on",
            "consultation_ended_on", "extension_days", "extension_approved_by", "answer_type",
            "answered_on", "pages", "fee", "answer_due",
        ]  # fmt: skip
        read_only_fields = fields

    def get_answer_due(self, request) -> date | None:
        return request.answer_due()


class CategoryViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """村务公开目录（只读；在网页上编辑或从Excel导入）。"""

    capability = "disclosure"
    queryset = Category.objects.select_related("region").prefetch_related("villages")
    serializer_class = CategorySerializer
    filterset_fields = ["year", "frequency", "level"]
    lookup_value_regex = r"\d+"


class PostViewSet(
    ScopedViewSetMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):  # fmt: skip
    """村务公开内容：起草、修改（带 version），提交审核、审核通过、退回、撤回。"""

    capability = "disclosure"
    queryset = Post.objects.select_related("region", "category")
    serializer_class = PostSerializer
    filterset_fields = ["status", "year"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    lookup_value_regex = r"\d+"

    def _fields(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        if self.action != "create":
            instance = serializer.instance
            for name in ("region", "category", "year", "period", "event_on", "title", "body"):
                data.setdefault(name, getattr(instance, name))
        return data

    def perform_create(self, serializer):
        try:
            serializer.instance = services.post_save(
                user=self.request.user, **self._fields(serializer)
            )
        except DjangoValidationError as error:
            raise _drf(error) from None

    def perform_update(self, serializer):
        version = serializer.read_version()
        try:
            serializer.instance = services.post_save(
                user=self.request.user,
                post=serializer.instance,
                version=version,
                **self._fields(serializer),
            )
        except EditConflict as conflict:
            raise VersionConflict(conflict) from None
        except DjangoValidationError as error:
            raise _drf(error) from None

    def _step(self, request, service, post, **kwargs):
        try:
            post = service(user=request.user, post=post, **kwargs)
        except DjangoValidationError as error:
            raise _drf(error) from None
        return Response(PostSerializer(post, context={"request": request}).data)

    @extend_schema(request=None, responses=PostSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._step(request, services.post_submit, self.get_object())

    @extend_schema(request=None, responses=PostSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._step(request, services.post_approve, self.get_object())

    def _reason(self, request) -> str:
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data["reason"]

    @extend_schema(request=ReasonSerializer, responses=PostSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        post = self.get_object()  # out of scope answers 404 before the input is read
        return self._step(request, services.post_return, post, reason=self._reason(request))

    @extend_schema(request=ReasonSerializer, responses=PostSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        post = self.get_object()
        return self._step(request, services.post_withdraw, post, reason=self._reason(request))


class QueryViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """群众质询：审核受理、答复（联系电话只显示遮蔽形式）。"""

    capability = "disclosure"
    queryset = Query.objects.select_related("region")
    serializer_class = QuerySerializer
    filterset_fields = ["status", "addressee"]
    lookup_value_regex = r"\d+"

    def _step(self, request, service, query, **kwargs):
        try:
            query = service(user=request.user, query=query, **kwargs)
        except DjangoValidationError as error:
            raise _drf(error) from None
        return Response(QuerySerializer(query, context={"request": request}).data)

    @extend_schema(request=ModerateSerializer, responses=QuerySerializer)
    @action(detail=True, methods=["post"])
    def moderate(self, request, pk=None):
        query = self.get_object()  # out of scope answers 404 before the input is read
        serializer = ModerateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._step(request, services.query_moderate, query, **serializer.validated_data)

    @extend_schema(request=AnswerSerializer, responses=QuerySerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        query = self.get_object()
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._step(request, services.query_answer, query, **serializer.validated_data)


class InfoRequestViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """政府信息公开申请（只读；办理在网页上进行）。"""

    capability = "disclosure"
    queryset = InfoRequest.objects.select_related("region")
    serializer_class = InfoRequestSerializer
    filterset_fields = ["status"]
    lookup_value_regex = r"\d+"


def register(router):
    router.register("disclosure/categories", CategoryViewSet, basename="disclosure-category")
    router.register("disclosure/posts", PostViewSet, basename="disclosure-post")
    router.register("disclosure/queries", QueryViewSet, basename="disclosure-query")
    router.register("disclosure/requests", InfoRequestViewSet, basename="disclosure-request")
