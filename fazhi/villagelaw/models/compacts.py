"""村规民约（居民公约）: versions and the steps of their procedure."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse

from fazhi.core.history import audited_history
from fazhi.core.locking import Versioned
from fazhi.villagelaw.models.base import VillageQuerySet, _village_check

# --- 村规民约 ---------------------------------------------------------------


class CompactKind(models.TextChoices):
    VILLAGE = "village", "村规民约"
    RESIDENTS = "residents", "居民公约"


class Stage(models.TextChoices):
    DRAFT = "draft", "起草"
    REVIEWED = "reviewed", "法律顾问已审核"
    OPINION = "opinion", "镇合法性审查已出具意见"
    VOTED = "voted", "村（居）民会议已表决通过"
    FILED = "filed", "已报镇备案"
    ADOPTED = "adopted", "已施行"


class StepKind(models.TextChoices):
    REVIEW = "review", "法律顾问审核"
    OPINION = "opinion", "镇合法性审查意见"
    VOTE = "vote", "村（居）民会议表决"
    FILING = "filing", "报镇备案"
    ADOPTION = "adoption", "公布施行"
    CORRECTION = "correction", "责令改正"


# Which step moves a compact from one stage to the next, in order.
STEP_ORDER = [StepKind.REVIEW, StepKind.OPINION, StepKind.VOTE, StepKind.FILING, StepKind.ADOPTION]
STAGE_BEFORE = {
    StepKind.REVIEW: Stage.DRAFT,
    StepKind.OPINION: Stage.REVIEWED,
    StepKind.VOTE: Stage.OPINION,
    StepKind.FILING: Stage.VOTED,
    StepKind.ADOPTION: Stage.FILED,
}
STAGE_AFTER = {
    StepKind.REVIEW: Stage.REVIEWED,
    StepKind.OPINION: Stage.OPINION,
    StepKind.VOTE: Stage.VOTED,
    StepKind.FILING: Stage.FILED,
    StepKind.ADOPTION: Stage.ADOPTED,
}


class Compact(Versioned):
    region = models.ForeignKey(
        "regions.Region", verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("类别", max_length=20, choices=CompactKind.choices)
    title = models.CharField("名称", max_length=100)
    text = models.TextField("条文", max_length=20000)
    stage = models.CharField(
        "办理阶段", max_length=20, choices=Stage.choices, default=Stage.DRAFT, editable=False
    )
    revision = models.PositiveSmallIntegerField("修订稿次", default=1, editable=False)

    history = audited_history()
    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = "村规民约"
        verbose_name_plural = "村规民约"
        ordering = ["region__code", "-id"]

    def __str__(self) -> str:
        return f"{self.region.name}{self.title}"

    def get_absolute_url(self) -> str:
        return reverse("villagelaw:compact_detail", args=[self.pk])

    def clean(self) -> None:
        _village_check(self.region if self.region_id else None)

    @property
    def reviewed(self) -> bool:
        """Past the advisor's review and the town's legality opinion in this round."""
        return self.stage in (Stage.OPINION, Stage.VOTED, Stage.FILED, Stage.ADOPTED)


class VoteResult(models.TextChoices):
    PASSED = "passed", "通过"
    FAILED = "failed", "未通过"


class CompactStepQuerySet(VillageQuerySet):
    scope_region = "compact__region"


class CompactStep(Versioned):
    """One step of a compact's procedure; a correction order starts a new round."""

    compact = models.ForeignKey(
        Compact, verbose_name="村规民约", on_delete=models.CASCADE, related_name="steps"
    )
    revision = models.PositiveSmallIntegerField("修订稿次", editable=False)
    kind = models.CharField("环节", max_length=20, choices=StepKind.choices)
    date = models.DateField("日期")
    note = models.TextField("意见或说明", max_length=4000, blank=True)
    lawful = models.BooleanField("经审查合法", null=True, blank=True)
    attendance = models.PositiveIntegerField(
        "到会人数", null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    eligible = models.PositiveIntegerField(
        "应到人数", null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    votes_for = models.PositiveIntegerField(
        "赞成票数", null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    result = models.CharField("表决结果", max_length=20, choices=VoteResult.choices, blank=True)

    history = audited_history()
    objects = CompactStepQuerySet.as_manager()

    class Meta:
        verbose_name = "村规民约办理环节"
        verbose_name_plural = "村规民约办理环节"
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"
