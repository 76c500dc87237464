"""Publicity's plain records (campaigns, trainings, key dates…) are saved by one service,
`record_save`, from the form pages and from the API alike."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from rest_framework.test import APIClient

from fazhi.core.locking import EditConflict
from fazhi.publicity.models import Campaign, LawUnderstander, Theme, Training
from fazhi.publicity.services import record_save, theme_active_set


def _campaign(cast, **fields):
    values = {"region": cast.town, "name": "宪法宣传月", "start_date": date(2020, 12, 1)}
    return record_save(user=cast.officer, record=Campaign(**{**values, **fields}))


def test_the_second_of_two_edits_from_one_read_is_stopped(cast):
    campaign = _campaign(cast)
    read = campaign.version
    first = Campaign.objects.get(pk=campaign.pk)
    first.name = "第一次修改"
    record_save(user=cast.officer, record=first, version=read, submitted={"name": first.name})
    second = Campaign.objects.get(pk=campaign.pk)
    second.name = "第二次修改"
    with pytest.raises(EditConflict) as conflict:
        record_save(
            user=cast.officer, record=second, version=read, submitted={"name": "第二次修改"}
        )
    assert "您填写「第二次修改」，现在保存的是「第一次修改」" in conflict.value.messages[0]
    assert Campaign.objects.get(pk=campaign.pk).name == "第一次修改"


def test_a_record_outside_the_users_scope_is_refused(cast):
    with pytest.raises(PermissionDenied):
        record_save(
            user=cast.cadre,
            record=Campaign(region=cast.huangshui, name="越界", start_date=date(2020, 1, 1)),
        )
    assert not Campaign.objects.exists()


def test_it_sets_the_many_to_many_values_it_is_given(cast):
    person = LawUnderstander.objects.create(
        region=cast.qilong, name="马德昌", background="mediator"
    )
    training = record_save(
        user=cast.officer,
        record=Training(region=cast.town, date=date(2020, 5, 1), title="培训", hours=2),
        related={"attendees": [person]},
    )
    assert list(training.attendees.all()) == [person]


def test_a_page_edit_and_an_api_edit_from_one_read_do_not_overwrite_each_other(cast, client):
    campaign = _campaign(cast)
    read = campaign.version
    client.force_login(cast.officer)
    page = client.post(
        f"/publicity/campaigns/{campaign.pk}/edit/",
        {"region": cast.town.pk, "name": "页面修改", "start_date": "2020-12-01", "version": read},
    )
    assert page.status_code == 302
    api = APIClient()
    api.force_authenticate(cast.officer)
    answer = api.patch(
        f"/api/v1/publicity/campaigns/{campaign.pk}/",
        {"name": "接口修改", "version": read},
        format="json",
    )
    assert answer.status_code == 409
    assert Campaign.objects.get(pk=campaign.pk).name == "页面修改"


def test_the_api_creates_and_updates_through_the_service(cast):
    api = APIClient()
    api.force_authenticate(cast.officer)
    made = api.post(
        "/api/v1/publicity/campaigns/",
        {"region": cast.town.code, "name": "接口专项", "start_date": "2020-03-01"},
        format="json",
    )
    assert made.status_code == 201, made.json()
    url = f"/api/v1/publicity/campaigns/{made.json()['id']}/"
    changed = api.patch(url, {"name": "接口专项（改）", "version": 1}, format="json")
    assert changed.status_code == 200 and changed.json()["version"] == 2
    bad = api.patch(url, {"end_date": "2020-01-01", "version": 2}, format="json")
    assert bad.status_code == 400
    assert Campaign.objects.get().name == "接口专项（改）"


def test_a_retired_theme_can_be_brought_back(cast):
    theme = Theme.objects.create(name="乡村振兴促进法", order=50)
    assert not theme_active_set(theme=theme, active=False).active
    assert Theme.objects.get(pk=theme.pk).active is False
    assert theme_active_set(theme=theme, active=True).active
