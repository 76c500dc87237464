from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.documents.pdf import ConversionFailed, OfficeMissing
from fazhi.documents.templates import TemplateError
from fazhi.regions.models import Level, Region
from fazhi.reports import document as report_document
from fazhi.reports.selectors import NoSuchVersion, report_select


class Command(BaseCommand):
    help = (
        "生成某区划某年度的法治政府建设年度情况报告（.docx 或 PDF）。"
        "有定稿时用最新定稿，否则用草稿；都没有时按当前记录生成。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="12位区划代码，如 500240105000")
        parser.add_argument("--year", required=True, type=int, help="年度，如 2020")
        parser.add_argument("--format", choices=["docx", "pdf"], default="docx")
        parser.add_argument("-o", "--output", required=True, help="输出文件路径")
        parser.add_argument(
            "--report-version", dest="report_version", type=int, help="指定版本号（默认最新定稿）"
        )
        parser.add_argument("--appendix", action="store_true", help="附数据来源")

    def handle(self, *args, region, year, format, output, report_version, appendix, **options):
        found = Region.objects.filter(code=region).first()
        if found is None:
            raise CommandError(f"没有区划代码为 {region} 的区划。")
        if found.level not in (Level.COUNTY, Level.TOWN):
            raise CommandError(f"{found.name}不是乡镇或区县；年度报告按乡镇或区县编写。")
        try:
            report = report_select(region=found, year=year, version=report_version)
        except NoSuchVersion as error:
            raise CommandError(str(error)) from None
        try:
            data = report_document.render(report, format, appendix=appendix)
        except (OfficeMissing, ConversionFailed, TemplateError) as error:
            raise CommandError(str(error)) from None
        Path(output).write_bytes(data)
        state = f"第{report.version}版{report.get_status_display()}" if report.pk else "按当前记录"
        self.stdout.write(
            self.style.SUCCESS(f"已生成 {output}（{found.name}{year}年度，{state}）。")
        )
