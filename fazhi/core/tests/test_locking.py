"""Two edits from the same read: the second is stopped and told what changed.

Every case reads the record once (the version on the edit page or in the API
answer), saves a first edit from that read, then a second one from the same
read; the second must not overwrite the first.
"""

import pytest
from django.apps import apps
from django.db import models
from rest_framework.test import APIClient

from fazhi.legal.models import Advisor
from fazhi.legal.tests.builders import make_advisor
from fazhi.publicity.models import Activity, KeyDate, LawUnderstander
from fazhi.publicity.tests.builders import make_activity

# Records that are written once and never edited, or whose `version` means
# something else; each with its reason.
NOT_EDITED = {
    "accounts.User": "accounts are changed through their own audited services (三员分立)",
    "accounts.RoleGrant": "decided once: the decision locks the row and refuses a grant no longer pending",
    "attachments.Attachment": "a file is added or removed, never edited",
    "reports.Report": "its version is the report's edition; each edition is a new row",
    "reports.ReportFile": "a generated file, never edited",
    "reports.ReportTemplate": "an uploaded template is replaced by a new upload",
    "disclosure.Supervisor": "an assignment is registered once, never edited",
}


def test_every_editable_business_record_carries_a_version():
    """A business record is one whose history is kept; each must take part in the lock."""
    missing = []
    for model in apps.get_models():
        if not model.__module__.startswith("fazhi.") or not hasattr(model, "history"):
            continue
        if model.__name__.startswith("Historical"):  # the history tables themselves
            continue
        if model._meta.label in NOT_EDITED:
            continue
        field = next((f for f in model._meta.fields if f.name == "version"), None)
        if not isinstance(field, models.IntegerField):
            missing.append(model._meta.label)
    assert missing == [], f"add fazhi.core.locking.Versioned to: {missing}"


def _read(client, url) -> int:
    """Open the edit page and take the version it carries, as the browser would send it back."""
    form = client.get(url).context["form"]
    return form.fields["version"].initial


def _case_activity(cast):
    record = make_activity(cast.qilong, title="七龙社区普法", place="七龙社区")
    data = {
        "region": cast.qilong.pk,
        "title": "七龙社区普法",
        "date": "2020-05-01",
        "place": "七龙社区",
        "villages": [cast.qilong.pk],
        "form": "other",
        "person_times": 30,
        "materials": 10,
        "status": "held",
    }
    return record, f"/publicity/activities/{record.pk}/edit/", data, "title", "活动名称"


def _case_understander(cast):
    record = LawUnderstander.objects.create(
        region=cast.qilong, name="马德昌", background="mediator"
    )
    data = {"region": cast.qilong.pk, "name": "马德昌", "background": "mediator", "active": "on"}
    return record, f"/publicity/understanders/{record.pk}/edit/", data, "name", "姓名"


def _case_key_date(cast):
    record = KeyDate.objects.create(region=cast.town, name="宪法宣传周", month=12, day=4, days=7)
    data = {"region": cast.town.pk, "name": "宪法宣传周", "month": 12, "day": 4, "days": 7}
    return record, f"/publicity/calendar/key-dates/{record.pk}/edit/", data, "name", "名称"


def _case_advisor(cast):
    record = make_advisor(cast.town, name="陈律师")
    data = {"kind": "external", "name": "陈律师", "firm": "", "licence_number": ""}
    return record, f"/legal/advisors/{record.pk}/edit/", data, "name", "姓名"


def _case_lawsuit(cast):
    from fazhi.cases.tests.builders import make_lawsuit

    record = make_lawsuit(cast)
    data = {
        "region": cast.town.pk,
        "case_number": record.case_number,
        "court": record.court,
        "plaintiffs": record.plaintiffs,
        "cause": record.cause,
        "contested_act": record.contested_act,
        "complaint_received_on": "2020-09-20",
        "handler": cast.officer.pk,
    }
    return record, f"/cases/lawsuits/{record.pk}/edit/", data, "plaintiffs", "原告"


def _case_theme(cast):
    from fazhi.publicity.models import Theme

    record = Theme.objects.create(name="乡村振兴促进法", order=50)
    data = {"name": "乡村振兴促进法", "order": 50}
    return record, f"/publicity/themes/{record.pk}/edit/", data, "name", "名称"


FORM_CASES = [
    _case_activity,
    _case_understander,
    _case_key_date,
    _case_advisor,
    _case_lawsuit,
    _case_theme,
]


