"""/api/v1/tasks/…: superior notices and their tasks, through the scope rule.

A task's progress is written nested in the task: POST a task with
`progress` (and `milestones`), or PATCH it with `version` and a `progress`
list holding the new report. Confirmation and return are actions on the
task. Only the town officer writes notices and tasks; the responsible person
and the cadres of the task's village report progress (403 otherwise).
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from fazhi.accounts.models import User
from fazhi.core.locking import EditConflict, VersionConflict, VersionedSerializerMixin
from fazhi.core.permissions import ScopedViewSetMixin
from fazhi.core.roles import Role
from fazhi.core.scope import ScopedSerializerMixin
from fazhi.regions.models import Organisation, Region
from fazhi.schema import blank_until_set
from fazhi.tasks import services
from fazhi.tasks.models import Milestone, Notice, Progress, Task
from fazhi.tasks.selectors import completion_rate

PEOPLE = [Role.TOWN_OFFICER, Role.TOWN_LEADER, Role.VILLAGE_CADRE]


def _drf(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class _Calls:
    """Run a service: its rule violations as 400, a refused role as 403, a stale read as 409."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, EditConflict):
            raise VersionConflict(error) from None
        if isinstance(error, DjangoValidationError):
            raise _drf(error) from None
        if isinstance(error, DjangoPermissionDenied):
            raise PermissionDenied(str(error)) from None
        return False


class SuperiorNoticeSerializer(
    ScopedSerializerMixin, VersionedSerializerMixin, serializers.ModelSerializer
):
    region = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.towns(), required=False
    )
    region_name = serializers.CharField(source="region.name", read_only=True)
    leader = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(role=Role.TOWN_LEADER, is_active=True),
        required=False,
        allow_null=True,
    )
    task_count = serializers.IntegerField(read_only=True)
    done_count = serializers.IntegerField(read_only=True)
    completion_rate = serializers.SerializerMethodField(
        help_text="已完成任务占比（%），无任务时为 null"
    )

    class Meta:
        model = Notice
        fields = [
            "id",
            "region",
            "region_name",
            "issuer",
            "doc_number",
            "title",
            "received_on",
            "leader",
            "requirements",
            "task_count",
            "done_count",
            "completion_rate",
            "version",
        ]
        extra_kwargs = {
            "doc_number": {"help_text": "如 石柱府办发〔2020〕113号；[ ] 或 ( ) 自动改为〔〕"}
        }
        validators = []  # the (town, 文号) uniqueness is the model's, answered as 400 by full_clean

    def get_completion_rate(self, notice) -> float | None:
        if not hasattr(notice, "task_count"):
            return None
        value = completion_rate(notice)
        return None if value is None else float(value)


class NoticeViewSet(
    ScopedViewSetMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """上级通知：登记、查询、修改（须带 version，乐观锁）。"""

    capability = "tasks"
    queryset = Notice.objects.with_counts().select_related("region").order_by("-received_on", "-pk")
    serializer_class = SuperiorNoticeSerializer
    filterset_fields = ["received_on"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    lookup_value_regex = r"\d+"

    def perform_create(self, serializer):
        data = {k: v for k, v in serializer.validated_data.items() if k != "version"}
        with _Calls():
            serializer.instance = services.notice_save(user=self.request.user, data=data)

    def perform_update(self, serializer):
        version = serializer.read_version()
        data = {k: v for k, v in serializer.validated_data.items() if k != "version"}
        with _Calls():
            services.notice_save(
                user=self.request.user, notice=serializer.instance, data=data, version=version
            )
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "title", "due_on", "done", "done_on"]
        read_only_fields = ["done", "done_on"]


class ProgressSerializer(serializers.ModelSerializer):
    reported_by = serializers.StringRelatedField(read_only=True)
    reported_on = serializers.DateField(required=False, help_text="默认今天")
    late_reason = serializers.CharField(
        write_only=True, required=False, allow_blank=True, help_text="超过完成期限时必填"
    )
    remedy = serializers.CharField(
        write_only=True, required=False, allow_blank=True, help_text="超过完成期限时必填"
    )
    milestones_done = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1),
        write_only=True,
        required=False,
        help_text="本次完成的阶段目标 id",
    )

    class Meta:
        model = Progress
        fields = [
            "id",
            "reported_on",
            "text",
            "finished",
            "reported_by",
            "late_reason",
            "remedy",
            "milestones_done",
        ]


