"""Engagement contracts: dates checked, expiry alerts at 60, 30 and 7 days, a mark when none is valid."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from fazhi.legal.models import Contract
from fazhi.legal.services import contract_create


def test_it_refuses_a_contract_ending_before_it_starts(cast, chen):
    with pytest.raises(ValidationError) as error:
        contract_create(
            user=cast.officer, advisor=chen, start=date(2020, 12, 31), end=date(2020, 1, 1)
        )
    assert "聘期结束日期早于开始日期" in error.value.message_dict["end"][0]
    assert not Contract.objects.exists()


@pytest.mark.parametrize(
    ("days_left", "alert"), [(90, None), (60, 60), (45, 60), (30, 30), (8, 30), (7, 7), (0, 7)]
)
def test_it_alerts_60_30_and_7_days_before_expiry(cast, chen, days_left, alert):
    today = date(2020, 6, 1)
    contract = contract_create(
        user=cast.officer,
        advisor=chen,
        start=date(2020, 1, 1),
        end=today + timedelta(days=days_left),
    )
    assert contract.alert(today) == alert


def test_the_overview_marks_a_town_without_an_advisor_under_valid_contract(cast, chen, client):
    client.force_login(cast.officer)
    contract_create(user=cast.officer, advisor=chen, start=date(2020, 1, 1), end=date(2020, 12, 31))
    response = client.get(reverse("legal:index"))
    assert "没有在有效聘用合同期内的法律顾问" in response.content.decode()

    today = timezone.localdate()
    contract_create(
        user=cast.officer,
        advisor=chen,
        start=today - timedelta(days=300),
        end=today + timedelta(days=20),
    )
    page = client.get(reverse("legal:index")).content.decode()
    assert "没有在有效聘用合同期内的法律顾问" not in page
    assert "30天内到期" in page


def test_the_contract_form_explains_a_bad_period_and_saves_nothing(cast, chen, client):
    client.force_login(cast.officer)
    response = client.post(
        reverse("legal:contract_add", args=[chen.pk]),
        {"start": "2020-12-31", "end": "2020-01-01", "fee": "0"},
    )
    assert "聘期结束：聘期结束日期早于开始日期" in response.content.decode()
    assert not Contract.objects.exists()
