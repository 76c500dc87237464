"""Background jobs of the reports app (django-tasks): a report file (PDF conversion takes seconds)."""

from django_tasks import task

from fazhi.reports.models import ReportFile
from fazhi.reports.services import report_file_generate


@task()
def generate_report_file(report_file_id: int) -> str:
    report_file = ReportFile.objects.select_related("report__region").get(pk=report_file_id)
    return report_file_generate(report_file=report_file).status
