"""村务公开 and 依申请公开: the catalogue, posts, public queries, information requests.

- `Category`: one line of the yearly 村务公开目录 (the county's, as the town
  enters or imports it) or of the township's own proactive list (政府信息公开
  条例第二十一条, level town); frequency quarterly, monthly or one-off; the
  villages it applies to (none named: every village of the town).
- `Post`: what a village (or the town) publishes for one category and period:
  drafted → submitted → approved and published by the supervisor (村务监督
  委员会) → withdrawn with a reason; never deleted. Filing with the township
  is recorded on publication (`filed_at`). Each step is a saved version in
  the post's history (who, when, which status), which the post page lists.
- `Supervisor`: the per-village assignment of the 村务监督委员会 member who
  reviews that village's posts (a village cadre account of that village).
- `Query`: a member of the public's query or objection (质询) about a village's
  affairs, moderated, answered by the 村委会 within 3 days or the township
  within 10.
- `InfoRequest`: an application for government information (依申请公开).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.core.scope import ScopedQuerySet, code_range, region_prefix_for
from fazhi.personal import EncryptedCharField
from fazhi.regions.codes import town_code


class Frequency(models.TextChoices):
    QUARTERLY = "quarterly", "按季度"
    MONTHLY = "monthly", "按月"
    ONE_OFF = "one_off", "一事一公开"


class Level(models.TextChoices):
    VILLAGE = "village", "村(社区)"
    TOWN = "town", "乡镇"


class Source(models.TextChoices):
    COUNTY = "county", "县级村务公开目录"
    TOWN = "town", "乡镇主动公开事项（条例第二十一条）"


RULE_OF_FREQUENCY = {
    Frequency.QUARTERLY: "disclosure.quarterly",
    Frequency.MONTHLY: "disclosure.monthly",
    Frequency.ONE_OFF: "disclosure.one_off",
}


class CategoryQuerySet(ScopedQuerySet):
    def choosable_by(self, user):
        """A town's catalogue, which the town keeps (`for_user`), is read and
        chosen from by each of its villages as well."""
        prefix = region_prefix_for(user)
        if prefix is None:
            return self.none()
        under = Q(**code_range("region__code", prefix))
        return self.filter(under | Q(region__code=town_code(prefix)) if len(prefix) > 9 else under)

    def applying_to(self, region):
        """The categories a village (or the town itself) must publish."""
        if region.level == 4:  # a town: its own proactive items
            return self.filter(region=region, level=Level.TOWN)
        town = town_code(region.code)
        return (
            self.filter(region__code=town, level=Level.VILLAGE)
            .filter(Q(villages=None) | Q(villages=region))
            .distinct()
        )


class Category(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    name = models.CharField("公开事项", max_length=100)
    frequency = models.CharField("公开频次", max_length=12, choices=Frequency.choices)
    level = models.CharField(
        "公开主体", max_length=10, choices=Level.choices, default=Level.VILLAGE
    )
    source = models.CharField("来源", max_length=10, choices=Source.choices, default=Source.COUNTY)
    villages = models.ManyToManyField(
        "regions.Region",
        verbose_name="适用村(社区)",
        blank=True,
        related_name="+",
        help_text="不选表示适用于全镇所有村(社区)。",
    )
    basis = models.CharField("依据", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField("排序", default=0)
    active = models.BooleanField("启用", default=True)

    history = audited_history(m2m_fields=[villages])
    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = "公开目录事项"
        verbose_name_plural = "公开目录事项"
        ordering = ["year", "level", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "name"], name="disclosure_category_unique_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}年 {self.name}"

    @property
    def rule(self) -> str:
        return RULE_OF_FREQUENCY[self.frequency]

    @property
    def periods(self) -> list[int]:
        """The period numbers of a year: quarters 1–4, months 1–12, one-off 0."""
        return {
            Frequency.QUARTERLY: [1, 2, 3, 4],
            Frequency.MONTHLY: list(range(1, 13)),
        }.get(self.frequency, [])


class Supervisor(models.Model):
    """The 村务监督委员会 member who reviews a village's posts (or, for the town's
    own items, the person the town names). One assignment per person and region."""

    region = models.ForeignKey("regions.Region", verbose_name="村(社区)", on_delete=models.PROTECT)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="监督委员会成员", on_delete=models.PROTECT
    )
    since = models.DateField("任职起始日")

    history = audited_history()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "村务监督委员会成员"
        verbose_name_plural = "村务监督委员会成员"
        constraints = [
            models.UniqueConstraint(fields=["region", "user"], name="disclosure_supervisor_once")
        ]

    def __str__(self) -> str:
        return f"{self.region}：{self.user}"


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    RETURNED = "returned", "已退回"
    PUBLISHED = "published", "已公开"
    WITHDRAWN = "withdrawn", "已撤回"


class PostQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def public(self):
        """What the portal shows: published posts, newest first."""
        return (
            self.published().select_related("region", "category").order_by("-published_on", "-id")
        )


class Post(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="公开主体", on_delete=models.PROTECT, related_name="+"
    )
    category = models.ForeignKey(Category, verbose_name="公开事项", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField("年度")
    period = models.PositiveSmallIntegerField(
        "期次", default=0, help_text="季度填1–4，月份填1–12，一事一公开填0。"
    )
    event_on = models.DateField("事项发生日", null=True, blank=True)
    title = models.CharField("标题", max_length=120)
    body = models.TextField(
        "正文",
        help_text="段落之间空一行；以“|”分隔的行显示为表格，“# ”开头为小标题，“- ”开头为列表。",
    )
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    due_on = models.DateField("应公开日期", null=True, blank=True)
    due_provisional = models.BooleanField("期限暂定", default=False)
    submitted_at = models.DateTimeField("提交审核时间", null=True, blank=True)
    return_reason = models.CharField("退回理由", max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_on = models.DateField("公开日期", null=True, blank=True)
    display_until = models.DateField("最短公开至", null=True, blank=True)
    filed_at = models.DateTimeField("报乡镇备案时间", null=True, blank=True)
    withdrawn_on = models.DateField("撤回日期", null=True, blank=True)
    screen_until = models.DateField("LED屏播放至", null=True, blank=True)
    withdraw_reason = models.CharField("撤回理由", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="起草人",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    history = audited_history()
    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = "公开内容"
        verbose_name_plural = "公开内容"
        ordering = ["-year", "-period", "-id"]
        indexes = [models.Index(fields=["status", "published_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("disclosure:post", args=[self.pk])

    @property
    def period_label(self) -> str:
        return period_label(self.category.frequency, self.year, self.period, self.event_on)

    @property
    def late(self) -> bool:
        return bool(self.due_on and self.published_on and self.published_on > self.due_on)


def period_label(frequency: str, year: int, period: int, event_on=None) -> str:
    if frequency == Frequency.QUARTERLY:
        return f"{year}年第{'一二三四'[period - 1]}季度"
    if frequency == Frequency.MONTHLY:
        return f"{year}年{period}月"
    return f"{year}年{event_on:%-m月%-d日}事项" if event_on else f"{year}年"


class QueryStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    OPEN = "open", "待答复"
    ANSWERED = "answered", "已答复"
    REJECTED = "rejected", "不予受理"


class Addressee(models.TextChoices):
    VILLAGE = "village", "村民委员会（3日内答复）"
    TOWN = "town", "乡镇人民政府（10日内答复）"


class Query(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="村(社区)", on_delete=models.PROTECT, related_name="+"
    )
    post = models.ForeignKey(
        Post, verbose_name="针对的公开内容", null=True, blank=True, on_delete=models.PROTECT
    )
    name = models.CharField("姓名", max_length=40)
    phone = EncryptedCharField("联系电话", blank=True)
    content = models.TextField("质询内容", max_length=2000)
    received_at = models.DateTimeField("收到时间")
    status = models.CharField(
        "状态", max_length=10, choices=QueryStatus.choices, default=QueryStatus.PENDING
    )
    addressee = models.CharField(
        "答复主体", max_length=10, choices=Addressee.choices, default=Addressee.VILLAGE
    )
    due_on = models.DateField("答复期限", null=True, blank=True)
    reject_reason = models.CharField("不予受理理由", max_length=300, blank=True)
    answer = models.TextField("答复内容", blank=True)
    answer_public = models.BooleanField("答复公开", default=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    history = audited_history()
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "群众质询"
        verbose_name_plural = "群众质询"
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.region}：{self.content[:20]}"

    def get_absolute_url(self) -> str:
        return reverse("disclosure:query", args=[self.pk])

    @property
    def in_time(self) -> bool | None:
        if not self.answered_on or not self.due_on:
            return None
        return self.answered_on <= self.due_on
