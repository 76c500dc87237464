"""GET /api/v1/dashboard/figures/?region=<code>&year=YYYY: the cockpit's figures
for a region in the caller's scope, with its towns or villages side by side."""

from django.core.exceptions import BadRequest
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from fazhi.core.periods import Period, parse_year
from fazhi.core.permissions import HasCapability
from fazhi.dashboard import figures
from fazhi.regions.models import Level, Region


class FigureSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    unit = serializers.CharField()
    value = serializers.FloatField(allow_null=True)
    previous = serializers.FloatField(allow_null=True)
    records_url = serializers.CharField()


class PartSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    values = serializers.DictField(child=serializers.FloatField(allow_null=True))


class FiguresSerializer(serializers.Serializer):
    region = serializers.CharField()
    name = serializers.CharField()
    year = serializers.IntegerField()
    computed_at = serializers.DateTimeField(help_text="数据截至")
    figures = FigureSerializer(many=True)
    parts = PartSerializer(many=True)


def _payload(region: Region, year: int) -> dict:
    below = Level.VILLAGE if region.level >= Level.TOWN else Level.TOWN
    children = list(Region.objects.under(region.prefix).filter(level=below))
    if region.level == Level.VILLAGE:
        children = []
    table = figures.compare(region, children, Period.year(year))
    return {
        "region": region.code,
        "name": region.name,
        "year": year,
        "figures": [
            {
                "code": f.column.code,
                "label": f.column.label,
                "unit": f.column.unit,
                "value": f.value,
                "previous": f.previous,
                "records_url": f.url,
            }
            for f in figures.key_figures(region, year)
        ],
        "parts": [
            {
                "code": row.region.code,
                "name": row.region.name,
                "values": {
                    column.code: figures.number(cell.value)
                    for column, cell in zip(table.columns, row.cells, strict=True)
                },
            }
            for row in table.rows
        ],
    }


@extend_schema(
    parameters=[
        OpenApiParameter("region", str, description="区划代码（默认本人管辖范围）"),
        OpenApiParameter("year", int, description="年度（默认有记录的最近一年）"),
    ],
    responses=FiguresSerializer,
)
@api_view(["GET"])
@permission_classes([IsAuthenticated, HasCapability])
def dashboard_figures(request):
    """驾驶舱数据：一个区划一年的主要指标（附上年数和记录清单链接），及其下各乡镇或各村的对比。"""
    user = request.user
    code = request.query_params.get("region") or (user.scope_region and user.scope_region.code)
    if not code:
        raise ValidationError({"region": "参数 region（区划代码）必填。"})
    region = get_object_or_404(Region.objects.for_user(user), code=code)
    try:
        year = parse_year(request.query_params.get("year")) or figures.default_year(region)
    except BadRequest as error:
        raise ValidationError({"year": str(error)}) from None
    payload = figures.cached(("api", region.code, year), lambda: _payload(region, year))
    return Response(FiguresSerializer(payload).data)


dashboard_figures.cls.capability = "dashboard"  # read by HasCapability


def register(router):
    """No viewsets: the one endpoint is in `urlpatterns`."""


urlpatterns = [path("dashboard/figures/", dashboard_figures, name="dashboard-figures")]
