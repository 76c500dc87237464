"""/api/v1/notices/ (the caller's own notices, mark read) and /api/v1/todo/ (their 待办).

Both belong to the person, not to a capability: any signed-in user (token or
session) reads their own and nobody else's; someone else's notice is 404.
"""

from django.db.models import F
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from fazhi.notices import services
from fazhi.notices.models import Notice
from fazhi.notices.selectors import todo_rows


class NoticeSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(read_only=True)
    read = serializers.BooleanField(source="is_read", read_only=True)

    class Meta:
        model = Notice
        fields = ["id", "kind", "kind_label", "title", "url", "created_at", "read", "read_at"]
        read_only_fields = fields


class TodoSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    due = serializers.DateField(allow_null=True)
    days_left = serializers.IntegerField(allow_null=True)
    for_whom = serializers.CharField(allow_blank=True)
    overdue = serializers.BooleanField()
    url = serializers.CharField()


READ_ALL = inline_serializer("NoticesReadAll", {"marked": serializers.IntegerField()})


@extend_schema(
    parameters=[
        OpenApiParameter("unread", bool, description="只列未读消息"),
        OpenApiParameter("kind", str, description="消息类别或业务代码，如 disputes"),
    ]
)
class NoticeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """本人的消息：未读在前，新的在前。"""

    serializer_class = NoticeSerializer
    permission_classes = [IsAuthenticated]
    queryset = Notice.objects.all()
    filter_backends = []

    def get_queryset(self):
        notices = Notice.objects.for_user(self.request.user)
        if self.action == "list":
            params = self.request.query_params
            if params.get("unread", "").lower() in ("1", "true"):
                notices = notices.unread()
            kind = params.get("kind", "")
            if kind and len(kind) <= 60 and kind.replace(".", "").replace("_", "").isalnum():
                notices = notices.of_kind(kind)
            elif kind:
                notices = notices.none()
        # unread first, then the newest
        return notices.order_by(F("read_at").asc(nulls_first=True), "-created_at", "-pk")

    @extend_schema(request=None, responses=NoticeSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        """标为已读。"""
        notice = self.get_object()
        services.notice_read(notice=notice)
        return Response(self.get_serializer(notice).data)

    @extend_schema(request=None, responses=READ_ALL)
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        """将本人的全部未读消息标为已读。"""
        return Response({"marked": services.notices_read_all(user=request.user)})


@extend_schema(responses=TodoSerializer(many=True))
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def todo(request):
    """本人的待办：期限在前；days_left 为负表示已逾期。"""
    return Response(TodoSerializer(todo_rows(request.user), many=True).data)


def register(router):
    """Nothing on the shared router, whose viewsets each serve one capability:
    a person's own notices belong to none, so they are in `urlpatterns`."""


_own = SimpleRouter()
_own.register("notices", NoticeViewSet, basename="notice")

urlpatterns = [*_own.urls, path("todo/", todo, name="api-todo")]
