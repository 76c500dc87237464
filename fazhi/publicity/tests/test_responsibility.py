"""谁执法谁普法: which units of the town still have no list for the year."""

from fazhi.publicity.models import ResponsibilityList
from fazhi.regions.models import Organisation


def _list_for(unit, year=2020):
    return ResponsibilityList.objects.create(
        region=unit.region,
        organisation=unit,
        year=year,
        laws="宪法",
        audience="群众",
        methods="宣讲",
        frequency="每季度",
    )


def test_the_page_names_the_units_without_a_list(cast, client):
    government = Organisation.objects.get(name="黄水镇人民政府")
    _list_for(government)
    client.force_login(cast.officer)
    missing = {
        unit.name for unit in client.get("/publicity/responsibility/?year=2020").context["missing"]
    }
    assert "黄水镇人民政府" not in missing
    assert {"黄水镇司法所", "石柱县公安局黄水派出所", "七龙社区居民委员会"} <= missing
    assert "七龙社区贵和工作室" not in missing  # a mediation studio keeps no list


def test_full_coverage_is_proved_when_every_unit_has_a_list(cast, client):
    for unit in Organisation.objects.filter(region__code__startswith=cast.town.prefix):
        _list_for(unit)
    client.force_login(cast.officer)
    response = client.get("/publicity/responsibility/?year=2020")
    assert not response.context["missing"]
    assert "全覆盖" in response.content.decode()
    assert client.get("/publicity/responsibility/?year=2021").context["missing"]


def test_a_second_list_for_the_same_unit_and_year_is_refused(cast, client):
    government = Organisation.objects.get(name="黄水镇人民政府")
    _list_for(government)
    client.force_login(cast.officer)
    response = client.post(
        "/publicity/responsibility/new/",
        {
            "organisation": government.pk,
            "year": 2020,
            "laws": "宪法",
            "audience": "群众",
            "methods": "宣讲",
            "frequency": "每月",
        },
    )
    assert response.status_code == 200
    assert ResponsibilityList.objects.count() == 1


def test_the_cadre_may_only_pick_their_own_village_units(cast, client):
    client.force_login(cast.cadre)
    form = client.get("/publicity/responsibility/new/").context["form"]
    names = {unit.name for unit in form.fields["organisation"].queryset}
    assert names == {"七龙社区居民委员会"}
