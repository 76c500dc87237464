"""Reads the publicity pages share.

Pages open on the latest year with a held activity in the user's scope, so a
first visit shows the work there is (the year stays switchable on the page).
"""

from fazhi.publicity.models import Activity


def activity_latest_year(*, user) -> int | None:
    latest = (
        Activity.objects.for_user(user).held().order_by("-date").values_list("date", flat=True)
    ).first()
    return latest.year if latest else None
