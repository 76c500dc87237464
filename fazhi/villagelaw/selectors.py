"""Reads several pages share: each advisor's year against target, 待办, 近期期限, 需要关注."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.urls import reverse

from fazhi.core.capabilities import Attention, TodoItem, TrackedDeadline
from fazhi.core.roles import Role
from fazhi.deadlines import WorkCalendar
from fazhi.villagelaw.models import Assignment, Compact, Referral, Stage, Visit


@dataclass(frozen=True)
class Progress:
    """An assignment's year: hours and visits against the county's targets, pro rata to `today`."""

    assignment: Assignment
    year: int
    hours: Decimal
    visits: int
    hours_due: Decimal  # what the target asks by today (the whole target for a past year)
    visits_due: int

    @property
    def behind(self) -> bool:
        return self.hours < self.hours_due or self.visits < self.visits_due

    @property
    def shortfall(self) -> str:
        parts = []
        if self.hours < self.hours_due:
            parts.append(f"服务{self.hours}小时，应达{self.hours_due}小时")
        if self.visits < self.visits_due:
            parts.append(f"走访{self.visits}次，应达{self.visits_due}次")
        return "；".join(parts)


def _share(today: date, year: int, assignment: Assignment) -> tuple[int, int]:
    """Months of the year the term covered up to `today`, and months of the year in the term."""
    first = max(date(year, 1, 1), assignment.start)
    last = min(date(year, 12, 31), assignment.end)
    if last < first:
        return 0, 0
    until = min(last, today)
    elapsed = 0 if until < first else (until.year - first.year) * 12 + until.month - first.month
    # A month counts once it has ended; a past year counts every month of the term.
    if until == last and today > last:
        elapsed += 1
    total = (last.year - first.year) * 12 + last.month - first.month + 1
    return max(elapsed, 0), total


def progress_for(assignments, year: int, today: date) -> list[Progress]:
    """Each assignment's figures for `year`, in one query for all of them."""
    assignments = list(assignments)
    totals = {
        row["assignment"]: row
        for row in Visit.objects.filter(assignment__in=assignments, date__year=year)
        .values("assignment")
        .annotate(hours=Sum("hours"), visits=Count("id"))
        .order_by()
    }
    result = []
    for assignment in assignments:
        row = totals.get(assignment.pk, {})
        elapsed, months = _share(today, year, assignment)
        hours_due = (
            (assignment.hours_target * elapsed / 12).quantize(Decimal("0.1"))
            if months
            else Decimal("0")
        )
        visits_due = assignment.visits_target * elapsed // 12 if months else 0
        result.append(
            Progress(
                assignment=assignment,
                year=year,
                hours=row.get("hours") or Decimal("0"),
                visits=row.get("visits") or 0,
                hours_due=hours_due,
                visits_due=visits_due,
            )
        )
    return result


def current_assignments(user, day: date):
    return (
        Assignment.objects.for_user(user)
        .filter(start__lte=day, end__gte=day)
        .select_related("region", "advisor")
        .order_by("region__code")
    )


def behind_target(user, today: date) -> list[Progress]:
    return [
        p for p in progress_for(current_assignments(user, today), today.year, today) if p.behind
    ]


# --- 待办 ------------------------------------------------------------------


def _referral_clocks(user, today: date):
    calendar = WorkCalendar()
    waiting = (
        Referral.objects.for_user(user)
        .filter(
            Q(forwarded_on__isnull=False, decided_on__isnull=True)
            | Q(decision="granted", lawyer_assigned_on__isnull=True)
        )
        .select_related("region")
        .order_by("forwarded_on", "pk")
    )
    for referral in waiting:
        if referral.decided_on is None:
            deadline = referral.decision_deadline(calendar)
            what = "跟进法律援助中心7日内作出决定"
        else:
            deadline = referral.assignment_deadline(calendar)
            what = "跟进法律援助中心3日内指派律师"
        due = deadline.due if deadline else None
        urgent = "（时效将届满，应先行援助）" if referral.is_urgent(today) else ""
        yield TodoItem(
            kind="villagelaw.referral",
            title=f"{what}：{referral.region.name} {referral.applicant}{urgent}",
            url=referral.get_absolute_url(),
            due=due,
            for_whom=referral.centre,
            level="bad" if (due is not None and due < today) or urgent else "warn",
        )


