"""Planned activities are entered ahead and confirmed after."""

from datetime import date

from fazhi.publicity.models import Status

from .builders import make_activity


def test_a_planned_activity_is_confirmed_with_its_reach(cast, client):
    planned = make_activity(cast.qilong, status=Status.PLANNED, date=date(2020, 12, 4))
    client.force_login(cast.cadre)
    response = client.post(
        f"/publicity/activities/{planned.pk}/confirm/", {"person_times": 80, "materials": 60}
    )
    assert response.status_code == 302
    planned.refresh_from_db()
    assert (planned.status, planned.person_times, planned.materials) == (Status.HELD, 80, 60)


def test_confirmation_needs_a_post(cast, client):
    planned = make_activity(cast.qilong, status=Status.PLANNED, date=date(2020, 12, 4))
    client.force_login(cast.cadre)
    assert client.get(f"/publicity/activities/{planned.pk}/confirm/").status_code == 405


def test_the_leader_reads_but_does_not_confirm(cast, client):
    planned = make_activity(cast.qilong, status=Status.PLANNED, date=date(2020, 12, 4))
    client.force_login(cast.leader)
    assert client.get(f"/publicity/activities/{planned.pk}/").status_code == 200
    assert (
        client.post(
            f"/publicity/activities/{planned.pk}/confirm/", {"person_times": 1, "materials": 1}
        ).status_code
        == 403
    )
