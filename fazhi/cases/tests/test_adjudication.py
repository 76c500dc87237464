from datetime import date

import pytest

from fazhi.cases import services
from fazhi.cases.models import Adjudication

pytestmark = pytest.mark.django_db


@pytest.fixture
def adjudication(cast):
    return services.adjudication_create(
        user=cast.officer,
        region=cast.region["金花村"],
        case_number="黄水府裁〔2025〕1号",
        type="forest_land",
        parties="甲组与乙组",
        claim="确认林地使用权",
        applied_on=date(2025, 3, 3),
        accepted_on=date(2025, 3, 6),
        handler=cast.officer,
    )


def test_a_decision_without_a_remedy_notice_cannot_be_issued(client, cast, adjudication):
    client.force_login(cast.officer)
    response = client.post(
        f"/cases/adjudications/{adjudication.pk}/issue/",
        {"decided_on": "2025-05-06", "decision": "林地归甲组使用", "remedy_notice": ""},
    )
    assert "救济途径告知：作出裁决前必须写明救济途径" in response.content.decode()
    adjudication.refresh_from_db()
    assert adjudication.decided_on is None and adjudication.decision == ""


def test_a_decision_with_its_remedy_notice_is_issued(client, cast, adjudication):
    client.force_login(cast.officer)
    client.post(
        f"/cases/adjudications/{adjudication.pk}/issue/",
        {
            "decided_on": "2025-05-06",
            "decision": "林地归甲组使用",
            "remedy_notice": "不服本裁决的，可以自收到之日起六十日内申请行政复议。",
        },
    )
    assert Adjudication.objects.get(pk=adjudication.pk).status == "已裁决"


def test_the_village_cadre_has_no_access_to_cases(client, cast, adjudication):
    client.force_login(cast.cadre)
    assert client.get("/cases/adjudications/").status_code == 403


def test_the_adjudication_ledger_lists_the_filtered_cases(client, cast, adjudication):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(cast.officer)
    content = client.get("/cases/adjudications/export/?year=2025").content
    rows = list(load_workbook(BytesIO(content)).active.iter_rows(values_only=True))
    assert [row[:2] for row in rows[1:]] == [("黄水府裁〔2025〕1号", "林地权属争议")]
    content = client.get("/cases/adjudications/export/?year=2024").content
    assert len(list(load_workbook(BytesIO(content)).active.iter_rows())) == 1
