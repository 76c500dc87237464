from django.db import migrations

from fazhi.publicity.seed import seed_themes


def add_themes(apps, schema_editor):
    seed_themes(apps.get_model("publicity", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("publicity", "0001_initial")]
    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
