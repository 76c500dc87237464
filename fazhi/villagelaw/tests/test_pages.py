"""Every page opens for the roles that reach it; forms save through the services."""

from datetime import date

import pytest

from fazhi.villagelaw.models import Consultation, Referral, Visit
from fazhi.villagelaw.tests.builders import make_compact, make_consultation, make_referral

pytestmark = pytest.mark.django_db


def test_every_page_opens_for_the_officer_the_cadre_and_the_advisor(cast, qilong_term, client):
    consultation = make_consultation(cast.officer, cast.qilong, referred_to="legal_aid")
    referral = make_referral(cast.officer, cast.qilong, forwarded_on=date(2020, 3, 6))
    compact = make_compact(cast.officer, cast.qilong)
    urls = [
        "/villagelaw/",
        f"/villagelaw/village/{cast.qilong.pk}/",
        "/villagelaw/assignments/",
        "/villagelaw/visits/",
        "/villagelaw/visits/new/",
        "/villagelaw/consultations/",
        "/villagelaw/consultations/new/",
        consultation.get_absolute_url(),
        "/villagelaw/referrals/",
        f"/villagelaw/referrals/new/?consultation={consultation.pk}",
        referral.get_absolute_url(),
        "/villagelaw/compacts/",
        compact.get_absolute_url(),
        "/villagelaw/demonstrations/",
    ]
    for user in (cast.officer, cast.cadre, cast.advisor):
        client.force_login(user)
        for url in urls:
            assert client.get(url, follow=True).status_code == 200, (user.username, url)


def test_the_leader_reads_but_does_not_write(cast, client):
    client.force_login(cast.leader)
    assert client.get("/villagelaw/consultations/").status_code == 200
    assert client.get("/villagelaw/consultations/new/").status_code == 403


def test_the_advisor_logs_a_visit_and_a_consultation_and_refers_it(cast, qilong_term, client):
    client.force_login(cast.advisor)
    response = client.post(
        "/villagelaw/visits/new/",
        {"assignment": qilong_term.pk, "date": "2020-03-12", "hours": "2.5", "work": "坐班"},
    )
    assert response.status_code == 302
    assert Visit.objects.get().region == cast.qilong
    response = client.post(
        "/villagelaw/consultations/new/",
        {
            "region": cast.qilong.pk,
            "advisor": qilong_term.advisor_id,
            "date": "2020-03-12",
            "person_name": "谭某英",
            "phone": "13812345678",
            "category": "labour",
            "question": "被拖欠工资",
            "answer": "可申请法律援助",
            "referred_to": "legal_aid",
        },
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    response = client.post(
        f"/villagelaw/referrals/new/?consultation={consultation.pk}",
        {
            "region": cast.qilong.pk,
            "received_on": "2020-03-12",
            "applicant": "谭某英",
            "matter": "labour",
            "basis": "art42_migrant",
            "summary": "被拖欠工资",
            "centre": "石柱县法律援助中心",
            "forwarded_on": "2020-03-13",
            "decision": "",
            "outcome": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    referral = Referral.objects.get()
    assert referral.consultation == consultation
    assert referral.decision_deadline().due == date(2020, 3, 20)


def test_the_village_page_names_the_advisor_and_the_compact(cast, qilong_term, client):
    make_compact(cast.officer, cast.qilong, title="七龙社区居民公约")
    client.force_login(cast.cadre)
    page = client.get(f"/villagelaw/village/{cast.qilong.pk}/?year=2020").content.decode()
    assert "陈律师" in page and "七龙社区居民公约" in page and "起草" in page
    assert "打印" in page


def test_the_cadres_home_card_opens_their_villages_page(cast, client):
    client.force_login(cast.cadre)
    home = client.get("/").content.decode()
    assert 'href="/villagelaw/"' in home
    response = client.get("/villagelaw/")
    assert response.status_code == 302
    assert response.url == f"/villagelaw/village/{cast.qilong.pk}/"
