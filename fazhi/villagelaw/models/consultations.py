"""法律咨询台账."""

from django.db import models
from django.urls import reverse

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.personal import EncryptedCharField, mask_phone, validate_phone
from fazhi.villagelaw.models.base import VillageQuerySet, _village_check

# --- 法律咨询台账 -------------------------------------------------------------


class ConsultationCategory(models.TextChoices):
    FAMILY = "family", "婚姻家庭、继承"
    LAND = "land", "土地承包、宅基地"
    LABOUR = "labour", "劳动报酬、工伤"
    NEIGHBOUR = "neighbour", "邻里、相邻关系"
    CONTRACT = "contract", "合同、债务"
    TORT = "tort", "人身、财产损害赔偿"
    ADMINISTRATIVE = "administrative", "行政事务（征收、补偿、救助等）"
    OTHER = "other", "其他"


class ReferredTo(models.TextChoices):
    NONE = "none", "当场解答，未转介"
    MEDIATION = "mediation", "转人民调解"
    LEGAL_AID = "legal_aid", "转法律援助"
    LITIGATION = "litigation", "引导诉讼"
    HOTLINE = "hotline", "转12348公共法律服务热线"


class Consultation(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    advisor = models.ForeignKey(
        "legal.Advisor",
        verbose_name="解答的法律顾问",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    date = models.DateField("咨询日期")
    person_name = models.CharField("咨询人", max_length=40)
    phone = EncryptedCharField("联系电话", blank=True, validators=[validate_phone])
    category = models.CharField("咨询类别", max_length=20, choices=ConsultationCategory.choices)
    question = models.TextField("咨询问题", max_length=2000)
    answer = models.TextField("解答意见", max_length=4000, blank=True)
    referred_to = models.CharField(
        "转介去向", max_length=20, choices=ReferredTo.choices, default=ReferredTo.NONE
    )

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "法律咨询"
        verbose_name_plural = "法律咨询"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.region.name} {self.person_name}"

    def get_absolute_url(self) -> str:
        return reverse("villagelaw:consultation_detail", args=[self.pk])

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    def clean(self) -> None:
        _village_check(self.region if self.region_id else None)
