"""Coverage per village: reach, reach per resident, days since, under-served, distance."""

from datetime import date
from decimal import Decimal

from fazhi.metrics import Period
from fazhi.publicity.coverage import distance_correlation, village_coverage
from fazhi.publicity.models import Targets

from .builders import make_activity


def _row(rows, name):
    return next(row for row in rows if row.village.name == name)


def test_an_activity_reaching_two_villages_shares_its_person_times(cast):
    make_activity(cast.town, [cast.qilong, cast.huangshui], person_times=100)
    rows = village_coverage(cast.town, Period.year(2020))
    assert _row(rows, "七龙社区").person_times == 50
    assert _row(rows, "黄水社区").person_times == 50
    assert _row(rows, "七龙社区").per_resident == round(50 / cast.qilong.population, 3)


def test_a_village_without_activity_is_under_served(cast):
    make_activity(cast.town, [cast.qilong], person_times=1000, date=date(2020, 12, 1))
    rows = village_coverage(cast.town, Period.year(2020))
    assert _row(rows, "洋洞村").underserved and _row(rows, "洋洞村").activities == 0
    assert not _row(rows, "七龙社区").underserved
    assert _row(rows, "七龙社区").days_since == 30


def test_the_threshold_is_the_towns_own(cast):
    make_activity(cast.town, [cast.qilong], person_times=100)  # 0.032 per resident
    assert _row(village_coverage(cast.town, Period.year(2020)), "七龙社区").underserved
    Targets.objects.create(region=cast.town, underserved_below=Decimal("0.01"))
    assert not _row(village_coverage(cast.town, Period.year(2020)), "七龙社区").underserved


def test_planned_activities_do_not_count(cast):
    make_activity(
        cast.town, [cast.qilong], person_times=900, status="planned", date=date(2020, 6, 1)
    )
    assert _row(village_coverage(cast.town, Period.year(2020)), "七龙社区").activities == 0


def test_reach_falling_with_distance_is_reported(cast, client):
    near = [cast.huangshui, cast.region["万胜坝社区"], cast.qilong]
    for village in near:
        make_activity(cast.town, [village], person_times=800)
    make_activity(cast.town, [cast.region["洋洞村"]], person_times=10)
    make_activity(cast.town, [cast.region["大风堡村"]], person_times=10)
    rows = village_coverage(cast.town, Period.year(2020))
    assert distance_correlation(rows) < -0.5
    client.force_login(cast.officer)
    body = client.get("/publicity/coverage/?year=2020").content.decode()
    assert "距离越远，人均受教越少" in body and "覆盖不足" in body


def test_the_cadre_sees_the_coverage_of_their_own_village_only(cast, client):
    client.force_login(cast.cadre)
    rows = client.get("/publicity/coverage/?year=2020").context["rows"]
    assert [row.village.name for row in rows] == ["七龙社区"]
    assert client.get(f"/publicity/coverage/?region={cast.huangshui.code}").status_code == 404
