from datetime import date
from decimal import Decimal

from fazhi.disputes import services
from fazhi.disputes.tests.builders import (
    make_assignment,
    make_dispute,
    make_dispute_type,
    make_party,
)
from fazhi.metrics.registry import Period, compute

YEAR = Period.year(2020)


def _success(cast, village, accepted_on, days):
    dispute = make_assignment(
        cast,
        make_dispute(cast, village, registered_on=accepted_on),
        accepted_on=accepted_on,
        suffix="人民调解委员会",
    )
    make_party(dispute)
    services.agreement_make(
        dispute=dispute,
        facts="f",
        terms="t",
        signed_on=date.fromordinal(accepted_on.toordinal() + days),
        effective_on=date.fromordinal(accepted_on.toordinal() + days),
    )
    return dispute


def _scene(cast):
    _success(cast, cast.qilong, date(2020, 3, 2), 10)
    _success(cast, cast.huangshui, date(2020, 4, 1), 20)
    failed = make_assignment(
        cast, make_dispute(cast, registered_on=date(2020, 5, 1)), accepted_on=date(2020, 5, 1)
    )
    services.dispute_hand_over(
        dispute=failed,
        user=cast.officer,
        kind="litigation",
        receiver="石柱县人民法院",
        reason="调解不成",
        handed_on=date(2020, 5, 31),
    )
    late = make_assignment(
        cast,
        make_dispute(cast, registered_on=date(2020, 9, 3), dispute_type=make_dispute_type("劳资")),
        accepted_on=date(2020, 9, 3),
    )
    make_dispute(cast, registered_on=date(2019, 12, 1))  # another year
    return late


def test_cases_count_the_years_registrations_with_their_breakdowns(cast):
    _scene(cast)
    result = compute("disputes.cases", cast.town, YEAR)
    assert result.value == 4 and result.records.count() == 4
    assert result.parts["by_village"] == {"七龙社区": 3, "黄水社区": 1}
    assert result.parts["by_type"] == {"劳资": 1, "邻里": 3}
    assert result.parts["by_outcome"] == {"办理中": 1, "调解成功": 2, "调解不成": 1}
    assert result.parts["by_source"] == {"来访": 4}
    assert result.list_url == (
        f"/disputes/?region={cast.town.code}&since=2020-01-01&until=2020-12-31"
    )


def test_success_rate_median_days_and_handovers(cast):
    _scene(cast)
    assert compute("disputes.mediated", cast.town, YEAR).value == 3
    rate = compute("disputes.success_rate", cast.town, YEAR)
    assert rate.value == Decimal("66.7") and rate.parts == {"succeeded": 2, "concluded": 3}
    assert compute("disputes.median_days", cast.town, YEAR).value == 20
    handovers = compute("disputes.handovers", cast.town, YEAR)
    assert handovers.value == 1 and handovers.parts == {"诉讼": 1}


def test_overdue_counts_open_cases_past_their_month(cast):
    late = _scene(cast)
    result = compute("disputes.overdue", cast.town, YEAR)
    assert list(result.records) == [late]


def test_a_village_sees_only_its_own_figures(cast):
    _scene(cast)
    assert compute("disputes.cases", cast.huangshui, YEAR).value == 1
    assert compute("disputes.success_rate", cast.huangshui, YEAR).value == 100.0


def test_screening_compliance_counts_zero_reports_as_filed(cast):
    for village in (cast.qilong, cast.huangshui):
        services.screening_file(
            user=cast.officer,
            region=village,
            month=date(2020, 6, 1),
            screened_on=date(2020, 6, 25),
            notes="",
            findings=[],
        )
    result = compute(
        "disputes.screening_compliance", cast.town, Period(date(2020, 6, 1), date(2020, 6, 30))
    )
    assert result.value == 25.0
    assert result.parts["filed"] == 2 and result.parts["expected"] == 8
    assert result.parts["zero_reports"] == 2
    assert result.parts["by_village"]["金花村"] == 0
