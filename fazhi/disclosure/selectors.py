"""Reads several pages share: which village owes which category for which period,
the 待办 lines and the 需要关注 panel."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from fazhi.core.capabilities import Attention, DisplayItem, TodoItem
from fazhi.core.roles import Role
from fazhi.deadlines.engine import WorkCalendar
from fazhi.disclosure.deadlines import post_due
from fazhi.disclosure.models import (
    Addressee,
    Category,
    Frequency,
    InfoRequest,
    Level,
    Post,
    Query,
    QueryStatus,
    RequestStatus,
    Status,
    Supervisor,
    period_label,
)
from fazhi.disclosure.text import mask_personal_data
from fazhi.regions.codes import county_town_codes, town_code
from fazhi.regions.models import Region


@dataclass(frozen=True)
class Slot:
    """One category and period a village must publish, and how it stands."""

    region: Region
    category: Category
    period: int
    label: str
    due: date | None
    published_on: date | None
    state: str  # on_time | late | missing | waiting (not yet due)

    @property
    def state_label(self) -> str:
        return {
            "on_time": "按时公开",
            "late": "逾期公开",
            "missing": "逾期未公开",
            "waiting": "未到期",
        }[self.state]


def coverage(region, year: int, today: date) -> list[Slot]:
    """Every periodic category × period × village under `region` for `year`
    (and the town's own items), in three queries whatever the number of posts."""
    villages = list(Region.objects.under(region.prefix).filter(level__in=(4, 5)).order_by("code"))
    town_codes = {town_code(r.code) for r in villages}
    categories = list(
        Category.objects.filter(region__code__in=town_codes, year=year, active=True)
        .exclude(frequency=Frequency.ONE_OFF)
        .select_related("region")
        .prefetch_related("villages")
    )
    first_published = {}
    for region_id, category_id, period, published_on in (
        Post.objects.filter(category__in=categories, published_on__isnull=False)
        .order_by("published_on")
        .values_list("region_id", "category_id", "period", "published_on")
    ):
        first_published.setdefault((region_id, category_id, period), published_on)
    work = WorkCalendar()
    slots = []
    for village in villages:
        own_town = village.code if village.level == 4 else None
        for category in categories:
            if village.level == 4:
                if category.level != Level.TOWN or category.region.code != own_town:
                    continue
            else:
                if category.level != Level.VILLAGE or not village.code.startswith(
                    category.region.prefix
                ):
                    continue
                named = list(category.villages.all())
                if named and village not in named:
                    continue
            for period in category.periods:
                deadline = post_due(category.frequency, year, period, None, work=work)
                due = deadline.due if deadline else None
                published = first_published.get((village.id, category.id, period))
                if published:
                    state = "late" if due and published > due else "on_time"
                elif due and due < today:
                    state = "missing"
                else:
                    state = "waiting"
                slots.append(
                    Slot(
                        village,
                        category,
                        period,
                        period_label(category.frequency, year, period),
                        due,
                        published,
                        state,
                    )
                )
    return slots


def late_villages(slots: list[Slot]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for slot in slots:
        if slot.state in ("late", "missing"):
            counts[slot.region.name] = counts.get(slot.region.name, 0) + 1
    return counts


TODO_WINDOW_DAYS = 15


def todo_for(user, today: date):
    """What waits for this person: posts due or overdue, reviews, queries, requests."""
    region = getattr(user, "active_region", None) or user.region
    if region is None or user.role not in (Role.VILLAGE_CADRE, Role.TOWN_OFFICER):
        return
    overview = reverse("disclosure:overview")
    if user.role == Role.VILLAGE_CADRE:
        for slot in coverage(region, today.year, today):
            if slot.state == "missing" or (
                slot.state == "waiting" and slot.due and (slot.due - today).days <= TODO_WINDOW_DAYS
            ):
                yield TodoItem(
                    kind="disclosure.post_due",
                    title=f"村务公开：{slot.category.name}（{slot.label}）",
                    url=reverse("disclosure:post_new") + f"?category={slot.category.pk}"
                    f"&period={slot.period}",
                    due=slot.due,
                    level="bad" if slot.state == "missing" else "warn",
                )
        supervised = Supervisor.objects.filter(user=user).values("region")
        for post in Post.objects.filter(region__in=supervised, status=Status.SUBMITTED).exclude(
            created_by=user
        ):
            yield TodoItem(
                "disclosure.review", f"审核公开内容：{post.title}", post.get_absolute_url()
            )
        for post in Post.objects.for_user(user).filter(status=Status.RETURNED):
            yield TodoItem(
                "disclosure.returned", f"公开内容被退回：{post.title}", post.get_absolute_url()
            )
    else:
        late = late_villages(coverage(region, today.year, today))
        if late:
            yield TodoItem(
                "disclosure.late_villages",
                f"村务公开逾期未公开：{'、'.join(late)}",
                overview,
                level="bad",
            )
    queries = Query.objects.for_user(user).filter(
        status__in=(QueryStatus.PENDING, QueryStatus.OPEN)
    )
    if user.role == Role.VILLAGE_CADRE:
        queries = queries.filter(addressee=Addressee.VILLAGE)
    for query in queries.select_related("region"):
        pending = query.status == QueryStatus.PENDING
        yield TodoItem(
            "disclosure.query",
            f"{'审核' if pending else '答复'}群众质询（{query.region.name}）",
            query.get_absolute_url(),
            due=query.due_on,
            level="bad" if query.due_on and query.due_on < today else "warn",
        )
    if user.role == Role.TOWN_OFFICER:
        for request in InfoRequest.objects.for_user(user).exclude(status=RequestStatus.ANSWERED):
            due = request.answer_due()
            yield TodoItem(
                "disclosure.request",
                f"答复政府信息公开申请 {request.number}",
                request.get_absolute_url(),
                due=due,
                level="bad" if due and due < today else "warn",
            )


def attention_for(user, today: date):
    queries = Query.objects.for_user(user)
    yield Attention(
        "待答复的群众质询",
        queries.filter(status=QueryStatus.OPEN).count(),
        reverse("disclosure:queries") + "?status=open",
    )
    overdue = queries.filter(status=QueryStatus.OPEN, due_on__lt=today).count()
    yield Attention("逾期未答复的质询", overdue, reverse("disclosure:queries"), level="bad")
    yield Attention(
        "待审核的公开内容",
        Post.objects.for_user(user).filter(status=Status.SUBMITTED).count(),
        reverse("disclosure:posts") + "?status=submitted",
    )


SCREEN_ITEMS = 5


def display_items(region, today: date) -> list[DisplayItem]:
    """The capability's `display` hook: the titles of published posts pushed to the
    screens of `region` (its own and its town's) and still within their days, one query."""
    posts = (
        Post.objects.published()
        .filter(region__code__in=county_town_codes(region.code), screen_until__gte=today)
        .order_by("-published_on", "-id")
        .only("title")[:SCREEN_ITEMS]
    )
    return [
        DisplayItem(f"村务公开：{mask_personal_data(p.title)}", source="村务公开") for p in posts
    ]
