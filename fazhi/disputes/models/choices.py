from django.db import models

from fazhi.regions.models import OrganisationKind


class Source(models.TextChoices):
    VISIT = "visit", "来访"
    SCREENING = "screening", "排查发现"
    POLICE = "police", "110/派出所转来"
    GRID = "grid", "网格员上报"
    ASSIGNED = "assigned", "上级交办"
    OTHER = "other", "其他"


class Risk(models.TextChoices):
    LOW = "low", "一般"
    MEDIUM = "medium", "较大"
    HIGH = "high", "重大"


class Status(models.TextChoices):
    REGISTERED = "registered", "已登记"
    MEDIATING = "mediating", "调解中"
    CONCLUDED = "concluded", "已办结"
    HANDED_OVER = "handed_over", "已移交"


class Outcome(models.TextChoices):
    SUCCESS = "success", "调解成功"
    FAILED = "failed", "调解不成"
    TERMINATED = "terminated", "终止调解"


class PartyRole(models.TextChoices):
    APPLICANT = "applicant", "申请人"
    RESPONDENT = "respondent", "被申请人"
    THIRD = "third", "第三人"


class Performance(models.TextChoices):
    PENDING = "pending", "未履行"
    PARTIAL = "partial", "部分履行"
    DONE = "done", "已履行"


class HandoverKind(models.TextChoices):
    ADMINISTRATIVE = "administrative", "行政调解"
    PRE_LITIGATION = "pre_litigation", "法院诉前调解"
    LITIGATION = "litigation", "诉讼"
    ARBITRATION = "arbitration", "仲裁"
    PETITION = "petition", "信访"


# A dispute involving this many people or more is a 群体性纠纷: the leader is told at once.
MANY_PEOPLE = 5

# The kinds of organisation a case can be mediated by.
MEDIATION_KINDS = [
    OrganisationKind.GUIHE_STUDIO,
    OrganisationKind.MEDIATION_COMMITTEE,
    OrganisationKind.JUSTICE_OFFICE,
    OrganisationKind.GOVERNANCE_CENTRE,
    OrganisationKind.POLICE,
    OrganisationKind.VILLAGE_COMMITTEE,
]
