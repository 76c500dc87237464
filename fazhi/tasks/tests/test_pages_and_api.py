"""Pages, the API, the quarterly check, the yearly tasks, the ledger, scope."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from fazhi.ledgers.base import get_ledger
from fazhi.ledgers.io import export_workbook, import_workbook
from fazhi.metrics import Period
from fazhi.tasks import services
from fazhi.tasks.models import Status, Task
from fazhi.tasks.selectors import Quarter, quarterly_check, todo_for
from fazhi.tasks.tests.builders import make_notice, make_task
from fazhi.tasks.yearly import yearly_tasks_run


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_cadre_sees_his_task_in_his_todo_and_the_officer_sees_what_awaits_confirmation(cast):
    task = make_task(cast, make_notice(cast), person=cast.cadre, due=date(2020, 6, 30))
    items = list(todo_for(cast.cadre, date(2020, 6, 20)))
    assert [item.url for item in items] == [task.get_absolute_url()]
    services.progress_report(
        user=cast.cadre, task=task, text="完成", reported_on=date(2020, 6, 20), finished=True
    )
    kinds = [item.kind for item in todo_for(cast.officer, date(2020, 6, 21))]
    assert kinds == ["tasks.confirm"]
    assert list(todo_for(cast.other_cadre, date(2020, 6, 20))) == []


def test_progress_is_written_nested_in_the_task_and_confirmation_checks_the_state(cast):
    notice = make_notice(cast)
    officer = api(cast.officer)
    created = officer.post(
        "/api/v1/tasks/tasks/",
        {
            "notice": notice.pk,
            "title": "七龙社区建成贵和工作室",
            "unit": make_task(cast, notice).unit_id,
            "person": cast.cadre.pk,
            "due_on": "2020-09-30",
            "milestones": [{"title": "选定场地", "due_on": "2020-06-30"}],
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    task = created.json()
    early = officer.post(f"/api/v1/tasks/tasks/{task['id']}/confirm/", {}, format="json")
    assert early.status_code == 400 and "待确认" in early.json()["status"][0]
    cadre = api(cast.cadre)
    reported = cadre.patch(
        f"/api/v1/tasks/tasks/{task['id']}/",
        {
            "version": task["version"],
            "progress": [
                {
                    "reported_on": "2020-06-28",
                    "text": "场地布置完成，工作室挂牌",
                    "finished": True,
                    "milestones_done": [task["milestones"][0]["id"]],
                }
            ],
        },
        format="json",
    )
    assert reported.status_code == 200, reported.content
    assert reported.json()["status"] == "awaiting"
    stale = cadre.patch(
        f"/api/v1/tasks/tasks/{task['id']}/",
        {"version": task["version"], "progress": [{"text": "再报"}]},
        format="json",
    )
    assert stale.status_code == 409
    confirmed = officer.post(f"/api/v1/tasks/tasks/{task['id']}/confirm/", {}, format="json")
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "done"
    listed = officer.get("/api/v1/tasks/notices/").json()["results"]
    assert listed[0]["completion_rate"] == 50.0  # one of the two tasks done


def test_a_cadre_cannot_set_tasks_or_register_notices_through_the_api(cast):
    answer = api(cast.cadre).post(
        "/api/v1/tasks/notices/",
        {
            "issuer": "县政府办",
            "doc_number": "工作通知〔2020〕1号",
            "title": "x",
            "received_on": "2020-01-02",
        },
        format="json",
    )
    assert answer.status_code == 403


def test_a_malformed_number_through_the_api_answers_400_naming_the_field(cast):
    answer = api(cast.officer).post(
        "/api/v1/tasks/notices/",
        {"issuer": "县政府办", "doc_number": "113号", "title": "x", "received_on": "2020-01-02"},
        format="json",
    )
    assert answer.status_code == 400 and "文号" in answer.json()["doc_number"][0]


def test_two_edits_from_one_read_of_a_notice_conflict(cast):
    notice = make_notice(cast)
    officer = api(cast.officer)
    read = officer.get(f"/api/v1/tasks/notices/{notice.pk}/").json()
    first = officer.patch(
        f"/api/v1/tasks/notices/{notice.pk}/",
        {"version": read["version"], "title": "甲"},
        format="json",
    )
    second = officer.patch(
        f"/api/v1/tasks/notices/{notice.pk}/",
        {"version": read["version"], "title": "乙"},
        format="json",
    )
    assert (first.status_code, second.status_code) == (200, 409)


def test_the_quarterly_check_lists_late_tasks_and_targets_with_their_reasons(cast):
    notice = make_notice(cast)
    late = make_task(cast, notice, due=date(2020, 8, 31), title="迟交的任务")
    services.progress_report(
        user=cast.officer,
        task=late,
        text="完成",
        reported_on=date(2020, 9, 10),
        finished=True,
        late_reason="汛期",
        remedy="加班",
    )
    make_task(cast, notice, due=date(2020, 9, 30), title="按期的任务")
    on_time = Task.objects.get(title="按期的任务")
    services.progress_report(
        user=cast.officer, task=on_time, text="完成", reported_on=date(2020, 9, 1), finished=True
    )
    rows = quarterly_check(user=cast.officer, quarter=Quarter(2020, 3), today=date(2020, 12, 31))
    assert [(row.task.title, row.task.late_reason) for row in rows] == [("迟交的任务", "汛期")]
    assert (
        quarterly_check(user=cast.officer, quarter=Quarter(2020, 4), today=date(2020, 12, 31)) == []
    )
    client = APIClient()
    client.force_login(cast.officer)
    page = client.get("/tasks/quarterly/", {"year": 2020, "quarter": 3})
    assert page.status_code == 200 and "迟交的任务" in page.content.decode()
    assert "data-print" in page.content.decode()


def test_yearly_tasks_are_made_once_and_closed_when_the_report_is_final_and_published(cast):
    from fazhi.reports import services as reports
    from fazhi.reports.models import Report

    assert yearly_tasks_run(today=date(2021, 1, 5))[0] >= 2
    assert yearly_tasks_run(today=date(2021, 1, 6)) == (0, 0)
    mine = Task.objects.filter(region=cast.town, year=2021).exclude(yearly="")
    assert sorted(t.due_on for t in mine) == [date(2021, 3, 1), date(2021, 4, 1)]
    report = reports.report_create(user=cast.officer, region=cast.town, year=2020)
    reports.report_finalise(user=cast.officer, report=report)
    assert yearly_tasks_run(today=date(2021, 1, 7)) == (0, 0)  # final, not yet published
    report = Report.objects.get(pk=report.pk)
    reports.report_mark_published(
        user=cast.officer, report=report, published_on=timezone.localdate()
    )
    assert yearly_tasks_run(today=date(2021, 1, 8))[1] == 2
    assert set(mine.values_list("status", flat=True)) == {Status.DONE}


def test_the_ledger_goes_out_and_comes_back_unchanged(cast):
    notice = make_notice(cast)
    make_task(cast, notice, person=cast.cadre, title="=1+1 像公式的任务")
    ledger = get_ledger("tasks.tasks")
    records = ledger.records(user=cast.officer, region=cast.town, period=Period.year(2020))
    book = export_workbook(ledger, records, title="任务督办台账")
    result = import_workbook(
        ledger=ledger,
        file=SimpleUploadedFile("t.xlsx", book),
        user=cast.officer,
        region=cast.town,
        dry_run=False,
    )
    assert not result.errors, result.errors
    assert [row.action for row in result.rows] == ["unchanged"]
    Task.objects.all().delete()
    result = import_workbook(
        ledger=ledger,
        file=SimpleUploadedFile("t.xlsx", book),
        user=cast.officer,
        region=cast.town,
        dry_run=False,
    )
    assert [row.action for row in result.rows] == ["created"]
    assert Task.objects.get().title == "=1+1 像公式的任务"


def test_mediators_and_advisors_have_no_access(cast, client):
    for user in (cast.mediator, cast.advisor):
        client.force_login(user)
        assert client.get("/tasks/").status_code == 403


@pytest.mark.parametrize(
    "url", ["/tasks/?year=2020", "/tasks/all/", "/tasks/quarterly/?year=2020&quarter=3"]
)
def test_list_pages_run_the_same_number_of_queries_for_more_records(cast, client, url):
    client.force_login(cast.officer)
    notice = make_notice(cast)
    make_task(cast, notice, due=date(2020, 7, 1))
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for n in range(2, 6):
        other = make_notice(cast, number=f"测试通知〔2020〕{n}号")
        make_task(cast, other, due=date(2020, 7, n), person=cast.cadre)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_the_leader_reads_the_notice_and_its_completion_rate(cast, client):
    notice = make_notice(cast)
    make_task(cast, notice)
    client.force_login(cast.leader)
    page = client.get(notice.get_absolute_url()).content.decode()
    assert "完成率 0.0%" in page
    assert "分解任务" not in page
