"""One scope rule: another town, another village, the roles."""

import pytest
from django.core.exceptions import PermissionDenied
from rest_framework.test import APIClient

from conftest import build_second_town
from fazhi.disclosure import services
from fazhi.disclosure.models import Category, Post
from fazhi.disclosure.tests.helpers import build_world, draft, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    return build_world(cast)


def test_another_towns_officer_sees_and_changes_nothing_of_huangshui(cast, world, client):
    xituo = build_second_town()
    post = publish(cast, world, draft(cast, world))
    assert not Post.objects.for_user(xituo.officer).exists()
    assert not Category.objects.choosable_by(xituo.officer).exists()
    client.force_login(xituo.officer)
    for url in [f"/disclosure/posts/{post.pk}/", f"/disclosure/catalogue/{world.monthly.pk}/edit/"]:
        assert client.get(url).status_code == 404
    assert client.post(f"/disclosure/posts/{post.pk}/withdraw/", {"reason": "x"}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.post_save(
            user=xituo.cadre, region=cast.qilong, category=world.monthly, year=2020, period=1,
            title="x", body="x",
        )  # fmt: skip


def test_a_village_cadre_reads_the_towns_catalogue_but_cannot_change_it(cast, world, client):
    assert Category.objects.choosable_by(cast.cadre).filter(pk=world.monthly.pk).exists()
    with pytest.raises(PermissionDenied):
        services.category_save(
            user=cast.cadre, region=cast.town, year=2020, name="x", frequency="monthly"
        )
    client.force_login(cast.cadre)
    assert "村级财务收支情况" in client.get("/disclosure/catalogue/?year=2020").content.decode()


def test_the_leader_and_the_county_read_but_do_not_write(cast, world):
    post = draft(cast, world)
    for user in (cast.leader, cast.county_admin):
        api = APIClient()
        api.force_authenticate(user)
        assert api.get("/api/v1/disclosure/posts/").status_code == 200
        assert api.post(f"/api/v1/disclosure/posts/{post.pk}/submit/").status_code == 403


def test_another_villages_cadre_does_not_see_the_post(cast, world):
    post = draft(cast, world)
    assert not Post.objects.for_user(cast.other_cadre).filter(pk=post.pk).exists()
