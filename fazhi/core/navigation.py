"""What a person sees of the capabilities: navigation, home cards, 需要关注.

All of it is read from the capability registry (`fazhi.core.capabilities`)
through the role table; nothing here names an app.
"""

from collections.abc import Callable, Iterator
from datetime import date

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from fazhi.core import capabilities
from fazhi.core.capabilities import Attention, Capability, TodoItem, TrackedDeadline
from fazhi.core.roles import Role, can


def navigation_for(user) -> list[dict]:
    items = []
    for capability in capabilities.all_capabilities():
        entry = capability.nav
        if entry is None or not can(user, capability.code):
            continue
        try:
            url = reverse(entry.url)
        except NoReverseMatch:
            continue
        items.append(
            {
                "app": capability.code,
                "label": entry.label,
                "url": url,
                "order": entry.order,
                "capability": capability.code,
                "hint": entry.hint,
                "card": entry.card,
            }
        )
    return items


def cards_for(user) -> list[dict]:
    """The home page's cards: each entry the user may open, with its one-line hint."""
    return [
        {**item, "editable": can(user, item["capability"], edit=True)}
        for item in navigation_for(user)
        if item["card"]
    ]


def hooks(name: str, user) -> Iterator[tuple[Capability, Callable]]:
    """Each capability's `name` hook ("attention", "todo", …) that the user's role reaches."""
    for capability in capabilities.all_capabilities():
        provider = capability.hook(name)
        if provider is not None and can(user, capability.code):
            yield capability, provider


def attention_for(user) -> list[Attention]:
    """The 需要关注 lines of every capability the user may open; zero counts left out."""
    if user.role in (Role.SYSADMIN, Role.AUDITOR):
        return []
    today = timezone.localdate()
    found: list[Attention] = []
    for _, provider in hooks("attention", user):
        found += [item for item in provider(user, today) if item.count]
    return found


def todo_for(user, today: date | None = None) -> list[TodoItem]:
    """Everything that waits for `user`, from every capability they reach,
    soonest due first (items without a due date last). `today` for a daily run
    that names its day."""
    if user.role in (Role.SYSADMIN, Role.AUDITOR):
        return []
    today = today or timezone.localdate()
    found: list[TodoItem] = []
    for _, provider in hooks("todo", user):
        found += list(provider(user, today))
    return sorted(found, key=lambda item: (item.due is None, item.due or today, item.title))


def deadlines_for(user, *, start, end) -> list[TrackedDeadline]:
    """The open deadlines due between `start` and `end` on the records `user`
    may see, from every capability that tracks some, soonest first."""
    found: list[TrackedDeadline] = []
    for _, provider in hooks("deadlines", user):
        found += list(provider(user, start, end))
    return sorted(found, key=lambda item: (item.due, item.kind, item.record))
