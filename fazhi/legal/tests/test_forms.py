"""The town's entry forms save good input and explain bad input in Chinese."""

from django.urls import reverse

from fazhi.legal.models import Advisor, Catalogue, Contract, Service
from fazhi.legal.tests.builders import make_pdf


def test_the_officer_registers_an_advisor_with_a_login(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        reverse("legal:advisor_create"),
        {
            "kind": "public_lawyer",
            "name": "周律师",
            "phone": "13800001111",
            "user": cast.advisor.pk,
        },
    )
    advisor = Advisor.objects.get(name="周律师")
    assert response.url == reverse("legal:advisor_detail", args=[advisor.pk])
    assert advisor.region == cast.town and advisor.user == cast.advisor


def test_a_bad_phone_is_explained_and_nothing_is_saved(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        reverse("legal:advisor_create"), {"kind": "external", "name": "周律师", "phone": "12ab"}
    )
    assert "联系电话：" in response.content.decode()
    assert not Advisor.objects.exists()


def test_the_officer_adds_a_contract_with_its_signed_copy(cast, chen, client):
    client.force_login(cast.officer)
    client.post(
        reverse("legal:contract_add", args=[chen.pk]),
        {
            "start": "2020-01-01",
            "end": "2020-12-31",
            "fee": "30000",
            "signed_copies": make_pdf("合同.pdf"),
        },
    )
    contract = Contract.objects.get()
    page = client.get(reverse("legal:advisor_detail", args=[chen.pk])).content.decode()
    assert "合同.pdf" in page and contract.fee == 30000


def test_the_officer_logs_a_service(cast, chen, client):
    client.force_login(cast.officer)
    client.post(
        reverse("legal:service_create"),
        {"advisor": chen.pk, "date": "2020-06-01", "kind": "lecture", "subject": "民法典讲座"},
    )
    assert Service.objects.get().region == cast.town


def test_a_second_catalogue_for_the_same_year_is_refused(cast, client):
    client.force_login(cast.officer)
    data = {"year": 2020, "title": "2020年目录"}
    client.post(reverse("legal:catalogue_create"), data)
    response = client.post(reverse("legal:catalogue_create"), data)
    assert response.status_code == 200
    assert Catalogue.objects.count() == 1


def test_the_review_form_refuses_a_due_date_under_seven_working_days(cast, chen, client):
    client.force_login(cast.officer)
    response = client.post(
        reverse("legal:review_create"),
        {
            "subject_kind": "normative",
            "title": "村规民约指导意见",
            "reviewer": chen.pk,
            "sent_on": "2020-06-01",
            "due": "2020-06-03",
        },
    )
    assert "审查期限：审查期限不得少于 7 个工作日" in response.content.decode()


def test_the_api_decision_list_runs_a_flat_number_of_queries(
    cast, client, django_assert_max_num_queries
):
    from fazhi.legal.tests.builders import make_decision

    client.force_login(cast.officer)
    for i in range(3):
        make_decision(cast, title=f"决策{i}")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/legal/decisions/")
    for i in range(12):
        make_decision(cast, title=f"更多决策{i}")
    with django_assert_max_num_queries(len(few)):
        assert client.get("/api/v1/legal/decisions/").json()["count"] == 15


def test_the_officer_corrects_an_advisors_details_without_retyping_the_phone(cast, chen, client):
    chen.phone = "13800001111"
    chen.save()
    client.force_login(cast.officer)
    form = client.get(reverse("legal:advisor_edit", args=[chen.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    assert data["phone"] == ""
    data["firm"] = "重庆山城律师事务所"
    client.post(reverse("legal:advisor_edit", args=[chen.pk]), data)
    chen.refresh_from_db()
    assert chen.firm == "重庆山城律师事务所" and chen.phone == "13800001111"
