from django.db import migrations

TYPES = [
    "婚姻家庭",
    "邻里",
    "土地/山林权属",
    "宅基地/建房",
    "劳资",
    "合同/债务",
    "征地拆迁",
    "交通事故",
    "其他",
]


def seed(apps, schema_editor):
    DisputeType = apps.get_model("disputes", "DisputeType")
    for order, name in enumerate(TYPES, start=1):
        DisputeType.objects.get_or_create(name=name, defaults={"order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("disputes", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
