"""The due dates of 村务公开 and 依申请公开, all through the deadline engine.

- a quarterly item of quarter q is due by the 15th of the first month of the
  next quarter, a monthly item by the 15th of the next month (rule kind
  "by the n-th of the next month", start: the period's last day); a one-off
  item within 10 days of the event; a 15th or 10th day that is not a working
  day moves to the next working day, as any period's last day does;
- a published post stays up at least 10 days (`display_until`);
- a query is answered by the 村委会 within 3 days, by the township within 10;
- an information request is answered within 20 working days of receipt (or of
  the completed application after a 补正 notice), the working days a third
  party takes not counted, plus an approved extension;
- an application sent online on a working day before the office closes
  (17:30) is received that day; one sent later, or on a rest day, on the next
  working day (条例第三十一条: an online application is received on the day
  the office confirms it, which it can do on its next working day at the latest).
"""

import calendar
from datetime import date, datetime, time

from django.utils import timezone

from fazhi.deadlines.engine import WorkCalendar, compute_deadline
from fazhi.disclosure.models.posts import RULE_OF_FREQUENCY, Frequency


def period_end(frequency: str, year: int, period: int) -> date:
    """The last day of quarter or month `period` of `year`."""
    month = period * 3 if frequency == Frequency.QUARTERLY else period
    return date(year, month, calendar.monthrange(year, month)[1])


def post_due(frequency: str, year: int, period: int, event_on: date | None, *, work=None):
    """The engine's Deadline for a post of this category and period (None if it has no start)."""
    if frequency == Frequency.ONE_OFF:
        if event_on is None:
            return None
        start = event_on
    else:
        start = period_end(frequency, year, period)
    return compute_deadline(RULE_OF_FREQUENCY[frequency], start, calendar=work)


def display_until(published_on: date) -> date | None:
    return compute_deadline("disclosure.display_min", published_on).due


def query_due(addressee: str, received_on: date):
    rule = "disclosure.objection_town" if addressee == "town" else "disclosure.objection_village"
    return compute_deadline(rule, received_on)


def _working_days_between(work: WorkCalendar, first: date, last: date) -> int:
    """Working days after `first` up to and including `last`."""
    count, day = 0, first
    while day < last:
        day = date.fromordinal(day.toordinal() + 1)
        if work.is_working_day(day):
            count += 1
    return count


def request_answer_due(request) -> date | None:
    start = request.clock_start
    if start is None:  # waiting for the 补正: the clock has not restarted
        return None
    work = WorkCalendar()
    due = compute_deadline("disclosure_request.reply", start, calendar=work).due
    extra = request.extension_days or 0
    if request.consultation_sent_on:
        ended = (
            request.consultation_ended_on
            or compute_deadline(
                "disclosure_request.consultation", request.consultation_sent_on, calendar=work
            ).due
        )
        # Art. 32: the third party's time is not counted — at most its 15 working days
        extra += min(_working_days_between(work, request.consultation_sent_on, ended), 15)
    return work.add_working_days(due, extra) if extra else due


def correction_due(request) -> date:
    """The last day to send the one 补正 notice (7 working days from receipt)."""
    return compute_deadline("disclosure_request.correction", request.received_on).due


OFFICE_CLOSES = time(17, 30)


def online_received_on(moment: datetime) -> date:
    """The day an application sent online at `moment` counts as received."""
    local = timezone.localtime(moment)
    work, day = WorkCalendar(), local.date()
    if work.is_working_day(day) and local.time() < OFFICE_CLOSES:
        return day
    return work.add_working_days(day, 1)
