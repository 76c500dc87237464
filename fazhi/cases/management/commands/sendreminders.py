"""The daily deadline digest: run once a day by cron or a timer.

Each person responsible for a case (its handler or leader in charge) who may
still see it gets one e-mail listing their deadlines due within three working
days and their overdue ones; nobody gets an empty one, and nobody gets two on
the same day. Provisional due dates are recomputed first. The e-mails are
sent by the `send_digest` background job (`cases/jobs.py`; a worker runs it).
"""

from datetime import date

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from fazhi.accounts.models import User
from fazhi.cases.jobs import send_digest
from fazhi.cases.models import Lawsuit, Reconsideration, ReminderDigest
from fazhi.cases.services import deadlines_refresh
from fazhi.core.roles import can


def responsible_users(today: date):
    """Handlers and leaders of cases, with an e-mail address, not yet sent today."""
    ids = set()
    for model in (Lawsuit, Reconsideration):
        ids.update(model.objects.values_list("handler", flat=True).distinct())
        ids.update(model.objects.exclude(leader=None).values_list("leader", flat=True).distinct())
    sent = ReminderDigest.objects.filter(day=today).values("user")
    return (
        User.objects.filter(pk__in=ids, is_active=True)
        .exclude(Q(email="") | Q(email=None))
        .exclude(pk__in=sent)
    )


class Command(BaseCommand):
    help = "Send each responsible person one digest of their statutory deadlines (daily)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, help="today, YYYY-MM-DD")

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        deadlines_refresh()
        queued = 0
        for user in responsible_users(today):
            if can(user, "cases"):
                send_digest.enqueue(user.pk, today.isoformat())
                queued += 1
        self.stdout.write(f"Digests queued: {queued}")
