"""Test builders: each made through the service the pages use."""

from datetime import date
from decimal import Decimal

from fazhi.legal.models import Advisor, AdvisorKind
from fazhi.villagelaw import services
from fazhi.villagelaw.models import (
    AidBasis,
    AidMatter,
    Assignment,
    Compact,
    CompactKind,
    Consultation,
    ConsultationCategory,
    Referral,
)


def make_advisor(region, *, user=None, name="陈律师"):
    advisor = Advisor(region=region, kind=AdvisorKind.EXTERNAL, name=name, user=user)
    advisor.full_clean()
    advisor.save()
    return advisor


def make_assignment(cast, village, advisor, **overrides):
    fields = {"start": date(2020, 1, 1), "end": date(2020, 12, 31)} | overrides
    return services.record_save(
        user=cast.officer, record=Assignment(region=village, advisor=advisor, **fields)
    )


def make_visit(cast, assignment, day=date(2020, 3, 12), hours=Decimal("2.5")):
    return services.visit_record(
        user=cast.officer, assignment=assignment, date=day, hours=hours, work="坐班接待咨询"
    )


def make_consultation(user, village, **overrides):
    fields = {
        "date": date(2020, 3, 4),
        "person_name": "谭某英",
        "category": ConsultationCategory.LABOUR,
        "question": "被拖欠工资怎么办？",
    } | overrides
    return services.record_save(user=user, record=Consultation(region=village, **fields))


def make_referral(user, village, **overrides):
    fields = {
        "received_on": date(2020, 3, 5),
        "applicant": "谭某英",
        "matter": AidMatter.LABOUR,
        "basis": AidBasis.MIGRANT,
        "summary": "被拖欠工资一万二千元。",
    } | overrides
    return services.record_save(user=user, record=Referral(region=village, **fields))


def make_compact(user, village, **overrides):
    fields = {"kind": CompactKind.RESIDENTS, "title": "居民公约", "text": "第一条 遵守法律。"}
    return services.record_save(user=user, record=Compact(region=village, **(fields | overrides)))
