"""Reads several legal pages share: 需要关注, 待办 and the daily contract notices."""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.urls import reverse

from fazhi.accounts.models import User
from fazhi.core.capabilities import Attention, TodoItem, TrackedDeadline
from fazhi.core.roles import Role
from fazhi.core.scope import code_range
from fazhi.legal.models import Contract, ReviewRequest
from fazhi.notices.services import notice_send


def attention_for(user, today: date):
    """The home page's 需要关注 line for legal work: review opinions still owed."""
    yield Attention(
        "待出具的合法性审查意见",
        ReviewRequest.objects.for_user(user).pending().count(),
        reverse("legal:reviews"),
    )


def tracked_deadlines(user, start: date, end: date):
    """Legality reviews still owed an opinion whose due date falls in [start, end]."""
    reviews = ReviewRequest.objects.for_user(user).pending().filter(due__gte=start, due__lte=end)
    for review in reviews.order_by("due", "pk"):
        yield TrackedDeadline(
            kind="合法性审查",
            label="出具审查意见",
            due=review.due,
            record=review.title,
            url=reverse("legal:review_detail", args=[review.pk]),
        )


EXPIRY_WINDOW = 60  # days: a contract this close to its end is on the officer's 待办


def _town_officers(region):
    return User.objects.filter(
        role=Role.TOWN_OFFICER, is_active=True, **code_range("region__code", region.prefix)
    )


def todo_for(user, today: date):
    """What waits for this person in legal work, in a constant number of queries:
    the advisor's review opinions still owed; for the town officer, contracts
    ending within 60 days and a town left without a valid advisor."""
    if user.role == Role.LEGAL_ADVISOR:
        reviews = (
            ReviewRequest.objects.for_user(user)
            .pending()
            .filter(reviewer__user=user)
            .select_related("region")
            .order_by("due", "pk")
        )
        for review in reviews:
            yield TodoItem(
                kind="legal.review",
                title=f"出具合法性审查意见：{review.title}",
                url=reverse("legal:review_detail", args=[review.pk]),
                due=review.due,
                for_whom=review.region.name,
                level="bad" if review.due < today else "warn",
            )
    if user.role == Role.TOWN_OFFICER:
        contracts = Contract.objects.for_user(user)
        ending = (
            contracts.valid_on(today)
            .filter(end__lte=today + timedelta(days=EXPIRY_WINDOW))
            .select_related("advisor")
            .order_by("end", "pk")
        )
        for contract in ending:
            yield TodoItem(
                kind="legal.contract",
                title=f"续聘或改聘法律顾问：{contract.advisor.name}的聘请合同即将到期",
                url=reverse("legal:advisor_detail", args=[contract.advisor_id]),
                due=contract.end,
                for_whom=contract.advisor.name,
            )
        held = contracts.aggregate(
            ever=Count("pk"), now=Count("pk", filter=Q(start__lte=today, end__gte=today))
        )
        if held["ever"] and not held["now"]:
            yield TodoItem(
                kind="legal.no_advisor",
                title="聘请法律顾问：目前没有处于有效聘期内的法律顾问",
                url=reverse("legal:advisors"),
                level="bad",
            )


def daily(today: date) -> int:
    """The daily run (`fazhi senddigests`): a contract 60, 30 or 7 days from its
    end tells the town officers, once."""
    sent = 0
    for contract in Contract.objects.reaching_alert_on(today).select_related("advisor", "region"):
        sent += len(
            notice_send(
                recipients=_town_officers(contract.region),
                kind="legal.contract_expiring",
                title=f"{contract.region.name}：{contract.advisor.name}的聘请合同将于"
                f"{contract.end:%Y-%m-%d}到期，还剩 {contract.days_left(today)} 天",
                url=reverse("legal:advisor_detail", args=[contract.advisor_id]),
                record=contract,
                today=today,
            )
        )
    return sent
