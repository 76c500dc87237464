"""Reads several legal pages share."""

from datetime import date

from django.urls import reverse

from fazhi.core.capabilities import Attention, TrackedDeadline
from fazhi.legal.models import ReviewRequest


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
