"""Notices, document numbers, due dates, the state machine and late reasons."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fazhi.tasks import docnumbers, services
from fazhi.tasks.models import Status
from fazhi.tasks.tests.builders import make_notice, make_task


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("石柱府办发〔2020〕113号", "石柱府办发〔2020〕113号"),
        ("工作通知[2020]113号", "工作通知〔2020〕113号"),
        ("工作通知(2020)113号", "工作通知〔2020〕113号"),
        ("工作通知（2020）7号", "工作通知〔2020〕7号"),
        (" 石司发 〔2020〕 21号 ", "石司发〔2020〕21号"),
    ],
)
def test_a_document_number_in_the_official_form_is_kept_with_its_brackets_normalised(typed, stored):
    assert docnumbers.normalise(typed) == stored
    docnumbers.validate_doc_number(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "113号",
        "工作通知2020年113号",
        "工作通知〔20〕113号",
        "工作通知〔2020〕号",
        "〔2020〕113号",
        "工作通知〔2020〕113",
        "工作通知〔1800〕1号",
        "=HYPERLINK(1)〔2020〕1号",
    ],
)
def test_a_malformed_document_number_is_refused_showing_the_expected_form(cast, typed):
    with pytest.raises(ValidationError) as error:
        make_notice(cast, number=typed)
    message = error.value.message_dict["doc_number"][0]
    assert "文号" in message and "石柱府办发〔2020〕113号" in message


def test_a_due_date_in_working_days_skips_the_national_day_holiday(cast):
    notice = make_notice(cast, received=date(2020, 9, 28))
    task = make_task(cast, notice, due_kind="working_days", working_days=5, due=None)
    # 9-29, 9-30 work; 10-1…10-8 holiday; 10-9 and 10-10 (a Saturday worked) and 10-12 follow
    assert task.due_on == date(2020, 10, 12)


def test_moving_the_receipt_date_moves_a_working_day_due_date(cast):
    notice = make_notice(cast, received=date(2020, 9, 28))
    task = make_task(cast, notice, due_kind="working_days", working_days=1, due=None)
    services.notice_save(user=cast.officer, notice=notice, data={"received_on": date(2020, 9, 21)})
    task.refresh_from_db()
    assert task.due_on == date(2020, 9, 22)


def test_a_task_moves_through_its_states_and_a_step_cannot_be_skipped(cast):
    task = make_task(cast, make_notice(cast), person=cast.cadre, due=date(2020, 6, 30))
    assert task.status == Status.NOT_STARTED
    with pytest.raises(ValidationError) as error:
        services.task_confirm(user=cast.officer, task=task)
    assert "待确认" in error.value.message_dict["status"][0]
    services.progress_report(
        user=cast.cadre, task=task, text="场地已选定", reported_on=date(2020, 5, 1)
    )
    task.refresh_from_db()
    assert task.status == Status.IN_PROGRESS
    services.progress_report(
        user=cast.cadre, task=task, text="已挂牌", reported_on=date(2020, 6, 20), finished=True
    )
    task.refresh_from_db()
    assert task.status == Status.AWAITING
    services.task_send_back(user=cast.officer, task=task, reason="请补充照片")
    task.refresh_from_db()
    assert (task.status, task.returned_reason) == (Status.IN_PROGRESS, "请补充照片")
    services.progress_report(
        user=cast.cadre, task=task, text="补充照片", reported_on=date(2020, 6, 25), finished=True
    )
    services.task_confirm(user=cast.officer, task=task, confirmed_on=date(2020, 6, 28))
    task.refresh_from_db()
    assert task.status == Status.DONE and task.finished_on == date(2020, 6, 25)
    with pytest.raises(ValidationError):
        services.progress_report(
            user=cast.cadre, task=task, text="再报", reported_on=date(2020, 7, 1)
        )


def test_a_task_is_not_reported_finished_while_a_staged_target_is_open(cast):
    notice = make_notice(cast)
    task = services.task_save(
        user=cast.officer,
        notice=notice,
        data={
            "title": "配齐法律明白人",
            "unit": make_task(cast, notice).unit,
            "due_on": date(2020, 12, 1),
        },
        milestones=[{"title": "每组确定人选", "due_on": date(2020, 9, 30)}],
    )
    with pytest.raises(ValidationError) as error:
        services.progress_report(
            user=cast.officer, task=task, text="完成", reported_on=date(2020, 9, 1), finished=True
        )
    assert "每组确定人选" in error.value.message_dict["milestones_done"][0]


def test_reporting_past_the_due_date_requires_the_reason_and_the_remedy(cast):
    task = make_task(cast, make_notice(cast), due=date(2020, 6, 30))
    with pytest.raises(ValidationError) as error:
        services.progress_report(
            user=cast.officer, task=task, text="完成", reported_on=date(2020, 7, 5), finished=True
        )
    assert set(error.value.message_dict) == {"late_reason", "remedy"}
    services.progress_report(
        user=cast.officer,
        task=task,
        text="完成",
        reported_on=date(2020, 7, 5),
        finished=True,
        late_reason="汛期抢险",
        remedy="加班补齐",
    )
    task.refresh_from_db()
    assert task.late_reason == "汛期抢险" and task.is_late(date(2020, 7, 6))


def test_confirming_a_late_task_requires_the_reason_and_the_remedy(cast):
    task = make_task(cast, make_notice(cast), due=date(2020, 6, 30))
    services.progress_report(
        user=cast.officer, task=task, text="完成", reported_on=date(2020, 6, 30), finished=True
    )
    task.refresh_from_db()
    task.finished_on = date(2020, 7, 2)  # e.g. an imported row with no reason
    task.save()
    with pytest.raises(ValidationError) as error:
        services.task_confirm(user=cast.officer, task=task)
    assert "late_reason" in error.value.message_dict


def test_only_the_officer_sets_tasks_and_a_cadre_reports_only_on_his_village(cast):
    notice = make_notice(cast)
    with pytest.raises(PermissionDenied):
        services.task_save(user=cast.cadre, notice=notice, data={"title": "x", "unit": None})
    elsewhere = make_task(cast, notice, region=cast.huangshui, title="黄水社区的任务")
    with pytest.raises(PermissionDenied):
        services.progress_report(
            user=cast.cadre, task=elsewhere, text="越权", reported_on=date(2020, 5, 1)
        )


def test_a_person_who_would_not_see_the_task_cannot_be_made_responsible(cast):
    with pytest.raises(ValidationError) as error:
        make_task(cast, make_notice(cast), region=cast.huangshui, person=cast.cadre)
    assert "person" in error.value.message_dict


def test_the_leader_in_charge_must_be_a_leader_of_the_town(cast):
    with pytest.raises(ValidationError) as error:
        make_notice(cast, leader=cast.cadre)
    assert "leader" in error.value.message_dict


def test_control_characters_and_far_dates_are_refused(cast):
    with pytest.raises(ValidationError):
        make_notice(cast, title="通知\u0007标题")
    with pytest.raises(ValidationError):
        make_task(cast, make_notice(cast), due=date(2150, 1, 1))


def test_the_responsible_person_is_told_at_once_when_given_a_task_and_when_it_is_returned(cast):
    from fazhi.notices.models import Notice

    mine = Notice.objects.filter(recipient=cast.cadre)
    task = make_task(cast, make_notice(cast), person=cast.cadre)
    assert list(mine.values_list("kind", flat=True)) == ["tasks.assigned"]
    assert mine.get().url == task.get_absolute_url()
    services.task_save(user=cast.officer, notice=task.notice, task=task, data={"title": "改名"})
    assert mine.count() == 1  # the same person again: no second notice
    services.progress_report(
        user=cast.cadre, task=task, text="已完成", reported_on=date(2020, 6, 20), finished=True
    )
    services.task_send_back(user=cast.officer, task=task, reason="请补充照片")
    returned = mine.get(kind="tasks.returned")
    assert "请补充照片" in returned.title
