"""Special campaigns (专项宣传) through the product's pages."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.publicity.models import Campaign, CombinedWork, Status

from .builders import make_activity


def _campaign(region, name="防控疫情，法治同行", **fields):
    return Campaign.objects.create(
        region=region,
        name=name,
        start_date=fields.pop("start_date", date(2020, 2, 1)),
        end_date=fields.pop("end_date", date(2020, 6, 30)),
        **fields,
    )


def _form(region, **overrides):
    return {
        "region": region.pk,
        "name": "防控疫情，法治同行",
        "start_date": "2020-02-01",
        "end_date": "2020-06-30",
        "description": "结合疫情排查入户宣传",
        **overrides,
    }


def test_the_town_officer_creates_a_campaign_and_lands_on_its_page(cast, client):
    client.force_login(cast.officer)
    response = client.post("/publicity/campaigns/new/", _form(cast.town))
    campaign = Campaign.objects.get(name="防控疫情，法治同行")
    assert response.status_code == 302
    assert response["Location"] == f"/publicity/campaigns/{campaign.pk}/"
    assert campaign.region == cast.town and campaign.end_date == date(2020, 6, 30)
    assert campaign.history.count() == 1


def test_the_town_officer_renames_and_extends_a_campaign(cast, client):
    campaign = _campaign(cast.town)
    client.force_login(cast.officer)
    response = client.post(
        f"/publicity/campaigns/{campaign.pk}/edit/",
        _form(cast.town, name="防控疫情 法治同行", end_date="2020-09-30"),
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.name == "防控疫情 法治同行" and campaign.end_date == date(2020, 9, 30)


def test_the_campaign_page_shows_its_activities_and_the_metrics_totals(cast, client):
    campaign = _campaign(cast.town)
    make_activity(
        cast.town,
        [cast.qilong],
        title="疫情排查入户",
        campaign=campaign,
        person_times=120,
        materials=80,
        combined_with=[CombinedWork.HOUSEHOLD_VISITS],
    )
    make_activity(cast.town, [cast.huangshui], campaign=campaign, person_times=30, materials=20)
    make_activity(
        cast.town,
        campaign=campaign,
        status=Status.PLANNED,
        date=date.today() + timedelta(days=5),
        person_times=500,
    )
    make_activity(cast.town, title="专项以外", person_times=999)
    client.force_login(cast.leader)
    response = client.get(f"/publicity/campaigns/{campaign.pk}/")
    figures = {metric.code: value for metric, value in response.context["figures"]}
    assert figures == {
        "publicity.activities": 2,
        "publicity.person_times": 150,
        "publicity.materials": 100,
    }
    assert response.context["planned"] == 1
    assert response.context["page"].paginator.count == 3
    assert "疫情排查入户" in response.content.decode()
    assert "专项以外" not in response.content.decode()


def test_the_campaign_list_links_from_the_publicity_navigation(cast, client):
    client.force_login(cast.officer)
    assert 'href="/publicity/campaigns/"' in client.get("/publicity/").content.decode()


def test_the_campaign_list_filters_by_year_and_exports_what_it_shows(cast, client):
    _campaign(cast.town, name="防控疫情，法治同行")
    _campaign(cast.town, name="民法典进万家", start_date=date(2021, 3, 1), end_date=None)
    client.force_login(cast.officer)
    listed = client.get("/publicity/campaigns/", {"year": 2020}).context["page"]
    assert [c.name for c in listed] == ["防控疫情，法治同行"]
    export = client.get("/publicity/campaigns/", {"year": 2022, "format": "xlsx"})
    assert export.status_code == 200
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_an_end_before_the_start_is_refused_with_the_field_named(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        "/publicity/campaigns/new/",
        _form(cast.town, start_date="2020-06-30", end_date="2020-02-01"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end_date"] == ["结束日期不能早于开始日期。"]
    assert "结束日期" in response.content.decode()
    assert not Campaign.objects.exists()


def test_a_campaign_without_a_name_or_a_valid_start_is_refused(cast, client):
    client.force_login(cast.officer)
    response = client.post("/publicity/campaigns/new/", _form(cast.town, name="", start_date="2月"))
    errors = response.context["form"].errors
    assert set(errors) == {"name", "start_date"}
    assert not Campaign.objects.exists()


def test_a_bad_edit_leaves_the_campaign_as_it_was(cast, client):
    campaign = _campaign(cast.town)
    client.force_login(cast.officer)
    client.post(
        f"/publicity/campaigns/{campaign.pk}/edit/",
        _form(cast.town, name="改坏了", end_date="2019-01-01"),
    )
    campaign.refresh_from_db()
    assert campaign.name == "防控疫情，法治同行"


def test_the_qilong_cadre_records_a_campaign_for_qilong_only(cast, client):
    client.force_login(cast.cadre)
    refused = client.post("/publicity/campaigns/new/", _form(cast.huangshui, name="越界专项"))
    assert "region" in refused.context["form"].errors
    assert not Campaign.objects.filter(name="越界专项").exists()
    town = client.post("/publicity/campaigns/new/", _form(cast.town, name="全镇专项"))
    assert "region" in town.context["form"].errors
    ok = client.post("/publicity/campaigns/new/", _form(cast.qilong, name="七龙专项"))
    assert ok.status_code == 302
    assert Campaign.objects.get(name="七龙专项").region == cast.qilong


def test_the_qilong_cadre_cannot_see_or_edit_another_villages_campaign(cast, client):
    theirs = _campaign(cast.huangshui, name="黄水社区专项")
    _campaign(cast.qilong, name="七龙专项")
    client.force_login(cast.cadre)
    listed = client.get("/publicity/campaigns/").context["page"]
    assert [c.name for c in listed] == ["七龙专项"]
    assert client.get(f"/publicity/campaigns/{theirs.pk}/").status_code == 404
    assert client.get(f"/publicity/campaigns/{theirs.pk}/edit/").status_code == 404
    client.post(f"/publicity/campaigns/{theirs.pk}/edit/", _form(cast.qilong, name="抢来的"))
    assert Campaign.objects.get(pk=theirs.pk).name == "黄水社区专项"


def test_the_campaign_page_counts_only_what_the_cadre_may_see(cast, client):
    campaign = _campaign(cast.qilong, name="七龙专项")
    make_activity(cast.qilong, campaign=campaign, person_times=40)
    make_activity(cast.huangshui, campaign=campaign, person_times=900)  # not theirs to see
    client.force_login(cast.cadre)
    figures = client.get(f"/publicity/campaigns/{campaign.pk}/").context["figures"]
    assert [value for _, value in figures] == [1, 40, 0]


def test_roles_that_may_only_view_publicity_get_403_on_the_campaign_forms(cast, client):
    campaign = _campaign(cast.town)
    for user in (cast.leader, cast.county_admin):
        client.force_login(user)
        assert client.get("/publicity/campaigns/").status_code == 200
        assert client.get("/publicity/campaigns/new/").status_code == 403
        assert client.post("/publicity/campaigns/new/", _form(cast.town)).status_code == 403
        assert client.get(f"/publicity/campaigns/{campaign.pk}/edit/").status_code == 403
    assert Campaign.objects.count() == 1


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _many_campaigns(region, count, offset=0):
    Campaign.objects.bulk_create(
        Campaign(region=region, name=f"专项{n}", start_date=date(2020, 1, 1))
        for n in range(offset, offset + count)
    )


def test_the_campaign_list_runs_as_many_queries_for_200_campaigns_as_for_5(cast, client):
    client.force_login(cast.officer)
    _many_campaigns(cast.town, 5)
    few = _queries(client, "/publicity/campaigns/")
    _many_campaigns(cast.qilong, 195, offset=5)
    assert _queries(client, "/publicity/campaigns/") == few


def test_the_campaign_page_runs_as_many_queries_for_60_activities_as_for_3(cast, client):
    campaign = _campaign(cast.town)
    client.force_login(cast.officer)
    for _ in range(3):
        make_activity(cast.town, [cast.qilong, cast.huangshui], campaign=campaign)
    few = _queries(client, f"/publicity/campaigns/{campaign.pk}/")
    for _ in range(57):
        make_activity(cast.town, [cast.qilong, cast.huangshui], campaign=campaign)
    assert _queries(client, f"/publicity/campaigns/{campaign.pk}/") == few


def test_the_qilong_cadre_may_file_under_the_towns_campaign_but_not_edit_it(cast, client):
    town = _campaign(cast.town)
    client.force_login(cast.cadre)
    assert (
        town in client.get("/publicity/activities/new/").context["form"].fields["campaign"].queryset
    )
    assert client.get(f"/publicity/campaigns/{town.pk}/edit/").status_code == 404
