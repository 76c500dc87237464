"""GET /api/v1/deadlines/?rule=CODE&start=YYYY-MM-DD → the due date."""

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.response import Response

from fazhi.deadlines.engine import compute_deadline
from fazhi.deadlines.rules import RULES


class DeadlineQuerySerializer(serializers.Serializer):
    rule = serializers.CharField(error_messages={"required": "请指定期限规则代码。"})
    start = serializers.DateField(
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": "请指定起算日期（YYYY-MM-DD）。",
            "invalid": "日期无效，格式应为 YYYY-MM-DD。",
        },
    )

    def validate_rule(self, value):
        if value not in RULES:
            raise serializers.ValidationError(f"未知的期限规则：{value}")
        return value


class DeadlineSerializer(serializers.Serializer):
    rule = serializers.CharField()
    start = serializers.DateField()
    due = serializers.DateField()
    basis = serializers.CharField()
    working_days = serializers.BooleanField()
    provisional = serializers.BooleanField()


@extend_schema(
    parameters=[
        OpenApiParameter("rule", str, required=True, description="期限规则代码"),
        OpenApiParameter("start", str, required=True, description="起算日期 YYYY-MM-DD"),
    ],
    responses=DeadlineSerializer,
)
@api_view(["GET"])
@permission_classes([permissions.IsAuthenticated])
def deadline(request):
    """法定期限计算：起算日不计入；期满日为休息日的顺延至下一个工作日。"""
    query = DeadlineQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    result = compute_deadline(query.validated_data["rule"], query.validated_data["start"])
    return Response(DeadlineSerializer(result).data)


class RuleSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a rule's label, not the field's
    basis = serializers.CharField()
    length = serializers.IntegerField()
    unit = serializers.CharField()
    start_event = serializers.CharField()


@extend_schema(responses=RuleSerializer(many=True))
@api_view(["GET"])
@permission_classes([permissions.IsAuthenticated])
def rules(request):
    """法定期限规则：代码、依据、期限长度与单位、起算事件。"""
    return Response(RuleSerializer(RULES.values(), many=True).data)


def register(router):
    """No viewsets: the one endpoint is in `urlpatterns`."""


urlpatterns = [
    path("deadlines/", deadline, name="deadline-compute"),
    path("deadlines/rules/", rules, name="deadline-rules"),
]
