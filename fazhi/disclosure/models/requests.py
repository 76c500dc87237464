"""依申请公开: one application for government information (政府信息公开条例第二十七条起).

The answer date (`answer_due`) is 20 working days from receipt (Art. 33), or
from receipt of the completed application after one 补正 notice (Art. 30:
the clock restarts); the working days a third party takes to give its view
are not counted (Art. 32); an extension of up to 20 working days needs the
head's approval, which is recorded (Art. 33).
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet
from fazhi.personal import EncryptedCharField, mask_id_number


class Channel(models.TextChoices):
    COUNTER = "counter", "当面（窗口）"
    ONLINE = "online", "网上"
    MAIL = "mail", "信函"


class ApplicantKind(models.TextChoices):
    PERSON = "person", "公民"
    ORGANISATION = "organisation", "法人或者其他组织"


class IdType(models.TextChoices):
    ID_CARD = "id_card", "居民身份证"
    PASSPORT = "passport", "护照"
    PERMIT = "permit", "港澳台居民通行证或居住证"
    OTHER = "other", "其他有效身份证件"


class Delivery(models.TextChoices):
    """How the applicant wants the information (条例第二十九条: 获取信息的方式、途径)."""

    PAPER = "paper", "纸质文本（邮寄）"
    PICKUP = "pickup", "纸质文本（当面领取）"
    EMAIL = "email", "电子邮件"
    DISC = "disc", "光盘或其他电子介质"


class RequestStatus(models.TextChoices):
    RECEIVED = "received", "已收到"
    CORRECTION = "correction", "待补正"
    CONSULTING = "consulting", "征求第三方意见"
    PROCESSING = "processing", "办理中"
    ANSWERED = "answered", "已答复"


class AnswerType(models.TextChoices):
    """The statutory answer types (政府信息公开条例第三十六条)."""

    PUBLIC = "public", "予以公开（告知获取方式和途径）"
    PARTLY = "partly", "部分公开（说明不予公开部分的理由）"
    REFUSED = "refused", "不予公开（告知理由）"
    NOT_HELD = "not_held", "本机关不掌握该政府信息"
    NOT_OURS = "not_ours", "不属于本机关负责公开（告知负责机关）"
    PUBLISHED = "published", "已主动公开（告知获取方式）"
    REPEATED = "repeated", "重复申请（告知不予重复处理）"
    OTHER_CHANNEL = "other_channel", "其他法律法规另有规定（告知依照其规定办理）"
    NOT_APPLICATION = "not_application", "不属于政府信息公开申请（告知）"


class InfoRequest(Versioned):
    region = models.ForeignKey(
        "regions.Region",
        verbose_name="受理机关所在乡镇",
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.CharField("编号", max_length=20)
    applicant = models.CharField("申请人", max_length=60)
    contact = EncryptedCharField("联系方式", blank=True)
    channel = models.CharField("申请方式", max_length=10, choices=Channel.choices)
    applicant_kind = models.CharField(
        "申请人类型", max_length=12, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    id_type = models.CharField("证件类型", max_length=10, choices=IdType.choices, blank=True)
    id_number = EncryptedCharField("证件号码", blank=True, plain_max_length=30)
    organisation_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    contact_person = models.CharField("联系人", max_length=40, blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    email = EncryptedCharField("电子邮箱", blank=True, plain_max_length=120)
    purpose = models.CharField("申请用途", max_length=300, blank=True)
    delivery = models.CharField(
        "获取信息的方式", max_length=10, choices=Delivery.choices, blank=True
    )
    submitted_at = models.DateTimeField("网上提交时间", null=True, blank=True)
    description = models.TextField("所需信息的描述", max_length=2000)
    received_on = models.DateField("收到申请日期")
    acknowledged_on = models.DateField("出具登记回执日期", null=True, blank=True)
    status = models.CharField(
        "状态", max_length=12, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    correction_sent_on = models.DateField("发出补正通知日期", null=True, blank=True)
    correction_what = models.CharField("需补正事项", max_length=300, blank=True)
    correction_received_on = models.DateField("收到补正材料日期", null=True, blank=True)
    consultation_sent_on = models.DateField("征求第三方意见日期", null=True, blank=True)
    consultation_ended_on = models.DateField("第三方答复日期", null=True, blank=True)
    extension_approved_by = models.CharField("批准延期的负责人", max_length=40, blank=True)
    extension_approved_on = models.DateField("批准延期日期", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField("延长工作日", default=0)
    answer_type = models.CharField(
        "答复类型", max_length=20, choices=AnswerType.choices, blank=True
    )
    answer_text = models.TextField("答复内容", blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    pages = models.PositiveIntegerField("提供信息页数", default=0)
    fee = models.DecimalField("信息处理费（元）", max_digits=9, decimal_places=2, default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    history = audited_history()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["region", "number"], name="disclosure_request_number")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.applicant}"

    def get_absolute_url(self) -> str:
        return reverse("disclosure:request", args=[self.pk])

    @property
    def id_number_masked(self) -> str:
        if self.id_type == IdType.ID_CARD:
            return mask_id_number(self.id_number)
        return self.id_number[:2] + "*" * max(len(self.id_number) - 4, 0) + self.id_number[-2:]

    @property
    def clock_start(self) -> date | None:
        """Receipt, or receipt of the completed application after a 补正 notice."""
        if self.correction_sent_on:
            return self.correction_received_on
        return self.received_on

    def answer_due(self) -> date | None:
        from fazhi.disclosure.deadlines import request_answer_due

        return request_answer_due(self)
