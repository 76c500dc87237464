"""Which report is meant by a region and a year: one rule for every reader.

`fazhi report` (the command line) and the page behind 打开报告
(`/reports/open/?region=&year=`) both ask `report_select`, so the file a
command writes and the page a person opens are the same version.
"""

from fazhi.regions.models import Region
from fazhi.reports.models import Report, Status


class NoSuchVersion(LookupError):
    """The version asked for does not exist (the message says so in Chinese)."""


def report_select(*, region: Region, year: int, version: int | None = None, user=None) -> Report:
    """The report of `region` for `year`: the version asked for, else the
    latest final, else the latest draft, else an unsaved draft (version 0,
    no pk) that reads the records as they are now.

    With a `user`, only reports in the user's scope are considered."""
    reports = Report.objects.all() if user is None else Report.objects.for_user(user)
    reports = reports.for_region_year(region, year).select_related("region")
    if version is not None:
        report = reports.filter(version=version).first()
        if report is None:
            raise NoSuchVersion(f"{region.name}{year}年度没有第{version}版报告。")
        return report
    return (
        reports.filter(status=Status.FINAL).first()
        or reports.first()
        or Report(region=region, year=year, version=0)
    )
