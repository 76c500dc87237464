"""Writes that touch several records, each in one transaction."""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from fazhi.attachments.models import Kind
from fazhi.attachments.services import attach_uploads
from fazhi.core.locking import version_check
from fazhi.core.scope import ensure_region_in_scope
from fazhi.publicity.models import (
    DEFAULT_KEY_DATES,
    Activity,
    KeyDate,
    Screen,
    Status,
    Theme,
)

ACTIVITY_FIELDS = [
    "region",
    "title",
    "date",
    "place",
    "form",
    "concentrated",
    "combined_with",
    "organiser",
    "person_times",
    "materials",
    "campaign",
    "status",
    "notes",
]


def _check_villages(user, region, villages):
    if not villages:
        raise ValidationError({"villages": "请至少选择一个覆盖的村（社区）。"})
    for village in villages:
        ensure_region_in_scope(user, village)
        if not region.contains(village):
            raise ValidationError({"villages": f"{village.name}不在{region.name}范围内。"})


@transaction.atomic
def activity_save(
    *,
    user,
    activity: Activity | None = None,
    data: dict,
    villages,
    themes=(),
    photos=(),
    sign_in_sheets=(),
    version: int | None = None,
    submitted: dict | None = None,
) -> Activity:
    """Create or update an activity with its villages, themes and files.

    An edit made from a read says its `version`: if somebody saved the activity
    since, nothing is saved and an `EditConflict` lists what differs from
    `submitted` (default `data`). An import passes no version.
    """
    activity = activity or Activity()
    version_check(instance=activity, version=version, submitted=submitted or data)
    for name in ACTIVITY_FIELDS:
        if name in data:
            setattr(activity, name, data[name])
    ensure_region_in_scope(user, activity.region)
    villages = list(villages)
    _check_villages(user, activity.region, villages)
    activity.full_clean()
    activity.save()
    activity.villages.set(villages)
    activity.themes.set(list(themes))
    attach_uploads(
        photos, user=user, owner=activity, region=activity.region, kind=Kind.PHOTO, label="活动照片"
    )
    attach_uploads(
        sign_in_sheets,
        user=user,
        owner=activity,
        region=activity.region,
        kind=Kind.SIGN_IN,
        label="签到表",
    )
    return activity


def record_region(record: models.Model):
    """The region a publicity record belongs to (an exam score: its exam's)."""
    region = getattr(record, "region", None)
    if region is None and hasattr(record, "exam"):
        region = record.exam.region
    return region


@transaction.atomic
def record_save(
    *,
    user,
    record: models.Model,
    version: int | None = None,
    submitted: Mapping | None = None,
    related: Mapping[str, Iterable] | None = None,
) -> models.Model:
    """Save one of publicity's plain records (campaign, key date, understander, training,
    screen, cadre, exam, score…) with its many-to-many `related` values, inside the
    user's scope; the form pages and the API both save through here.

    An edit read at `version` stops with an `EditConflict` if somebody saved the
    record since (`submitted`: what the person sent, for the message).
    """
    ensure_region_in_scope(user, record_region(record))
    version_check(instance=record, version=version, submitted=submitted)
    record.full_clean()
    record.save()
    for name, values in (related or {}).items():
        getattr(record, name).set(list(values))
    return record


@transaction.atomic
def theme_active_set(*, theme: Theme, active: bool) -> Theme:
    """Retire a theme (records that carry it keep it) or bring it back."""
    theme.active = active
    theme.full_clean()
    theme.save(update_fields=["active"])
    return theme


@transaction.atomic
def activity_confirm(*, user, activity: Activity, person_times: int, materials: int) -> Activity:
    """A planned activity was held: record its reach."""
    ensure_region_in_scope(user, activity.region)
    if activity.status == Status.HELD:
        raise ValidationError({"status": "该活动已确认开展。"})
    activity.status = Status.HELD
    activity.person_times = person_times
    activity.materials = materials
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def key_dates_add_defaults(*, user, town) -> int:
    """Give a town the usual key dates it does not have yet; returns how many were added."""
    if user is not None:  # the demo loader adds them without a user
        ensure_region_in_scope(user, town)
    themes = {theme.name: theme for theme in Theme.objects.all()}
    theme_for = {
        "宪法": "宪法",
        "安全": "国家安全",
        "禁毒": "禁毒",
        "消防": "消防安全",
        "消费": "消费者权益",
    }
    added = 0
    for month, day, name, days in DEFAULT_KEY_DATES:
        if KeyDate.objects.filter(region=town, month=month, day=day).exists():
            continue
        theme = next((themes.get(t) for key, t in theme_for.items() if key in name), None)
        key_date = KeyDate(region=town, name=name, month=month, day=day, days=days, theme=theme)
        key_date.full_clean()
        key_date.save()
        added += 1
    return added


def screen_heartbeat(*, screen: Screen) -> None:
    """The display page reports it is alive (no history row: it is not an edit)."""
    Screen.objects.filter(pk=screen.pk).update(last_seen_at=timezone.now())


@transaction.atomic
def screen_rotate_token(*, user, screen: Screen) -> Screen:
    """Give a screen a new display address (the old one stops working)."""
    from fazhi.publicity.models.screens import new_token

    ensure_region_in_scope(user, screen.region)
    screen.token = new_token()
    screen.save(update_fields=["token"])
    return screen
