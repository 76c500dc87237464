"""A new activity is dated today unless the calendar gives the day."""

from django.utils import timezone


def test_a_new_activity_is_dated_today(client, cast):
    client.force_login(cast.cadre)
    form = client.get("/publicity/activities/new/").context["form"]
    assert form["date"].value() == timezone.localdate()
    form = client.get("/publicity/activities/new/?date=2020-12-04").context["form"]
    assert str(form["date"].value()) == "2020-12-04"