@pytest.mark.parametrize("make_case", FORM_CASES)
def test_the_second_form_edit_from_one_read_is_stopped_and_shows_what_changed(
    cast, client, make_case
):
    record, url, data, field, label = make_case(cast)
    client.force_login(cast.officer)
    version = _read(client, url)
    first = client.post(url, {**data, field: "第一次修改", "version": version})
    assert first.status_code == 302
    second = client.post(url, {**data, field: "第二次修改", "version": version})
    assert second.status_code == 200
    page = second.content.decode()
    assert "本次保存未生效" in page
    assert f"{label}：您填写「第二次修改」，现在保存的是「第一次修改」" in page
    record.refresh_from_db()
    assert getattr(record, field) == "第一次修改"
    # having seen the difference, a new 保存 of the same page is a knowing overwrite
    third = client.post(url, second.context["form"].data)
    assert third.status_code == 302
    record.refresh_from_db()
    assert getattr(record, field) == "第二次修改"


def test_an_edit_without_a_change_in_between_saves_normally(cast, client):
    record, url, data, field, _ = _case_activity(cast)
    client.force_login(cast.officer)
    response = client.post(url, {**data, field: "新标题", "version": _read(client, url)})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.title == "新标题" and record.version == 2


API_CASES = [
    (_case_activity, "/api/v1/publicity/activities/{pk}/"),
    (_case_understander, "/api/v1/publicity/understanders/{pk}/"),
    (_case_key_date, "/api/v1/publicity/key-dates/{pk}/"),
    (_case_advisor, "/api/v1/legal/advisors/{pk}/"),
]


@pytest.mark.parametrize(("make_case", "url"), API_CASES)
def test_the_second_api_edit_from_one_read_answers_409_in_chinese(cast, make_case, url):
    record, _, _, field, label = make_case(cast)
    url = url.format(pk=record.pk)
    api = APIClient()
    api.force_authenticate(cast.officer)
    version = api.get(url).json()["version"]
    first = api.patch(url, {field: "第一次修改", "version": version}, format="json")
    assert first.status_code == 200, first.json()
    assert first.json()["version"] == version + 1
    second = api.patch(url, {field: "第二次修改", "version": version}, format="json")
    assert second.status_code == 409
    body = second.json()
    assert "本次保存未生效" in body["detail"]
    assert body["changes"] == [
        {"field": field, "label": label, "yours": "第二次修改", "saved": "第一次修改"}
    ]
    record.refresh_from_db()
    assert getattr(record, field) == "第一次修改"


def test_the_api_takes_the_version_from_if_match_and_requires_one(cast):
    record = make_activity(cast.qilong, title="七龙社区普法")
    url = f"/api/v1/publicity/activities/{record.pk}/"
    api = APIClient()
    api.force_authenticate(cast.officer)
    missing = api.patch(url, {"title": "无版本"}, format="json")
    assert missing.status_code == 400 and "版本号" in missing.json()["version"][0]
    ok = api.patch(url, {"title": "带版本"}, format="json", HTTP_IF_MATCH='"1"')
    assert ok.status_code == 200
    stale = api.patch(url, {"title": "旧版本"}, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 409
    assert Activity.objects.get(pk=record.pk).title == "带版本"


def test_an_import_that_read_nothing_is_not_checked(cast):
    from fazhi.publicity.services import activity_save

    record = make_activity(cast.qilong, title="七龙社区普法")
    Activity.objects.filter(pk=record.pk).update(version=7)
    saved = activity_save(
        user=cast.officer, activity=record, data={"title": "导入"}, villages=[cast.qilong]
    )
    assert saved.title == "导入"


def test_personal_data_is_not_shown_in_the_conflict_message(cast):
    from fazhi.core.locking import EditConflict

    record = LawUnderstander.objects.create(
        region=cast.qilong, name="马德昌", background="mediator", phone="13912345678"
    )
    conflict = EditConflict(current=record, submitted={"phone": "13800001111"})
    assert "13912345678" not in conflict.messages[0] and "13800001111" not in conflict.messages[0]
    assert "联系电话" in conflict.messages[0]


def test_saving_a_record_moves_its_version_on(cast):
    record = Advisor.objects.get(pk=make_advisor(cast.town).pk)
    assert record.version == 1
    record.firm = "重庆某律师事务所"
    record.save(update_fields=["firm"])
    assert Advisor.objects.get(pk=record.pk).version == 2


def test_the_audit_log_names_the_fields_changed_not_the_version(cast):
    from fazhi.audit.models import AuditEntry

    record = make_advisor(cast.town)
    record.firm = "重庆某律师事务所"
    record.save()
    entries = AuditEntry.objects.filter(object_type="法律顾问", object_id=str(record.pk))
    assert entries.latest("id").detail == "修改字段：执业机构"
