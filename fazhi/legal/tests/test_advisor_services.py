"""Advisor records and the service log are written by one service each, whichever
way they come in: the page and the API give the same record and refuse the same input."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from fazhi.cases.tests.builders import make_other_town
from fazhi.core.locking import EditConflict
from fazhi.legal import services
from fazhi.legal.models import Advisor, Catalogue, Service
from fazhi.legal.tests.builders import make_advisor, make_advisor_account

ADVISOR = {"kind": "external", "name": "陈律师", "firm": "黄水律师事务所", "licence_number": ""}


@pytest.fixture
def api(cast):
    client = APIClient()
    client.force_authenticate(cast.officer)
    return client


def _page_post(client, url, data):
    client.get(url)  # as a person would: the form first
    return client.post(url, data)


def test_the_page_and_the_api_register_the_same_advisor_in_the_officers_town(cast, client, api):
    client.force_login(cast.officer)
    page = _page_post(client, reverse("legal:advisor_create"), {**ADVISOR, "name": "页面律师"})
    assert page.status_code == 302
    answer = api.post("/api/v1/legal/advisors/", {**ADVISOR, "name": "接口律师"}, format="json")
    assert answer.status_code == 201, answer.json()
    made = {a.name: a for a in Advisor.objects.all()}
    assert made["页面律师"].region == made["接口律师"].region == cast.town
    assert made["页面律师"].firm == made["接口律师"].firm == "黄水律师事务所"
    assert made["页面律师"].version == made["接口律师"].version == 1


def test_the_second_of_two_service_edits_from_one_read_is_stopped(cast):
    advisor = make_advisor(cast.town)
    read = advisor.version
    services.advisor_update(
        user=cast.officer, advisor=Advisor.objects.get(pk=advisor.pk), version=read, firm="甲所"
    )
    with pytest.raises(EditConflict) as conflict:
        services.advisor_update(
            user=cast.officer,
            advisor=Advisor.objects.get(pk=advisor.pk),
            version=read,
            firm="乙所",
        )
    assert "执业机构：您填写「乙所」，现在保存的是「甲所」" in conflict.value.messages[0]
    assert Advisor.objects.get(pk=advisor.pk).firm == "甲所"


def test_a_page_edit_and_an_api_edit_from_one_read_do_not_overwrite_each_other(cast, client, api):
    advisor = make_advisor(cast.town)
    read = advisor.version
    client.force_login(cast.officer)
    url = reverse("legal:advisor_edit", args=[advisor.pk])
    assert client.post(url, {**ADVISOR, "firm": "页面所", "version": read}).status_code == 302
    answer = api.patch(
        f"/api/v1/legal/advisors/{advisor.pk}/", {"firm": "接口所", "version": read}, format="json"
    )
    assert answer.status_code == 409
    assert answer.json()["changes"][0]["saved"] == "页面所"
    assert Advisor.objects.get(pk=advisor.pk).firm == "页面所"


HOSTILE = [
    ({"name": "律" * 41}, "name"),
    ({"name": ""}, "name"),
    ({"kind": "judge"}, "kind"),
    ({"phone": "1390000<script>"}, "phone"),
    ({"phone": "12345"}, "phone"),
]


@pytest.mark.parametrize(("change", "field"), HOSTILE)
def test_the_page_refuses_hostile_advisor_input_next_to_the_field(cast, client, change, field):
    client.force_login(cast.officer)
    response = client.post(reverse("legal:advisor_create"), {**ADVISOR, **change})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Advisor.objects.exists()


@pytest.mark.parametrize(("change", "field"), HOSTILE)
def test_the_api_refuses_hostile_advisor_input_naming_the_field(cast, api, change, field):
    response = api.post("/api/v1/legal/advisors/", {**ADVISOR, **change}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Advisor.objects.exists()


def test_a_nul_in_an_advisor_name_is_refused_by_page_and_api(cast, client, api):
    client.force_login(cast.officer)
    assert (
        client.post(reverse("legal:advisor_create"), {**ADVISOR, "name": "陈\x00"}).status_code
        == 400
    )
    answer = api.post("/api/v1/legal/advisors/", {**ADVISOR, "name": "陈\x00"}, format="json")
    assert answer.status_code == 400
    assert not Advisor.objects.exists()


def test_markup_in_an_advisor_name_is_kept_as_text_and_shown_escaped(cast, client, api):
    name = "<script>alert(1)</script>"
    answer = api.post("/api/v1/legal/advisors/", {**ADVISOR, "name": name}, format="json")
    assert answer.status_code == 201
    client.force_login(cast.officer)
    page = client.get(reverse("legal:advisor_detail", args=[answer.json()["id"]])).content.decode()
    assert name not in page and "&lt;script&gt;" in page


def test_another_towns_advisor_login_cannot_be_linked_by_page_api_or_service(cast, client, api):
    far = make_advisor_account(make_other_town(), username="xituo_advisor")
    client.force_login(cast.officer)
    page = client.post(reverse("legal:advisor_create"), {**ADVISOR, "user": far.pk})
    assert page.status_code == 200 and page.context["form"].errors["user"]
    answer = api.post("/api/v1/legal/advisors/", {**ADVISOR, "user": far.pk}, format="json")
    assert answer.status_code == 400 and "user" in answer.json()
    with pytest.raises(ValidationError) as error:
        services.advisor_create(user=cast.officer, kind="external", name="陈律师", account=far)
    assert "登录账号" in error.value.message_dict["user"][0]
    assert not Advisor.objects.exists()


def test_an_advisor_cannot_be_registered_outside_the_users_scope(cast):
    with pytest.raises(PermissionDenied):
        services.advisor_create(
            user=cast.officer, region=make_other_town(), kind="external", name="陈律师"
        )


def test_a_field_the_service_does_not_edit_is_a_programming_error(cast):
    with pytest.raises(TypeError):
        services.advisor_update(
            user=cast.officer, advisor=make_advisor(cast.town), version=None, region=None
        )


def test_the_page_and_the_api_log_a_service_in_the_advisors_region(cast, client, api):
    advisor = make_advisor(cast.town)
    entry = {"advisor": advisor.pk, "date": "2020-05-06", "kind": "consultation", "hours": "1.5"}
    client.force_login(cast.officer)
    page = client.post(reverse("legal:service_create"), {**entry, "subject": "页面记录"})
    assert page.status_code == 302
    answer = api.post("/api/v1/legal/services/", {**entry, "subject": "接口记录"}, format="json")
    assert answer.status_code == 201, answer.json()
    logged = Service.objects.order_by("id")
    assert [s.subject for s in logged] == ["页面记录", "接口记录"]
    assert {s.region for s in logged} == {cast.town}
    assert {s.hours for s in logged} == {Decimal("1.5")}


def test_a_service_of_another_towns_advisor_is_refused(cast):
    far = make_advisor(make_other_town(), name="王律师")
    with pytest.raises(PermissionDenied):
        services.advisor_service_record(
            user=cast.officer,
            advisor=far,
            date=date(2020, 5, 6),
            kind="consultation",
            subject="咨询",
        )
    assert not Service.objects.exists()


def test_a_catalogue_is_published_once(cast):
    catalogue = services.catalogue_create(user=cast.officer, year=2020, title="2020年决策目录")
    assert catalogue.region == cast.town
    assert services.catalogue_publish(user=cast.officer, catalogue=catalogue, day=date(2020, 3, 1))
    assert not services.catalogue_publish(user=cast.officer, catalogue=catalogue)
    assert Catalogue.objects.get(pk=catalogue.pk).published_on == date(2020, 3, 1)
