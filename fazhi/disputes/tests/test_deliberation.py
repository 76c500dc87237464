from django.urls import reverse

from fazhi.disputes.models import Deliberation
from fazhi.disputes.tests.builders import make_assignment, make_dispute


def test_a_deliberation_is_recorded_on_a_dispute(cast, client):
    dispute = make_assignment(cast, make_dispute(cast))
    client.force_login(cast.mediator)
    response = client.post(
        reverse("disputes:deliberation_create"),
        {
            "region": cast.qilong.pk,
            "held_on": "2020-06-05",
            "topic": "排水沟改道方案",
            "participants": "两户代表、组长、贵和工作室",
            "resolution": "沿道路一侧改道，费用两户分担",
            "dispute": dispute.pk,
        },
    )
    assert response.status_code == 302
    meeting = Deliberation.objects.get()
    assert meeting.dispute == dispute
    client.force_login(cast.officer)
    assert "排水沟改道方案" in client.get(dispute.get_absolute_url()).content.decode()


def test_a_standalone_deliberation_needs_no_dispute(cast, client):
    client.force_login(cast.cadre)
    client.post(
        reverse("disputes:deliberation_create"),
        {
            "region": cast.qilong.pk,
            "held_on": "2020-06-05",
            "topic": "广场舞时间",
            "participants": "居民代表",
            "resolution": "晚九点前结束",
        },
    )
    assert "广场舞时间" in client.get(reverse("disputes:deliberations")).content.decode()


def test_a_deliberation_cannot_link_another_villages_dispute(cast, client):
    dispute = make_dispute(cast, cast.huangshui)
    client.force_login(cast.officer)
    response = client.post(
        reverse("disputes:deliberation_create"),
        {
            "region": cast.qilong.pk,
            "held_on": "2020-06-05",
            "topic": "x",
            "participants": "y",
            "resolution": "z",
            "dispute": dispute.pk,
        },
    )
    assert "关联纠纷：关联纠纷不属于该村(社区)" in response.content.decode()
    assert not Deliberation.objects.exists()
