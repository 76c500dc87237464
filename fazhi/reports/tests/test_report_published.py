"""The officer records the day a final report was made public; the state is a metric."""

from django.utils import timezone

from fazhi.metrics import Period, compute
from fazhi.reports import services
from fazhi.reports.models import Report


def test_a_draft_cannot_be_marked_published(cast, client):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    client.post(f"/reports/{report.pk}/publish/", {"published_on": timezone.localdate()})
    assert Report.objects.get(pk=report.pk).published_on is None


def test_a_final_report_marked_published_shows_in_the_report_state_metric(cast, client):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    services.report_finalise(user=cast.officer, report=report)
    assert compute("reports.published", cast.town, Period.year(2020)).value == 0
    client.force_login(cast.officer)
    today = timezone.localdate()
    response = client.post(f"/reports/{report.pk}/publish/", {"published_on": today})
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).published_on == today
    state = compute("reports.published", cast.town, Period.year(2020))
    assert state.value == 1 and state.parts["published_on"] == today.isoformat()
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "公开" in page


def test_the_leader_cannot_mark_a_report_published(cast, client):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    services.report_finalise(user=cast.officer, report=report)
    client.force_login(cast.leader)
    response = client.post(f"/reports/{report.pk}/publish/", {"published_on": timezone.localdate()})
    assert response.status_code == 403
