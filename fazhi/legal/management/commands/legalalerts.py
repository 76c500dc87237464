"""Daily digest of engagement-contract alerts, for cron: prints nothing when there is nothing."""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from fazhi.legal.models import Contract
from fazhi.regions.models import Region


class Command(BaseCommand):
    help = "列出今天到期前 60、30、7 天的法律顾问聘请合同，以及没有有效聘期法律顾问的镇。"

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, help="按该日期检查（默认今天）")

    def handle(self, *args, date=None, **options):
        day = date or timezone.localdate()
        for contract in Contract.objects.reaching_alert_on(day).select_related("advisor", "region"):
            self.stdout.write(
                f"{contract.region.name}：{contract.advisor.name}的聘请合同将于"
                f"{contract.end:%Y-%m-%d}到期，还剩 {contract.days_left(day)} 天。"
            )
        covered = set(Contract.objects.valid_on(day).values_list("region_id", flat=True))
        had_advisors = Region.objects.filter(
            pk__in=Contract.objects.values_list("region_id", flat=True)
        ).exclude(pk__in=covered)
        for town in had_advisors.order_by("code"):
            self.stdout.write(f"{town.name}：目前没有处于有效聘期内的法律顾问。")