class TaskSerializer(ScopedSerializerMixin, VersionedSerializerMixin, serializers.ModelSerializer):
    notice = serializers.PrimaryKeyRelatedField(
        queryset=Notice.objects.all(), required=False, allow_null=True
    )
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    unit = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all(), required=False)
    unit_name = serializers.CharField(source="unit.name", read_only=True, default=None)
    person = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True, role__in=PEOPLE),
        required=False,
        allow_null=True,
    )
    milestones = MilestoneSerializer(many=True, required=False)
    yearly = blank_until_set(Task, "yearly")
    progress = ProgressSerializer(
        many=True, required=False, help_text="读取时为全部进展报告；写入时为本次新增的报告"
    )

    class Meta:
        model = Task
        fields = [
            "id",
            "notice",
            "region",
            "title",
            "unit",
            "unit_name",
            "person",
            "due_kind",
            "working_days",
            "due_on",
            "status",
            "finished_on",
            "confirmed_on",
            "returned_reason",
            "late_reason",
            "remedy",
            "yearly",
            "year",
            "milestones",
            "progress",
            "version",
        ]
        read_only_fields = [
            "status",
            "finished_on",
            "confirmed_on",
            "returned_reason",
            "late_reason",
            "remedy",
            "yearly",
            "year",
        ]
        extra_kwargs = {"due_on": {"required": False}, "title": {"required": False}}

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            fields["person"].queryset = User.objects.colleagues_of(request.user, roles=PEOPLE)
        return fields


def _milestones_of(task, ids):
    found = {m.pk: m for m in task.milestones.filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise ValidationError({"milestones_done": [f"阶段目标 {missing} 不属于这项任务。"]})
    return list(found.values())


def _report(user, task, item):
    item = dict(item)
    ids = item.pop("milestones_done", [])
    services.progress_report(
        user=user, task=task, milestones_done=_milestones_of(task, ids), **item
    )


class ConfirmSerializer(serializers.Serializer):
    confirmed_on = serializers.DateField(required=False, help_text="默认今天")
    late_reason = serializers.CharField(required=False, allow_blank=True)
    remedy = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class SendBackSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text="退回原因")
    version = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class TaskViewSet(
    ScopedViewSetMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """督办任务：分解（连同阶段目标和进展报告）、查询、修改或报告进展（须带 version），确认完成、退回。"""

    capability = "tasks"
    queryset = (
        Task.objects.with_related()
        .prefetch_related("milestones", "progress__reported_by")
        .order_by("due_on", "pk")
    )
    serializer_class = TaskSerializer
    filterset_fields = ["notice", "status"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    lookup_value_regex = r"\d+"

    def _fresh(self, task):
        return self.get_queryset().get(pk=task.pk)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        progress = data.pop("progress", [])
        milestones = data.pop("milestones", [])
        if not data.get("title"):
            raise ValidationError({"title": ["请填写任务内容。"]})
        with _Calls(), transaction.atomic():
            task = services.task_save(
                user=self.request.user,
                notice=data.pop("notice", None),
                data=data,
                milestones=[dict(m) for m in milestones],
            )
            for item in progress:
                _report(self.request.user, task, item)
        serializer.instance = self._fresh(task)

    def perform_update(self, serializer):
        version = serializer.read_version()
        data = dict(serializer.validated_data)
        data.pop("version", None)
        data.pop("notice", None)  # a task stays with its notice
        progress = data.pop("progress", [])
        milestones = data.pop("milestones", [])
        task = serializer.instance
        with _Calls(), transaction.atomic():
            if data or milestones:
                task = services.task_save(
                    user=self.request.user,
                    notice=task.notice,
                    task=task,
                    data=data,
                    milestones=[dict(m) for m in milestones],
                    version=version,
                )
                version = None
            for item in progress:
                _report(self.request.user, task, {**item, "version": version})
                version = None
            if not (data or milestones or progress):
                raise ValidationError({"detail": ["没有要修改的内容。"]})
        serializer.instance = self._fresh(task)

    @extend_schema(request=ConfirmSerializer, responses=TaskSerializer)
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        """确认完成（仅待确认的任务；逾期时须有逾期原因和补救措施）。"""
        task = self.get_object()
        body = ConfirmSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        with _Calls():
            services.task_confirm(user=request.user, task=task, **body.validated_data)
        return Response(
            TaskSerializer(self._fresh(task), context=self.get_serializer_context()).data
        )

    @extend_schema(request=SendBackSerializer, responses=TaskSerializer)
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, pk=None):
        """退回（仅待确认的任务，须写明原因），任务回到进行中。"""
        task = self.get_object()
        body = SendBackSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        with _Calls():
            services.task_send_back(user=request.user, task=task, **body.validated_data)
        return Response(
            TaskSerializer(self._fresh(task), context=self.get_serializer_context()).data
        )


def register(router):
    router.register("tasks/notices", NoticeViewSet, basename="tasks-notice")
    router.register("tasks/tasks", TaskViewSet, basename="tasks-task")
