from django.db import migrations

from fazhi.disputes.seed import seed_dispute_types


def seed(apps, schema_editor):
    seed_dispute_types(apps.get_model("disputes", "DisputeType"))


class Migration(migrations.Migration):
    dependencies = [("disputes", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
