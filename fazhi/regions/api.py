from rest_framework import serializers, viewsets

from fazhi.core.permissions import ScopedViewSetMixin
from fazhi.regions.models import Organisation, Region


class RegionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)
    level_label = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = Region
        fields = ["code", "name", "level", "level_label", "parent", "population", "distance_km"]


class OrganisationSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "kind", "kind_label", "region"]


class RegionViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """行政区划：当前用户管辖范围内的区划。"""

    capability = "regions"
    queryset = Region.objects.select_related("parent")
    serializer_class = RegionSerializer
    lookup_field = "code"
    lookup_value_regex = r"\d{12}"  # anything else (a NUL byte…) is not a region: 404
    filterset_fields = ["level"]


class OrganisationViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """组织机构：当前用户管辖范围内的组织。"""

    capability = "regions"
    queryset = Organisation.objects.select_related("region")
    serializer_class = OrganisationSerializer
    filterset_fields = ["kind"]


def register(router):
    router.register("regions", RegionViewSet, basename="region")
    router.register("organisations", OrganisationViewSet, basename="organisation")
