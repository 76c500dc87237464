"""Fill the stored due dates of the disputes recorded before they were stored:
the limit to conclude from the deadline engine (one computation per acceptance
date, one shared calendar) and the follow-up visit's due date for concluded
cases not yet visited."""

from datetime import timedelta

from django.db import migrations


def fill(apps, schema_editor):
    from fazhi.deadlines import WorkCalendar, compute_deadline
    from fazhi.disputes.deadlines import CONCLUDE
    from fazhi.disputes.models import follow_up_days

    Dispute = apps.get_model("disputes", "Dispute")
    calendar = WorkCalendar()
    accepted = Dispute.objects.filter(accepted_on__isnull=False).order_by()
    for accepted_on in accepted.values_list("accepted_on", flat=True).distinct():
        deadline = compute_deadline(CONCLUDE, accepted_on, calendar=calendar)
        accepted.filter(accepted_on=accepted_on).update(
            conclude_due=deadline.due, conclude_due_provisional=deadline.provisional
        )
    waiting = Dispute.objects.filter(
        status="concluded", concluded_on__isnull=False, follow_ups__isnull=True
    ).order_by()
    days = timedelta(days=follow_up_days())
    for concluded_on in waiting.values_list("concluded_on", flat=True).distinct():
        Dispute.objects.filter(
            pk__in=waiting.filter(concluded_on=concluded_on).values("pk")
        ).update(follow_up_due=concluded_on + days)


class Migration(migrations.Migration):
    dependencies = [
        ("disputes", "0007_due_dates_stored"),
        ("deadlines", "0005_input_validators"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
