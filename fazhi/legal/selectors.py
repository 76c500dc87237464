"""Reads several legal pages share."""

from datetime import date

from django.urls import reverse

from fazhi.core.capabilities import Attention
from fazhi.legal.models import ReviewRequest


def attention_for(user, today: date):
    """The home page's 需要关注 line for legal work: review opinions still owed."""
    yield Attention(
        "待出具的合法性审查意见",
        ReviewRequest.objects.for_user(user).pending().count(),
        reverse("legal:reviews"),
    )