def _targets(user, today: date):
    for progress in behind_target(user, today):
        assignment = progress.assignment
        yield TodoItem(
            kind="villagelaw.behind_target",
            title=f"{assignment.region.name}法律顾问{assignment.advisor.name}服务未达进度：{progress.shortfall}",
            url=reverse("villagelaw:village", args=[assignment.region_id]),
            due=date(today.year, 12, 31),
            for_whom=assignment.advisor.name,
        )


def _filings(user, today: date):
    calendar = WorkCalendar()
    voted = (
        Compact.objects.for_user(user)
        .filter(stage=Stage.VOTED)
        .select_related("region")
        .order_by("region__code")
    )
    votes = compact_vote_dates(voted)
    for compact in voted:
        deadline = filing_deadline(votes.get(compact.pk), calendar)
        due = deadline.due if deadline else None
        yield TodoItem(
            kind="villagelaw.compact_filing",
            title=f"{compact.region.name}{compact.title}报镇备案",
            url=compact.get_absolute_url(),
            due=due,
            level="bad" if due is not None and due < today else "warn",
        )


def compact_vote_dates(compacts) -> dict[int, date]:
    """The date of the passing vote of each compact's current round, in one query."""
    from fazhi.villagelaw.models import CompactStep, StepKind, VoteResult

    found: dict[int, date] = {}
    rows = CompactStep.objects.filter(
        compact__in=list(compacts), kind=StepKind.VOTE, result=VoteResult.PASSED
    ).values_list("compact_id", "revision", "date", "compact__revision")
    for compact_id, revision, day, current in rows:
        if revision == current:
            found[compact_id] = day
    return found


def filing_deadline(vote_date: date | None, calendar=None):
    from fazhi.deadlines import compute_deadline
    from fazhi.villagelaw.models import COMPACT_FILE

    return compute_deadline(COMPACT_FILE, vote_date, calendar=calendar) if vote_date else None


def todo_for(user, today: date):
    """Referral clocks and compact filings for the town officer; an advisor's
    villages behind their yearly target for the advisor and the officer."""
    if user.role in (Role.TOWN_OFFICER, Role.VILLAGE_CADRE):
        yield from _referral_clocks(user, today)
    if user.role == Role.TOWN_OFFICER:
        yield from _filings(user, today)
    if user.role in (Role.TOWN_OFFICER, Role.LEGAL_ADVISOR):
        yield from _targets(user, today)


# --- 近期期限 and 需要关注 ------------------------------------------------------


def tracked_deadlines(user, start: date, end: date):
    calendar = WorkCalendar()
    waiting = (
        Referral.objects.for_user(user)
        .filter(
            Q(forwarded_on__isnull=False, decided_on__isnull=True)
            | Q(decision="granted", lawyer_assigned_on__isnull=True)
        )
        .filter(
            Q(forwarded_on__gte=start - timedelta(days=40))
            | Q(decided_on__gte=start - timedelta(days=40))
        )
        .order_by("pk")
    )
    for referral in waiting:
        deadline = (
            referral.decision_deadline(calendar)
            if referral.decided_on is None
            else referral.assignment_deadline(calendar)
        )
        if deadline and deadline.due and start <= deadline.due <= end:
            yield TrackedDeadline(
                kind="法律援助转介",
                label=deadline.label,
                due=deadline.due,
                record=str(referral.applicant),
                url=referral.get_absolute_url(),
                provisional=deadline.provisional,
            )


def attention_for(user, today: date):
    referrals = Referral.objects.for_user(user)
    yield Attention(
        "等待法律援助中心决定或指派的转介",
        referrals.awaiting_decision().count() + referrals.awaiting_lawyer().count(),
        reverse("villagelaw:referrals") + "?open=1",
    )
