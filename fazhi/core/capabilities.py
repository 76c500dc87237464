"""The capability contract: what each app contributes, declared in one place.

A capability app has a `capability.py` whose `CAPABILITY` says, in one
object, everything the rest of the product needs to know about it:

    CAPABILITY = Capability(
        code="disputes",
        label="矛盾纠纷化解",
        access={Role.TOWN_OFFICER: EDIT, Role.TOWN_LEADER: VIEW, ...},
        nav=Nav("矛盾纠纷", "disputes:index", order=30, hint="纠纷登记、调解、移交、排查"),
        contributes=("metrics", "report", "demo", "search"),
        attention="fazhi.disputes.selectors.attention_for",
    )

`core` discovers these when Django starts (`CoreConfig.ready`): it registers
each capability, then imports the modules it contributes, kind by kind, so
that metrics exist before the report paragraphs that read them. The role
table (`roles.can`), the navigation and home cards, the 需要关注 panel, the
global search, the metrics registry, the report, the ledgers and the demo
all read this registry and name no app. Adding a capability means writing
one app folder and adding it to `INSTALLED_APPS`.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string, module_has_submodule

VIEW = "view"
EDIT = "edit"

# The sibling modules a capability may contribute, in the order they are
# imported: each kind may read what the kinds before it registered.
CONTRIBUTION_KINDS = ("metrics", "ledgers", "report", "search", "demo")


@dataclass(frozen=True)
class Nav:
    """The capability's entry in the navigation and its card on the home page."""

    label: str
    url: str  # a URL name
    order: int = 100
    hint: str = ""  # the home card's one line: what is found behind the entry
    card: bool = True  # False: in the navigation, not as a home card


@dataclass(frozen=True)
class Attention:
    """One line of the 需要关注 panel: how many records need someone now."""

    label: str
    count: int
    url: str  # the filtered list that shows exactly those records
    level: str = "warn"  # warn | bad


@dataclass(frozen=True)
class TodoItem:
    """One line of a person's 待办: what waits for them, until when, and where it is done."""

    kind: str  # e.g. "disputes.assigned": the capability's code, a dot, what
    title: str
    url: str  # the page where the work is done
    due: date | None = None
    for_whom: str = ""  # the person or unit it waits for, when not the reader
    level: str = "warn"  # warn | bad (overdue)

    def days_left(self, today: date) -> int | None:
        return None if self.due is None else (self.due - today).days


@dataclass(frozen=True)
class TrackedDeadline:
    """A statutory or set time limit an open record is running against."""

    kind: str  # the capability's label for it, e.g. "行政诉讼"
    label: str  # what must be done, e.g. "提交答辩状和证据"
    due: date
    record: str  # which record, e.g. the case number
    url: str
    provisional: bool = False  # computed for a year whose holidays nobody entered


@dataclass(frozen=True)
class DisplayItem:
    """One line a village's LED screen shows, contributed by a capability
    (its `extra["display"]` hook: `(region, today) -> Iterable[DisplayItem]`)."""

    text: str
    source: str = ""  # the contributing capability's label, e.g. "村务公开"


@dataclass(frozen=True)
class Capability:
    code: str
    label: str
    access: Mapping[Any, str]  # role → VIEW or EDIT; a role not named has no access
    nav: Nav | None = None
    contributes: tuple[str, ...] = ()
    # Dotted paths, imported when first used, so declaring them imports nothing:
    attention: str = ""  # (user, today) -> Iterable[Attention]
    todo: str = ""  # (user, today) -> Iterable[TodoItem]: what waits for this person
    deadlines: str = ""  # (user, start, end) -> Iterable[TrackedDeadline] due in [start, end]
    extra: Mapping[str, str] = field(default_factory=dict)  # further named hooks

    def __post_init__(self):
        unknown = set(self.contributes) - set(CONTRIBUTION_KINDS)
        if unknown:
            raise ImproperlyConfigured(f"{self.code}: unknown contribution {sorted(unknown)}")
        if set(self.access.values()) - {VIEW, EDIT}:
            raise ImproperlyConfigured(f"{self.code}: access levels are VIEW or EDIT")

    def level_for(self, role: str) -> str | None:
        return self.access.get(role)

    def hook(self, name: str) -> Callable | None:
        hooks = ("attention", "todo", "deadlines")
        path = getattr(self, name, "") if name in hooks else self.extra.get(name)
        return import_string(path) if path else None


_REGISTRY: dict[str, Capability] = {}
_APP_OF: dict[str, str] = {}  # capability code → app module name


def register(capability: Capability, *, app: str) -> None:
    existing = _REGISTRY.get(capability.code)
    if existing is not None and existing != capability:
        raise ImproperlyConfigured(f"capability {capability.code!r} is declared twice")
    _REGISTRY[capability.code] = capability
    _APP_OF[capability.code] = app


def discover() -> None:
    """Register every installed app's CAPABILITY, then import what each contributes."""
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "capability"):
            declared = import_module(f"{config.name}.capability").CAPABILITY
            register(declared, app=config.name)
    for kind in CONTRIBUTION_KINDS:
        for code, capability in list(_REGISTRY.items()):
            if kind in capability.contributes:
                import_module(f"{_APP_OF[code]}.{kind}")


def get(code: str) -> Capability:
    try:
        return _REGISTRY[code]
    except KeyError:
        raise ImproperlyConfigured(f"no capability {code!r} is installed") from None


def exists(code: str) -> bool:
    return code in _REGISTRY


def all_capabilities() -> list[Capability]:
    """Every capability, in navigation order (ties in `INSTALLED_APPS` order)."""
    return sorted(_REGISTRY.values(), key=lambda c: c.nav.order if c.nav else 1000)


def contributing(kind: str) -> list[str]:
    """The app modules that contribute `kind` (e.g. "search"), in `INSTALLED_APPS` order."""
    return [f"{_APP_OF[c.code]}.{kind}" for c in _REGISTRY.values() if kind in c.contributes]


def display_items(region, today: date) -> list[DisplayItem]:
    """What the capabilities ask the screens in `region` to show today, in navigation order
    (one call per capability that has a `display` hook)."""
    items: list[DisplayItem] = []
    for capability in all_capabilities():
        hook = capability.hook("display")
        if hook is not None:
            items.extend(hook(region, today))
    return items
