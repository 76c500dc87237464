from datetime import date
from decimal import Decimal

from fazhi.legal.models import ReviewRequest, Service, ServiceKind, Stage
from fazhi.legal.services import contract_create
from fazhi.legal.tests.builders import make_advisor, make_decision
from fazhi.metrics import Period, compute


def test_advisors_under_contract_counts_contracts_overlapping_the_year(cast, chen):
    contract_create(user=cast.officer, advisor=chen, start=date(2020, 1, 1), end=date(2020, 12, 31))
    lapsed = make_advisor(cast.town, name="旧顾问")
    contract_create(
        user=cast.officer, advisor=lapsed, start=date(2018, 1, 1), end=date(2019, 6, 30)
    )
    result = compute("legal.advisors_under_contract", cast.town, Period.year(2020))
    assert result.value == 1
    assert list(result.records) == [chen]
    assert compute("legal.advisors_under_contract", cast.qilong, Period.year(2020)).value == 0


def test_services_by_kind(cast, chen):
    for kind in (ServiceKind.LECTURE, ServiceKind.LECTURE, ServiceKind.MEDIATION):
        Service.objects.create(
            advisor=chen, region=cast.town, date=date(2020, 3, 1), kind=kind, subject="x"
        )
    result = compute("legal.services", cast.town, Period.year(2020))
    assert result.value == 3
    assert result.parts["法治讲座"] == 2 and result.parts["参与调解"] == 1


def test_decisions_by_stage_and_reviewed_share(cast, chen):
    make_decision(cast, title="甲")
    make_decision(cast, title="乙")
    result = compute("legal.decisions_by_stage", cast.town, Period.year(2020))
    assert result.value == 2 and result.parts[Stage.PARTICIPATION.label] == 2
    share = compute("legal.decisions_reviewed_share", cast.town, Period.year(2020))
    assert share.value == Decimal("0.0")
    assert compute("legal.decisions_reviewed_share", cast.town, Period.year(2019)).value is None


def test_normative_reviewed_share(cast, chen):
    for opinion in ("lawful", ""):
        ReviewRequest.objects.create(
            region=cast.town,
            subject_kind="normative",
            title="文件",
            reviewer=chen,
            sent_on=date(2020, 5, 1),
            due=date(2020, 5, 20),
            opinion=opinion,
        )
    result = compute("legal.normative_reviewed_share", cast.town, Period.year(2020))
    assert result.value == Decimal("50.0")
    assert result.records.count() == 1
