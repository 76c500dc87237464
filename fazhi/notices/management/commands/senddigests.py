"""The daily digest: run once a day by cron (see docs/deploy.md and docs/notices.md)."""

from datetime import date

from django.core.management.base import BaseCommand

from fazhi.notices.digest import digests_send


class Command(BaseCommand):
    help = (
        "每日汇总：每人一份待办与未读消息汇总（消息中心，另按设置发送邮件）；同日重复运行不重发。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, help="按该日期汇总（默认今天）")

    def handle(self, *args, **options):
        result = digests_send(today=options["date"])
        self.stdout.write(f"Digests: {result.made}, e-mailed: {result.emailed}")
