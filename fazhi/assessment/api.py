"""/api/v1/assessment/…: indicator systems with their tree, sheets with their
scores and evidence, and the two writes of a sheet's life (自评 by the town,
审核 by the county), through the same services as the pages."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from fazhi.assessment import services
from fazhi.assessment.models import Entry, Indicator, Sheet, System
from fazhi.assessment.selectors import score_entries, sheet_total
from fazhi.attachments.models import Attachment
from fazhi.core.permissions import ScopedViewSetMixin


def _drf(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = [
            "id",
            "parent",
            "order",
            "number",
            "name",
            "points",
            "criteria",
            "evidence_required",
            "method",
            "metric",
            "params",
            "min_score",
        ]


class SystemSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.code", read_only=True)
    status = serializers.CharField(read_only=True, help_text="draft 草稿 / published 已发布")
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = System
        fields = [
            "id",
            "name",
            "year",
            "level",
            "region",
            "edition",
            "status",
            "bonus_cap",
            "penalty_cap",
            "published_at",
            "indicators",
        ]


class SystemViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """考核指标体系及其指标树（parent 指向上级指标）。"""

    capability = "assessment"
    queryset = System.objects.select_related("region").prefetch_related("indicators")
    serializer_class = SystemSerializer
    lookup_value_regex = r"\d+"


class EvidenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    url = serializers.CharField()


class EntrySerializer(serializers.ModelSerializer):
    indicator = serializers.IntegerField(source="indicator_id", read_only=True)
    number = serializers.CharField(source="indicator.number", read_only=True)
    name = serializers.CharField(source="indicator.name", read_only=True)
    points = serializers.DecimalField(
        source="indicator.points", max_digits=7, decimal_places=2, read_only=True
    )
    status = serializers.CharField(
        read_only=True,
        help_text="pending 待自评 / self 已自评 / returned 退回补充 / resubmitted 已补充 / reviewed 已审核",
    )
    value = serializers.SerializerMethodField()
    auto_score = serializers.SerializerMethodField()
    final_score = serializers.SerializerMethodField()
    records_url = serializers.SerializerMethodField()
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = Entry
        fields = [
            "id",
            "sheet",
            "indicator",
            "number",
            "name",
            "points",
            "status",
            "value",
            "auto_score",
            "self_score",
            "self_note",
            "links",
            "review_score",
            "review_reason",
            "return_note",
            "return_due",
            "final_score",
            "records_url",
            "evidence",
        ]

    def _scored(self, entry):
        cache = self.context.setdefault("scored", {})
        if entry.pk not in cache:
            for item in score_entries(
                entry.sheet, [entry], cache=self.context.setdefault("figures", {})
            ):
                cache[entry.pk] = item
        return cache[entry.pk]

    def get_value(self, entry) -> str | None:
        value = self._scored(entry).value
        return None if value is None else str(value)

    def get_auto_score(self, entry) -> str | None:
        auto = self._scored(entry).auto
        return None if auto is None else str(auto)

    def get_final_score(self, entry) -> str:
        return str(self._scored(entry).final)

    def get_records_url(self, entry) -> str:
        return self._scored(entry).list_url

    def get_evidence(self, entry) -> list[dict]:
        files = self.context.get("files")
        found = files.get(entry.pk, []) if files is not None else Attachment.objects.of(entry)
        return [
            {"id": a.pk, "name": a.original_name, "url": f"/attachments/{a.pk}/"} for a in found
        ]


class SheetSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.code", read_only=True)
    region_name = serializers.CharField(source="region.name", read_only=True)
    year = serializers.IntegerField(source="system.year", read_only=True)
    status = serializers.CharField(
        read_only=True, help_text="self 自评中 / submitted 审核中 / final 已定稿"
    )

    class Meta:
        model = Sheet
        fields = [
            "id",
            "system",
            "region",
            "region_name",
            "year",
            "status",
            "frozen_at",
            "total",
            "vetoed",
        ]


class SheetDetailSerializer(SheetSerializer):
    live_total = serializers.SerializerMethodField()
    entries = serializers.SerializerMethodField()

    class Meta(SheetSerializer.Meta):
        fields = [*SheetSerializer.Meta.fields, "live_total", "entries"]

    def get_live_total(self, sheet) -> str:
        return str(sheet_total(sheet, self._scored(sheet)).value)

    def _scored(self, sheet):
        if "scored_sheet" not in self.context:
            self.context["scored_sheet"] = score_entries(sheet)
        return self.context["scored_sheet"]

    def get_entries(self, sheet) -> list[dict]:
        scored = self._scored(sheet)
        files: dict = {}
        for attachment in Attachment.objects.filter(
            owner_type__app_label="assessment",
            owner_type__model="entry",
            owner_id__in=[item.entry.pk for item in scored],
        ):
            files.setdefault(attachment.owner_id, []).append(attachment)
        context = {**self.context, "files": files, "scored": {i.entry.pk: i for i in scored}}
        return EntrySerializer([item.entry for item in scored], many=True, context=context).data


class SheetViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """考核表：列表为汇总，详情含各指标得分、数据来源与佐证材料。"""

    capability = "assessment"
    queryset = Sheet.objects.select_related("system", "region")
    lookup_value_regex = r"\d+"

    def get_serializer_class(self):
        return SheetDetailSerializer if self.action == "retrieve" else SheetSerializer


class SelfAssessSerializer(serializers.Serializer):
    score = serializers.DecimalField(
        max_digits=7, decimal_places=2, required=False, allow_null=True, min_value=0
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    links = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField(max_length=300)),
        required=False,
        max_length=20,
    )


class ReviewSerializer(serializers.Serializer):
    score = serializers.DecimalField(
        max_digits=7, decimal_places=2, required=False, allow_null=True, min_value=0
    )
    reason = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


class ReturnSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=5000)
    due = serializers.DateField()


class EntryViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """考核表中的一项指标：自评（镇）、审核或退回补充（县）。"""

    capability = "assessment"
    queryset = Entry.objects.select_related("indicator", "sheet__system", "sheet__region")
    serializer_class = EntrySerializer
    lookup_value_regex = r"\d+"

    def _run(self, service, serializer_class, **extra):
        entry = self.get_object()
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        try:
            entry = service(
                user=self.request.user, entry=entry, **serializer.validated_data, **extra
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        except DjangoValidationError as error:
            raise _drf(error) from None
        return Response(EntrySerializer(entry, context={"request": self.request}).data)

    @extend_schema(request=SelfAssessSerializer, responses=EntrySerializer)
    @action(detail=True, methods=["post"], url_path="self-assess")
    def self_assess(self, request, pk=None):
        return self._run(services.entry_self_assess, SelfAssessSerializer)

    @extend_schema(request=ReviewSerializer, responses=EntrySerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        return self._run(services.entry_review, ReviewSerializer)

    @extend_schema(request=ReturnSerializer, responses=EntrySerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def send_back(self, request, pk=None):
        return self._run(services.entry_return, ReturnSerializer)


def register(router):
    router.register("assessment/systems", SystemViewSet, basename="assessment-system")
    router.register("assessment/sheets", SheetViewSet, basename="assessment-sheet")
    router.register("assessment/entries", EntryViewSet, basename="assessment-entry")
