"""Administrative adjudication (行政裁决) of civil disputes the law gives the
town to decide, such as ownership disputes over land or forest land."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from fazhi.cases.models.common import CaseBase
from fazhi.core.history import audited_history


class AdjudicationType(models.TextChoices):
    LAND = "land", "土地权属争议"
    FOREST_LAND = "forest_land", "林地权属争议"
    TREES = "trees", "林木权属争议"
    WATER = "water", "水事纠纷"
    OTHER = "other", "其他"


class Adjudication(CaseBase):
    type = models.CharField("裁决类型", max_length=20, choices=AdjudicationType.choices)
    parties = models.CharField("当事人", max_length=200)
    claim = models.TextField("申请事项")
    applied_on = models.DateField("申请日期")
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    hearing_on = models.DateField("听证或调查日期", null=True, blank=True)
    decision = models.TextField("裁决内容", blank=True)
    remedy_notice = models.TextField(
        "救济途径告知", blank=True, help_text="告知当事人申请行政复议或提起行政诉讼的途径和期限。"
    )
    decided_on = models.DateField("裁决日期", null=True, blank=True)

    history = audited_history()

    class Meta:
        verbose_name = "行政裁决案件"
        verbose_name_plural = "行政裁决案件"
        ordering = ["-applied_on", "-pk"]

    def get_absolute_url(self) -> str:
        return reverse("cases:adjudication", args=[self.pk])

    @property
    def status(self) -> str:
        if self.decided_on:
            return "已裁决"
        return "审理中" if self.accepted_on else "待受理"

    def clean(self):
        errors = {}
        if self.accepted_on and self.applied_on and self.accepted_on < self.applied_on:
            errors["accepted_on"] = "受理日期不能早于申请日期。"
        if self.hearing_on and self.accepted_on and self.hearing_on < self.accepted_on:
            errors["hearing_on"] = "听证日期不能早于受理日期。"
        if self.decided_on:
            if not self.accepted_on:
                errors["accepted_on"] = "未受理的申请不能作出裁决。"
            elif self.decided_on < self.accepted_on:
                errors["decided_on"] = "裁决日期不能早于受理日期。"
            if not self.decision.strip():
                errors["decision"] = "请填写裁决内容。"
            if not self.remedy_notice.strip():
                errors["remedy_notice"] = (
                    "作出裁决前必须写明救济途径（申请行政复议或提起行政诉讼的途径和期限）。"
                )
        if errors:
            raise ValidationError(errors)
