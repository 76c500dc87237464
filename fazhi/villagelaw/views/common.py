"""What every page of the app shares."""

from datetime import date

from django.utils import timezone

CAPABILITY = "villagelaw"
CRUMB = ("法治乡村", "/villagelaw/")


def today() -> date:
    return timezone.localdate()


def _crumbs(title):
    return [CRUMB, (title, None)]
