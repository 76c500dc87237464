from datetime import date, timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from fazhi.disputes.models import Dispute
from fazhi.disputes.tests.builders import make_dispute, make_dispute_type
from fazhi.notices.models import Notice

Alerts = Notice.objects.filter(kind="disputes.alert")


def _post(client, cast, **changes):
    data = {
        "registered_on": "2020-06-01",
        "region": cast.qilong.pk,
        "source": "grid",
        "dispute_type": make_dispute_type("劳资").pk,
        "summary": "采茶工工资拖欠",
        "people_involved": 2,
        "risk": "low",
    }
    data.update(changes)
    return client.post(reverse("disputes:create"), data)


def test_a_cadre_registers_a_dispute_with_a_yearly_number(cast, client):
    client.force_login(cast.cadre)
    response = _post(client, cast)
    dispute = Dispute.objects.get()
    assert response.url == dispute.get_absolute_url()
    assert dispute.number == "JF2020-0001" and dispute.registered_by == cast.cadre
    _post(client, cast)
    assert Dispute.objects.order_by("id").last().number == "JF2020-0002"


def test_a_dispute_involving_many_people_alerts_the_leader_in_app_and_by_mail(
    cast, client, django_capture_on_commit_callbacks
):
    cast.leader.email = "leader@huangshui.example"
    cast.leader.save()
    client.force_login(cast.cadre)
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, cast, people_involved=12)
    alert = Alerts.get()
    assert alert.recipient == cast.leader
    assert "涉及12人" in alert.title
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["leader@huangshui.example"]
    client.force_login(cast.leader)
    assert "涉及12人" in client.get(reverse("disputes:index")).content.decode()


def test_a_dispute_that_may_escalate_alerts_the_leader(cast):
    make_dispute(cast, may_escalate=True)
    assert "可能激化" in Alerts.get(recipient=cast.leader).title


def test_an_ordinary_dispute_alerts_nobody(cast):
    make_dispute(cast)
    assert not Alerts.exists()


def test_bad_intake_fields_are_explained_in_chinese(cast, client):
    client.force_login(cast.cadre)
    response = _post(client, cast, people_involved=0, amount="-5", region=cast.town.pk)
    page = response.content.decode()
    assert "村(社区)：选择一个有效的选项" in page
    page = _post(client, cast, people_involved=0).content.decode()
    assert "涉及人数：涉及人数至少为1人" in page
    page = _post(client, cast, amount="-5").content.decode()
    assert "涉及金额（元）：涉及金额不能为负数" in page
    tomorrow = timezone.localdate() + timedelta(days=1)  # inside the window of entered dates
    page = _post(client, cast, registered_on=f"{tomorrow:%Y-%m-%d}").content.decode()
    assert "登记日期：登记日期不能晚于今天" in page
    page = _post(client, cast, registered_on="2999-01-01").content.decode()
    assert "2999-01-01 不在此范围内" in page
    assert not Dispute.objects.exists()


def test_a_dispute_must_be_registered_to_a_village(cast):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_dispute(cast, cast.town, registered_on=date(2020, 6, 1))
    assert "纠纷应登记到具体的村(社区)" in str(error.value)


def test_an_edit_that_makes_a_dispute_escalate_alerts_the_leader(cast):
    from fazhi.disputes import services

    dispute = make_dispute(cast)
    services.dispute_update(dispute=dispute, user=cast.officer, version=1, may_escalate=True)
    assert Alerts.filter(recipient=cast.leader, object_id=dispute.pk).count() == 1
    services.dispute_update(dispute=dispute, user=cast.officer, version=2, people_involved=9)
    assert Alerts.filter(object_id=dispute.pk).count() == 1
