"""Advisor records through the API: updates work, and the login account linked to
an advisor is one of the officer's own town (one check for the form and the API)."""

import pytest

from fazhi.accounts.models import User
from fazhi.core.roles import Role
from fazhi.legal.forms import AdvisorForm
from fazhi.legal.models import Advisor
from fazhi.legal.tests.builders import make_advisor
from fazhi.regions.models import Level, Region


@pytest.fixture
def far_advisor_account(cast):
    """A legal advisor's login in another town of the county."""
    town = Region.objects.create(
        code="500240106000", name="西沱镇", level=Level.TOWN, parent=cast.county
    )
    user = User(username="xituo_advisor", role=Role.LEGAL_ADVISOR, region=town)
    user.set_password(cast.password)
    user.full_clean()
    user.save()
    return user


def test_put_and_patch_of_an_advisor_save_the_change(cast, client):
    advisor = make_advisor(cast.town, name="陈律师")
    client.force_login(cast.officer)
    url = f"/api/v1/legal/advisors/{advisor.pk}/"
    response = client.patch(
        url, {"firm": "黄水律师事务所", "version": advisor.version}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    response = client.put(
        url,
        {"kind": advisor.kind, "name": "陈大律师", "version": response.json()["version"]},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    advisor.refresh_from_db()
    assert advisor.name == "陈大律师" and advisor.firm == "黄水律师事务所"


def test_the_api_refuses_to_link_another_towns_advisor_account(cast, client, far_advisor_account):
    advisor = make_advisor(cast.town, name="陈律师")
    client.force_login(cast.officer)
    response = client.patch(
        f"/api/v1/legal/advisors/{advisor.pk}/",
        {"user": far_advisor_account.pk, "version": advisor.version},
        content_type="application/json",
    )
    assert response.status_code == 400 and "user" in response.json()
    advisor.refresh_from_db()
    assert advisor.user is None
    response = client.patch(
        f"/api/v1/legal/advisors/{advisor.pk}/",
        {"user": cast.advisor.pk, "version": advisor.version},
        content_type="application/json",
    )
    assert response.status_code == 200


def test_the_form_offers_only_the_officers_own_advisor_accounts(cast, far_advisor_account):
    form = AdvisorForm(user=cast.officer)
    choices = set(form.fields["user"].queryset)
    assert cast.advisor in choices and far_advisor_account not in choices
    assert set(Advisor.linkable_accounts(cast.officer)) == choices
