"""Seed the holiday table from chinese_calendar (2004–2026) at migrate time."""

from django.db import migrations


def seed(apps, schema_editor):
    from fazhi.deadlines.seed import seed_holidays

    seed_holidays(
        apps.get_model("deadlines", "CalendarYear"), apps.get_model("deadlines", "Holiday")
    )


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
