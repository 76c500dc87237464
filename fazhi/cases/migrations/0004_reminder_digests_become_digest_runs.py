"""The cases' own deadline digest gives way to the one daily digest of the
notice pipeline (`fazhi senddigests`): each ReminderDigest row becomes that
person's DigestRun for the day, so a run on the same day sends nothing twice."""

from django.db import migrations


def digests_to_runs(apps, schema_editor):
    ReminderDigest = apps.get_model("cases", "ReminderDigest")
    DigestRun = apps.get_model("notices", "DigestRun")
    DigestRun.objects.bulk_create(
        [
            DigestRun(user_id=row.user_id, day=row.day, items=row.items, unread=0, emailed=True)
            for row in ReminderDigest.objects.iterator()
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_input_validators"),
        ("notices", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(digests_to_runs, migrations.RunPython.noop),
        migrations.DeleteModel(name="ReminderDigest"),
    ]
