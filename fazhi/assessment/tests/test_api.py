"""/api/v1/assessment/: systems with their tree, sheets with scores and evidence, one scope rule."""

from rest_framework.test import APIClient

from conftest import build_second_town
from fazhi.assessment.tests.helpers import entry, self_assess_and_submit, town_sheet


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_system_comes_with_its_indicator_tree(cast):
    sheet = town_sheet(cast)
    body = api(cast.officer).get(f"/api/v1/assessment/systems/{sheet.system.pk}/").json()
    by_name = {i["name"]: i for i in body["indicators"]}
    assert by_name["矛盾纠纷登记"]["parent"] == by_name["组织领导"]["id"]
    assert by_name["矛盾纠纷登记"]["metric"] == "disputes.cases"


def test_a_sheet_comes_with_its_scores_and_evidence(cast):
    sheet = town_sheet(cast)
    body = api(cast.leader).get(f"/api/v1/assessment/sheets/{sheet.pk}/").json()
    rows = {row["name"]: row for row in body["entries"]}
    assert rows["矛盾纠纷登记"]["auto_score"] == "0.00"
    assert rows["矛盾纠纷登记"]["records_url"]
    assert rows["专题研究法治建设"]["evidence"] == []
    assert body["live_total"] == "0.00"


def test_the_town_self_assesses_and_the_county_reviews_through_the_api(cast):
    sheet = town_sheet(cast)
    item = entry(sheet, "专题研究法治建设")
    url = f"/api/v1/assessment/entries/{item.pk}/"
    response = api(cast.officer).post(
        url + "self-assess/", {"score": "7", "note": "研究2次"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["final_score"] == "7.00"
    assert (
        api(cast.county_admin).post(url + "self-assess/", {"score": "9"}, format="json").status_code
        == 403
    )
    self_assess_and_submit(cast, sheet)
    response = api(cast.county_admin).post(
        url + "review/", {"score": "6", "reason": "扣2分"}, format="json"
    )
    assert response.status_code == 200 and response.json()["review_score"] == "6.00"
    assert (
        api(cast.officer).post(url + "review/", {"score": "10"}, format="json").status_code == 403
    )


def test_another_town_and_a_village_cadre_do_not_reach_the_sheet(cast):
    xituo = build_second_town()
    sheet = town_sheet(cast)
    for user in (xituo.officer, cast.cadre):
        assert api(user).get(f"/api/v1/assessment/sheets/{sheet.pk}/").status_code == 404
        assert api(user).get("/api/v1/assessment/sheets/").json()["results"] == []


def test_a_hostile_link_is_refused_by_the_api(cast):
    sheet = town_sheet(cast)
    item = entry(sheet, "专题研究法治建设")
    response = api(cast.officer).post(
        f"/api/v1/assessment/entries/{item.pk}/self-assess/",
        {"score": "5", "links": [{"label": "x", "url": "javascript:alert(1)"}]},
        format="json",
    )
    assert response.status_code == 400
