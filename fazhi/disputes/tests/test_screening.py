from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.disputes import services
from fazhi.disputes.models import Dispute, Finding, ScreeningReport
from fazhi.disputes.tests.builders import make_dispute_type

JUNE = date(2020, 6, 1)


def _file(cast, village, findings=(), user=None):
    return services.screening_file(
        user=user or cast.officer,
        region=village,
        month=JUNE,
        screened_on=date(2020, 6, 25),
        notes="",
        findings=[{"summary": text} for text in findings],
    )


def test_a_village_files_a_zero_report_from_the_page(cast, client):
    client.force_login(cast.cadre)
    response = client.post(
        reverse("disputes:screening_create"),
        {"region": cast.qilong.pk, "month": "2020-06", "screened_on": "2020-06-25", "findings": ""},
    )
    report = ScreeningReport.objects.get()
    assert response.status_code == 302
    assert report.is_zero and report.month == JUNE and report.filed_by == cast.cadre


def test_a_second_report_for_the_same_month_is_refused(cast, client):
    _file(cast, cast.qilong)
    client.force_login(cast.cadre)
    response = client.post(
        reverse("disputes:screening_create"),
        {"region": cast.qilong.pk, "month": "2020-06", "screened_on": "2020-06-26"},
    )
    assert "排查月份：七龙社区2020年06月的排查报告已填报" in response.content.decode()
    assert ScreeningReport.objects.count() == 1


def test_villages_that_have_not_filed_are_flagged(cast, client):
    _file(cast, cast.qilong)
    _file(cast, cast.huangshui, findings=["宅基地边界争议"])
    client.force_login(cast.officer)
    page = client.get(reverse("disputes:screening"), {"month": "2020-06"}).content.decode()
    assert '<span class="badge bad">金花村</span>' in page
    assert '<span class="badge bad">七龙社区</span>' not in page
    assert "零报告" in page


def test_a_finding_becomes_a_dispute_with_one_click(cast, client):
    report = _file(cast, cast.qilong, findings=["山林界址争议，涉及6户"])
    finding = report.findings.get()
    client.force_login(cast.cadre)
    response = client.post(
        reverse("disputes:finding_register", args=[finding.pk]),
        {"dispute_type": make_dispute_type("土地/山林权属").pk, "registered_on": "2020-06-26"},
    )
    dispute = Dispute.objects.get()
    assert response.url == dispute.get_absolute_url()
    assert dispute.source == "screening" and dispute.region == cast.qilong
    assert dispute.summary == "山林界址争议，涉及6户"
    finding.refresh_from_db()
    assert finding.dispute == dispute
    again = client.post(
        reverse("disputes:finding_register", args=[finding.pk]),
        {"dispute_type": make_dispute_type().pk, "registered_on": "2020-06-26"},
    )
    assert again.status_code == 302 and Dispute.objects.count() == 1


def test_a_cadre_cannot_file_or_convert_for_another_village(cast, client):
    report = _file(cast, cast.huangshui, findings=["黄水社区的排查发现"])
    client.force_login(cast.cadre)
    finding = Finding.objects.get()
    assert client.get(reverse("disputes:screening_detail", args=[report.pk])).status_code == 404
    response = client.post(
        reverse("disputes:finding_register", args=[finding.pk]),
        {"dispute_type": make_dispute_type().pk, "registered_on": "2020-06-26"},
    )
    assert response.status_code == 404
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied from the scope rule
        _file(cast, cast.huangshui, user=cast.cadre)


def test_a_report_dated_before_its_month_is_refused(cast):
    with pytest.raises(ValidationError) as error:
        services.screening_file(
            user=cast.officer,
            region=cast.qilong,
            month=JUNE,
            screened_on=date(2020, 5, 30),
            notes="",
            findings=[],
        )
    assert "排查日期不能早于排查月份" in str(error.value)
