"""Background jobs of the cases app (django-tasks); "tasks" is the 任务督办 app."""

from datetime import date

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django_tasks import task

from fazhi.accounts.models import User
from fazhi.cases.models import ReminderDigest
from fazhi.cases.selectors import reminders_for
from fazhi.core.roles import can


@task()
def send_digest(user_id: int, day: str) -> int:
    """E-mail one person their deadline digest for `day` (ISO date), unless it
    is empty or already sent; return the number of items sent."""
    today = date.fromisoformat(day)
    user = User.objects.select_related("region").get(pk=user_id)
    if not user.email or not can(user, "cases"):
        return 0
    reminders = reminders_for(user, today)
    if not reminders:
        return 0
    overdue = sum(r.overdue(today) for r in reminders)
    subject = f"【法治】期限提醒：{len(reminders)} 项" + (
        f"，{overdue} 项已逾期" if overdue else ""
    )
    body = render_to_string(
        "cases/reminder_email.txt", {"user": user, "today": today, "reminders": reminders}
    )
    try:
        with transaction.atomic():
            ReminderDigest.objects.create(user=user, day=today, items=len(reminders))
            send_mail(subject, body, None, [user.email])
    except IntegrityError:  # already sent today
        return 0
    return len(reminders)
