from django.db import migrations

THEMES = [
    "宪法",
    "民法典",
    "扫黑除恶",
    "公共安全",
    "禁毒",
    "防邪",
    "食品安全",
    "消防安全",
    "疫情防控",
    "国家安全",
    "消费者权益",
    "法治政府建设",
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("publicity", "Theme")
    for order, name in enumerate(THEMES, start=1):
        Theme.objects.get_or_create(name=name, defaults={"order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("publicity", "0001_initial")]
    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
