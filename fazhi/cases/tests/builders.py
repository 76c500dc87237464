"""Cases made through the services, as the pages make them."""

from datetime import date

from fazhi.cases import services
from fazhi.regions.models import Level, Region


def make_lawsuit(cast, **overrides):
    fields = {
        "region": cast.town,
        "case_number": "（2020）渝0240行初1号",
        "court": "石柱土家族自治县人民法院",
        "plaintiffs": "原告甲",
        "cause": "行政强制",
        "contested_act": "限期拆除决定",
        "complaint_received_on": date(2020, 9, 20),
        "handler": cast.officer,
        "leader": cast.leader,
    }
    user = overrides.pop("user", cast.officer)
    return services.lawsuit_create(user=user, **{**fields, **overrides})


def make_reconsideration(cast, **overrides):
    fields = {
        "region": cast.town,
        "case_number": "石柱府复〔2025〕1号",
        "applicant": "申请人乙",
        "organ": "石柱土家族自治县人民政府",
        "contested_act": "不予批准建房的答复",
        "accepted_on": date(2025, 1, 20),
        "received_on": date(2025, 1, 22),
        "handler": cast.officer,
        "leader": cast.leader,
    }
    user = overrides.pop("user", cast.officer)
    return services.reconsideration_create(user=user, **{**fields, **overrides})


def make_other_town():
    region, _ = Region.objects.get_or_create(
        code="500240106000",
        defaults={
            "name": "西沱镇",
            "level": Level.TOWN,
            "parent": Region.objects.get(code="500240000000"),
        },
    )
    return region
