"""西沱镇 sees nothing of 黄水镇's notices and tasks (the demo town, fully recorded)."""

from rest_framework.test import APIClient

from fazhi.tasks.tests.builders import make_notice, make_task


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_second_town_sees_nothing_of_huangshui(cast, two_towns):
    make_task(cast, make_notice(cast, number="工作通知〔2020〕999号"))
    client = api(two_towns.officer)
    assert client.get("/api/v1/tasks/tasks/").json()["results"] == []
    assert client.get("/api/v1/tasks/notices/").json()["results"] == []


def test_a_cadre_of_another_village_cannot_report_on_a_task_he_does_not_see(cast, two_towns):
    from fazhi.tasks.models import Task

    task = (
        Task.objects.for_user(cast.officer)
        .exclude(region=cast.qilong)
        .exclude(pk__in=Task.objects.for_user(cast.cadre).values("pk"))
        .first()
    )
    answer = api(cast.cadre).patch(
        f"/api/v1/tasks/tasks/{task.pk}/",
        {"version": task.version, "progress": [{"text": "越权报告"}]},
        format="json",
    )
    assert answer.status_code == 404
    assert api(two_towns.cadre).get(f"/api/v1/tasks/tasks/{task.pk}/").status_code == 404


def test_the_second_towns_officer_has_nothing_to_do_or_check_from_huangshui(
    cast, two_towns, client
):
    from fazhi.tasks.selectors import todo_for

    assert list(todo_for(two_towns.officer, __import__("datetime").date(2020, 12, 31))) == []
    client.force_login(two_towns.officer)
    page = client.get("/tasks/quarterly/", {"year": 2020, "quarter": 4}).content.decode()
    assert "本季度没有落后于进度的任务" in page


def test_the_demo_report_opens_with_the_county_notice_and_writes_its_tasks_in_part_one(
    cast, two_towns
):
    from fazhi.reports import document
    from fazhi.reports.models import Report

    report = Report.objects.for_user(cast.officer).filter(year=2020).first()
    text = document.assemble(report)
    assert "（工作通知〔2020〕113号）" in text.intro
    first = text.parts[0].sections[0]
    assert first.key == "demonstration" and "督办任务" in first.text
    assert "逾期任务" in first.text
    assert any(item.key.endswith("late_tasks") for item in text.candidates)
