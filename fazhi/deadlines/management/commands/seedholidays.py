from django.core.management.base import BaseCommand
from django.db import transaction

from fazhi.deadlines.models import CalendarYear, Holiday
from fazhi.deadlines.seed import seed_holidays
from fazhi.deadlines.services import holidays_changed


class Command(BaseCommand):
    help = "Fill the holiday table from chinese_calendar (years entered by hand are kept)."

    def handle(self, *args, **options):
        with transaction.atomic():
            created = seed_holidays(CalendarYear, Holiday)
            holidays_changed(created)
        years = ", ".join(map(str, created)) or "none"
        self.stdout.write(f"Holiday years added: {years}")
