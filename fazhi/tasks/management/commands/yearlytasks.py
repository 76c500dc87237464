"""`fazhi yearlytasks`: the yearly tasks of every town (run daily by cron, or on demand)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from fazhi.tasks.yearly import yearly_tasks_run


class Command(BaseCommand):
    help = "为各镇生成本年度的平台年度任务（报告、公开上一年度法治政府建设情况），并在报告定稿公开后自动办结。可重复运行。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="年份（默认今年）")

    def handle(self, *args, year=None, **options):
        today = timezone.localdate()
        created, closed = yearly_tasks_run(today=today, year=year)
        self.stdout.write(f"新建年度任务 {created} 项，自动办结 {closed} 项。")
