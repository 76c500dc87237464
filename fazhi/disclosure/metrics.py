"""村务公开 and 依申请公开 figures, defined once, each with the records behind it."""

from django.db.models import Count
from django.utils import timezone

from fazhi.disclosure.models import InfoRequest, Post, Query, QueryStatus, RequestStatus
from fazhi.disclosure.selectors import coverage, late_villages
from fazhi.metrics import Result, metric, rate, records_url

POSTS = "disclosure.posts"
ON_TIME = "disclosure.on_time_rate"
QUERIES = "disclosure.queries_in_time"
REQUESTS = "disclosure.requests_handled"


def _published(region, period):
    return Post.objects.in_region(region).filter(published_on__range=(period.start, period.end))


@metric(POSTS, "村务公开发布", unit="期", capability="disclosure")
def posts(region, period):
    records = _published(region, period)
    by_village = dict(
        records.values_list("region__name").annotate(n=Count("id")).order_by("region__name")
    )
    by_category = dict(
        records.values_list("category__name").annotate(n=Count("id")).order_by("category__name")
    )
    return Result(
        records.count(),
        records,
        records_url("disclosure:posts", region=region, period=period, by="published"),
        {"by_village": by_village, "by_category": by_category},
    )


@metric(ON_TIME, "村务公开按时率", unit="%", capability="disclosure")
def on_time_rate(region, period):
    today = min(timezone.localdate(), period.end)
    slots = [s for s in coverage(region, period.start.year, today) if s.state != "waiting"]
    on_time = sum(1 for s in slots if s.state == "on_time")
    late = late_villages(slots)
    records = _published(region, period)
    return Result(
        rate(on_time, len(slots)),
        records,
        records_url("disclosure:posts", region=region, period=period, by="published"),
        {
            "expected": len(slots),
            "on_time": on_time,
            "late": sum(1 for s in slots if s.state == "late"),
            "missing": sum(1 for s in slots if s.state == "missing"),
            "late_villages": late,
        },
    )


@metric(QUERIES, "群众质询按期答复率", unit="%", capability="disclosure")
def queries_in_time(region, period):
    records = Query.objects.in_region(region).filter(
        received_at__date__range=(period.start, period.end),
        status__in=(QueryStatus.OPEN, QueryStatus.ANSWERED),
    )
    answered = [q for q in records.only("answered_on", "due_on") if q.in_time]
    return Result(
        rate(len(answered), records.count()),
        records,
        records_url("disclosure:queries", region=region, period=period, status="accepted"),
        {"received": records.count(), "in_time": len(answered)},
    )


@metric(REQUESTS, "办结政府信息公开申请", unit="件", capability="disclosure")
def requests_handled(region, period):
    received = InfoRequest.objects.in_region(region).filter(
        received_on__range=(period.start, period.end)
    )
    records = received.filter(status=RequestStatus.ANSWERED)
    return Result(
        records.count(),
        records,
        records_url("disclosure:requests", region=region, period=period, status="answered"),
        {"received": received.count()},
    )
