"""/api/v1/reports/: the yearly reports in the caller's scope, read-only.

The detail carries what the report says (sections, figures with their
record links); a final report returns its frozen text.
"""

from rest_framework import serializers, viewsets

from fazhi.core.permissions import ScopedViewSetMixin
from fazhi.reports import document
from fazhi.reports.models import Report


class ReportSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.code")
    region_name = serializers.CharField(source="region.name")
    # plain text, not an enum: "status" names several choice sets across the API
    status = serializers.CharField(help_text="draft 草稿 / final 定稿")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Report
        fields = [
            "id",
            "region",
            "region_name",
            "year",
            "version",
            "status",
            "status_label",
            "finalised_at",
        ]


class ReportDetailSerializer(ReportSerializer):
    document = serializers.SerializerMethodField()

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "document"]

    def get_document(self, report) -> dict:
        return document.assemble(report).to_dict()


class ReportViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):  # type: ignore[misc]
    capability = "reports"
    queryset = Report.objects.select_related("region").order_by("region__code", "-year", "-version")
    filterset_fields = ["year", "status"]

    def get_serializer_class(self):
        return ReportDetailSerializer if self.action == "retrieve" else ReportSerializer


def register(router):
    router.register("reports", ReportViewSet, basename="report")
