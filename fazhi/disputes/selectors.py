"""Reads several dispute pages share."""

from datetime import date

from django.urls import reverse

from fazhi.core.capabilities import Attention
from fazhi.disputes.models import Alert, Dispute


def attention_for(user, today: date):
    """The home page's 需要关注 lines for disputes, each linking to its filtered list."""
    disputes = Dispute.objects.for_user(user)
    yield Attention(
        "未读的纠纷预警",
        Alert.objects.for_user(user).unread().count(),
        reverse("disputes:alerts"),
        "bad",
    )
    yield Attention(
        "超过调解期限的纠纷",
        disputes.overdue(today).count(),
        reverse("disputes:index") + "?overdue=true",
        "bad",
    )
    yield Attention(
        "待回访的纠纷",
        disputes.follow_up_due().count(),
        reverse("disputes:index") + "?follow_up_due=true",
    )
