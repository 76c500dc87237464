"""The daily deadline digest: run once a day by cron or a timer.

Each person responsible for a case (its handler or leader in charge) who may
still see it gets one e-mail listing their deadlines due within three working
days and their overdue ones; nobody gets an empty one, and nobody gets two on
the same day. Provisional due dates are recomputed first.
"""

from datetime import date

from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from fazhi.accounts.models import User
from fazhi.accounts.roles import Capability, can
from fazhi.cases.models import Lawsuit, Reconsideration, ReminderDigest
from fazhi.cases.reminders import reminders_for
from fazhi.cases.services import deadlines_refresh


def responsible_users():
    ids = set()
    for model in (Lawsuit, Reconsideration):
        for handler, leader in model.objects.values_list("handler", "leader"):
            ids.update(pk for pk in (handler, leader) if pk)
    return User.objects.filter(pk__in=ids, is_active=True).exclude(Q(email="") | Q(email=None))


class Command(BaseCommand):
    help = "Send each responsible person one digest of their statutory deadlines (daily)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, help="today, YYYY-MM-DD")

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        deadlines_refresh()
        sent = 0
        for user in responsible_users().select_related("region"):
            if not can(user, Capability.CASES):
                continue
            if ReminderDigest.objects.filter(user=user, day=today).exists():
                continue
            reminders = reminders_for(user, today)
            if not reminders:
                continue
            overdue = sum(r.overdue(today) for r in reminders)
            subject = f"【法治】期限提醒：{len(reminders)} 项" + (
                f"，{overdue} 项已逾期" if overdue else ""
            )
            body = render_to_string(
                "cases/reminder_email.txt", {"user": user, "today": today, "reminders": reminders}
            )
            send_mail(subject, body, None, [user.email])
            ReminderDigest.objects.create(user=user, day=today, items=len(reminders))
            sent += 1
        self.stdout.write(f"Digests sent: {sent}")
