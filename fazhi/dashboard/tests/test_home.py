from datetime import date

from django.core.management import call_command

from fazhi.disputes.models import Dispute
from fazhi.notices.models import Notice


def _demo():
    call_command("loaddemo", verbosity=0)


def test_the_auditor_and_the_sysadmin_start_on_their_own_pages(cast, client):
    client.force_login(cast.auditor)
    assert client.get("/")["Location"] == "/audit/"
    client.force_login(cast.sysadmin)
    assert client.get("/")["Location"] == "/accounts/users/"


def test_the_leader_is_shown_unread_dispute_alerts_with_a_link(cast, client):
    _demo()
    unread = Notice.objects.for_user(cast.leader).unread().of_kind("disputes").count()
    assert unread > 0
    client.force_login(cast.leader)
    attention = {item.label: item for item in client.get("/").context["attention"]}
    assert attention["未读的纠纷预警"].count == unread
    listed = client.get(attention["未读的纠纷预警"].url)
    assert listed.context["page"].paginator.count == unread


def test_overdue_disputes_are_counted_and_the_link_lists_exactly_them(cast, client):
    _demo()
    overdue = Dispute.objects.for_user(cast.officer).overdue(date.today()).count()
    client.force_login(cast.officer)
    attention = {item.label: item for item in client.get("/").context["attention"]}
    if overdue:
        item = attention["超过调解期限的纠纷"]
        assert item.count == overdue
        listed = client.get(item.url).context["page"].paginator.count
        assert listed == overdue
    else:
        assert "超过调解期限的纠纷" not in attention


def test_a_village_cadre_sees_only_their_village_in_the_counts(cast, client):
    _demo()
    client.force_login(cast.cadre)
    for item in client.get("/").context["attention"]:
        # the cadre reaches disputes and his village's tasks, not cases or legal
        assert "纠纷" in item.label or "督办任务" in item.label


def test_an_advisor_sees_the_reviews_waiting_for_them(cast, client):
    _demo()
    client.force_login(cast.advisor)
    labels = [item.label for item in client.get("/").context["attention"]]
    assert labels == ["待出具的合法性审查意见"]


def test_the_home_page_queries_do_not_grow_with_records(
    cast, client, django_assert_max_num_queries
):
    client.force_login(cast.officer)
    with django_assert_max_num_queries(60) as before:
        client.get("/")
    _demo()
    # The 需要关注 and 待办 lines each read the holiday calendar of a year their
    # deadlines reach (once per year, whatever the number of records).
    with django_assert_max_num_queries(len(before.captured_queries) + 5):
        client.get("/")


def test_each_home_card_describes_its_own_app(cast, client):
    client.force_login(cast.officer)
    cards = {card["label"]: card["hint"] for card in client.get("/").context["cards"]}
    assert "节假日" in cards["法定期限"]
    assert "组织机构" in cards["区划与组织"]
