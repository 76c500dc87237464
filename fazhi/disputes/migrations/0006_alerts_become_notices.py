"""Dispute alerts move into the 消息中心: each Alert becomes a Notice of kind
"disputes.alert" (same recipient, text, time and read state), then the table goes."""

from django.db import migrations


def alerts_to_notices(apps, schema_editor):
    Alert = apps.get_model("disputes", "Alert")
    Notice = apps.get_model("notices", "Notice")
    ContentType = apps.get_model("contenttypes", "ContentType")
    dispute_type, _ = ContentType.objects.get_or_create(app_label="disputes", model="dispute")
    batch = []
    for alert in Alert.objects.iterator():
        batch.append(
            Notice(
                recipient_id=alert.recipient_id,
                kind="disputes.alert",
                title=f"【纠纷预警】{alert.message}"[:300],
                url=f"/disputes/{alert.dispute_id}/",
                content_type=dispute_type,
                object_id=alert.dispute_id,
                day=alert.created_at.date(),
                read_at=alert.read_at,
            )
        )
    Notice.objects.bulk_create(batch, batch_size=500)
    # created_at is auto_now_add: give each notice its alert's own time
    for alert in Alert.objects.iterator():
        Notice.objects.filter(
            kind="disputes.alert", recipient_id=alert.recipient_id, object_id=alert.dispute_id
        ).update(created_at=alert.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("disputes", "0005_input_validators"),
        ("notices", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(alerts_to_notices, migrations.RunPython.noop),
        migrations.DeleteModel(name="Alert"),
    ]
