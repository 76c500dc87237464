"""The report's own state as a figure: whether a region's report on a year is
frozen (定稿) and published (公开). Other apps read it here, through the
registry, instead of importing the reports app (the yearly tasks close on it)."""

from django.utils import timezone

from fazhi.metrics import Result, metric, records_url
from fazhi.reports.models import Report, Status


@metric(
    "reports.published",
    "年度报告定稿并公开",
    unit="份",
    capability="reports",
    description="该年度报告已定稿并登记了公开日期时为1；parts 中为定稿和公开日期。",
)
def published(region, period):
    records = Report.objects.filter(
        region=region, year=period.start.year, status=Status.FINAL, published_on__isnull=False
    ).order_by("-version")
    report = records.first()
    parts = {}
    if report is not None:
        parts = {
            "finalised_on": (
                timezone.localtime(report.finalised_at).date().isoformat()
                if report.finalised_at
                else None
            ),
            "published_on": report.published_on.isoformat() if report.published_on else None,
        }
    url = records_url("reports:index", region=region, period=period, published=1)
    return Result(1 if report else 0, records, url, parts)
