"""The activity list: filters, pagination, export of exactly what is filtered."""

from datetime import date, timedelta
from io import BytesIO

from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from fazhi.publicity.models import Activity, Form, Status, Theme

from .builders import make_activity


def _bulk_activities(cast, count):
    theme = Theme.objects.get(name="宪法")
    start = date(2020, 1, 1)
    activities = Activity.objects.bulk_create(
        Activity(
            region=cast.town,
            title=f"活动{n}",
            date=start + timedelta(days=n % 360),
            place="镇文化广场",
            form=Form.MARKET_DAY,
            status=Status.HELD,
            person_times=10,
            materials=5,
        )
        for n in range(count)
    )
    Through = Activity.villages.through
    Through.objects.bulk_create(
        Through(activity_id=a.pk, region_id=v.pk)
        for a in activities
        for v in (cast.qilong, cast.huangshui)
    )
    Activity.themes.through.objects.bulk_create(
        Activity.themes.through(activity_id=a.pk, theme_id=theme.pk) for a in activities
    )


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_runs_as_many_queries_for_1000_activities_as_for_10(cast, client):
    client.force_login(cast.officer)
    _bulk_activities(cast, 10)
    few = _queries(client, "/publicity/activities/")
    _bulk_activities(cast, 990)
    many = _queries(client, "/publicity/activities/")
    assert Activity.objects.count() == 1000
    assert many == few


def test_the_export_holds_exactly_the_filtered_activities(cast, client):
    client.force_login(cast.officer)
    market = make_activity(cast.town, [cast.qilong], title="赶集日宣传", form=Form.MARKET_DAY)
    make_activity(cast.town, [cast.huangshui], title="入户走访", form=Form.HOUSEHOLD)
    response = client.get("/publicity/activities/", {"form": "market_day", "format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == [market.title]
    assert rows[1][3] == "七龙社区"


def test_it_filters_by_village_theme_and_campaign(cast, client):
    client.force_login(cast.officer)
    constitution = Theme.objects.get(name="宪法")
    one = make_activity(cast.town, [cast.qilong], title="宪法进七龙")
    one.themes.set([constitution])
    make_activity(cast.town, [cast.huangshui], title="黄水禁毒")
    page = client.get(
        "/publicity/activities/", {"village": cast.qilong.pk, "theme": constitution.pk}
    ).context["page"]
    assert [a.title for a in page] == ["宪法进七龙"]


def test_it_filters_by_date(cast, client):
    client.force_login(cast.officer)
    make_activity(cast.town, title="春季", date=date(2020, 3, 1))
    make_activity(cast.town, title="冬季", date=date(2020, 12, 4))
    page = client.get(
        "/publicity/activities/", {"since": "2020-12-01", "until": "2020-12-31"}
    ).context["page"]
    assert [a.title for a in page] == ["冬季"]
