from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from fazhi.cases import services
from fazhi.cases.tests.builders import make_lawsuit, make_other_town, make_reconsideration

pytestmark = pytest.mark.django_db


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_lawsuit_list_runs_as_many_queries_for_20_rows_as_for_2(client, cast):
    client.force_login(cast.officer)
    for n in range(2):
        make_lawsuit(cast, case_number=f"a{n}")
    few = _count_queries(client, "/cases/lawsuits/")
    for n in range(18):
        make_lawsuit(cast, case_number=f"b{n}")
    many = _count_queries(client, "/cases/lawsuits/")
    assert many == few


def test_the_reconsideration_list_query_count_is_flat(client, cast):
    client.force_login(cast.officer)
    make_reconsideration(cast, case_number="r0")
    few = _count_queries(client, "/cases/reconsiderations/")
    for n in range(15):
        make_reconsideration(cast, case_number=f"r{n + 1}")
    assert _count_queries(client, "/cases/reconsiderations/") == few


def test_the_ledger_exports_exactly_the_filtered_lawsuits(client, cast):
    case = make_lawsuit(
        cast, case_number="（2020）渝0240行初21号", complaint_received_on=date(2020, 6, 22)
    )
    services.hearing_record(
        lawsuit=case, date=date(2020, 8, 18), court="第二法庭", appearance="head", head_name="镇长"
    )
    make_lawsuit(cast, case_number="（2021）渝0240行初2号", complaint_received_on=date(2021, 3, 1))
    make_lawsuit(cast, case_number="西沱", region=make_other_town(), user=cast.county_admin)
    client.force_login(cast.officer)
    response = client.get("/cases/lawsuits/export/?year=2020")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "行政诉讼案件台账"
    assert [row[0] for row in rows[1:]] == ["（2020）渝0240行初21号"]
    assert rows[1][7] == "2020-07-07" and rows[1][10] == 1


def test_the_reconsideration_ledger_marks_provisional_dates(client, cast):
    make_reconsideration(
        cast, case_number="复2027", accepted_on=date(2026, 12, 28), received_on=date(2026, 12, 30)
    )
    client.force_login(cast.officer)
    sheet = load_workbook(BytesIO(client.get("/cases/reconsiderations/export/").content)).active
    row = list(sheet.iter_rows(values_only=True))[1]
    assert row[0] == "复2027" and row[8].endswith("（暂定）")


def test_the_calendar_shows_hearings_and_deadlines_of_the_month(client, cast):
    case = make_lawsuit(cast, complaint_received_on=date(2020, 9, 20))
    services.hearing_record(
        lawsuit=case, date=date(2020, 10, 20), court="第二法庭", appearance="head", head_name="镇长"
    )
    client.force_login(cast.leader)
    page = client.get("/cases/calendar/?month=2020-10").content.decode()
    assert "开庭 （2020）渝0240行初1号" in page
    assert "提交答辩状和证据 （2020）渝0240行初1号" in page
    services.lawsuit_record_answer(lawsuit=case, submitted_on=date(2020, 9, 30))
    page = client.get("/cases/calendar/?month=2020-10").content.decode()
    assert "已办" in page


def test_the_leader_reads_but_cannot_register(client, cast):
    client.force_login(cast.leader)
    assert client.get("/cases/").status_code == 200
    assert client.get("/cases/lawsuits/new/").status_code == 403


def test_the_api_lists_only_cases_in_scope(client, cast):
    make_lawsuit(cast, case_number="黄水案")
    make_lawsuit(cast, case_number="西沱案", region=make_other_town(), user=cast.county_admin)
    client.force_login(cast.officer)
    body = client.get("/api/v1/cases/lawsuits/").json()
    numbers = [row["case_number"] for row in body.get("results", body)]
    assert numbers == ["黄水案"]
    client.force_login(cast.county_admin)
    body = client.get("/api/v1/cases/lawsuits/").json()
    assert len(body.get("results", body)) == 2


def test_the_api_registers_a_reconsideration_with_its_due_dates(client, cast):
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/cases/reconsiderations/",
        {
            "region": cast.town.code,
            "case_number": "复API",
            "applicant": "丙",
            "organ": "县政府",
            "contested_act": "答复",
            "accepted_on": "2025-01-20",
            "received_on": "2025-01-22",
            "handler": cast.officer.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["answer_due"], response.json()["decision_due"]) == (
        "2025-02-11",
        "2025-03-21",
    )


def test_the_api_names_the_field_of_a_bad_date(client, cast):
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/cases/reconsiderations/",
        {
            "region": cast.town.code,
            "case_number": "复API",
            "applicant": "丙",
            "organ": "县政府",
            "contested_act": "答复",
            "accepted_on": "2025-01-20",
            "received_on": "2025-01-10",
            "handler": cast.officer.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "received_on" in response.json()


def test_the_api_refuses_the_leader_a_write(client, cast):
    client.force_login(cast.leader)
    assert (
        client.post("/api/v1/cases/lawsuits/", {}, content_type="application/json").status_code
        == 403
    )


def test_the_api_refuses_a_handler_outside_the_town(client, cast):
    client.force_login(cast.officer)
    response = client.post(
        "/api/v1/cases/lawsuits/",
        {
            "region": cast.town.code,
            "case_number": "API案",
            "court": "县法院",
            "plaintiffs": "丁",
            "cause": "行政处罚",
            "contested_act": "罚款",
            "complaint_received_on": "2020-09-20",
            "handler": cast.cadre.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and "handler" in response.json()


def test_the_overview_shows_a_screenful_of_deadlines_and_links_to_all(cast, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fazhi.cases.tests.builders import make_lawsuit

    client.force_login(cast.officer)
    make_lawsuit(cast, case_number="（2020）渝0240行初100号")
    with CaptureQueriesContext(connection) as few:
        client.get("/cases/")
    for n in range(101, 113):  # every answer overdue: received in 2020, never answered
        make_lawsuit(cast, case_number=f"（2020）渝0240行初{n}号")
    with CaptureQueriesContext(connection) as many:
        page = client.get("/cases/")
    assert len(page.context["reminders"]) == 10
    assert page.context["reminder_count"] == 13
    assert "全部 13 个期限" in page.content.decode()
    assert len(many) == len(few)
    everything = client.get("/cases/reminders/?all=1")
    assert everything.context["page"].paginator.count == 13
