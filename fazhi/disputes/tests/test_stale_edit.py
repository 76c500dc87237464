from django.urls import reverse

from fazhi.disputes.models import Dispute
from fazhi.disputes.tests.builders import make_dispute


def _form(dispute, **changes):
    data = {
        "region": dispute.region_id,
        "source": dispute.source,
        "dispute_type": dispute.dispute_type_id,
        "place": dispute.place,
        "summary": dispute.summary,
        "people_involved": dispute.people_involved,
        "risk": dispute.risk,
        "version": dispute.version,
    }
    data.update(changes)
    return data


def test_editing_a_case_changed_since_it_was_opened_does_not_overwrite(cast, client):
    dispute = make_dispute(cast)
    opened_by_officer = _form(dispute, summary="专干的修改")
    opened_by_cadre = _form(dispute, summary="村干部的修改")
    url = reverse("disputes:edit", args=[dispute.pk])

    client.force_login(cast.cadre)
    assert client.post(url, opened_by_cadre).status_code == 302

    client.force_login(cast.officer)
    response = client.post(url, opened_by_officer)
    assert response.status_code == 200
    assert "已被冉七龙修改" in response.content.decode()
    assert "本次保存未生效" in response.content.decode()
    dispute = Dispute.objects.get(pk=dispute.pk)
    assert dispute.summary == "村干部的修改"
    assert dispute.version == 2


def test_an_edit_from_the_current_version_is_saved(cast, client):
    dispute = make_dispute(cast)
    client.force_login(cast.officer)
    response = client.post(
        reverse("disputes:edit", args=[dispute.pk]), _form(dispute, people_involved=3)
    )
    assert response.status_code == 302
    dispute.refresh_from_db()
    assert dispute.people_involved == 3 and dispute.version == 2
