"""Validators every input passes through, whoever typed it.

A probe showed that one stored value can take pages down for a whole town:
a date in 2150 made the deadline engine raise on the home page, a bell
character (U+0007) in a title broke every Excel export containing it, and a
person-times count of 2**63-1 overflowed the sums on the publicity pages.
These validators refuse such values at the door, each with a Chinese message
naming the field and the reason. `fazhi.core.fields` attaches them to every
field of every fazhi model (and to plain form and API fields), so a field
cannot be forgotten; a model only names a validator here itself when the law
implies a different window or limit for that field.
"""

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible

EARLIEST = date(1990, 1, 1)

# Unicode category Cc except tab, line feed and carriage return; the two
# non-characters U+FFFE/U+FFFF; and surrogates, which only arrive alone
# (a well-formed str never holds a pair).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _named(label: str) -> str:
    return f"「{label}」" if label else "该项"


@deconstructible
class DateWindowValidator:
    """A date (or datetime) between `earliest` and 31 December of the year
    `years_ahead` after the current one, the latter computed when validating
    so that the window moves with the calendar."""

    def __init__(self, *, earliest: date = EARLIEST, years_ahead: int = 1, label: str = ""):
        self.earliest = earliest
        self.years_ahead = years_ahead
        self.label = label

    def latest(self) -> date:
        return date(timezone.localdate().year + self.years_ahead, 12, 31)

    def labelled(self, label: str) -> "DateWindowValidator":
        return DateWindowValidator(
            earliest=self.earliest, years_ahead=self.years_ahead, label=label
        )

    def __call__(self, value) -> None:
        if isinstance(value, datetime):
            value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        if not isinstance(value, date):
            return
        if self.earliest <= value and value.year < date.today().year + self.years_ahead:
            # Inside the window whatever the local year (which is never more than
            # one behind the machine's): no time-zone lookup for each of the
            # many values an import checks.
            return
        latest = self.latest()
        if not self.earliest <= value <= latest:
            raise ValidationError(
                f"{_named(self.label)}应在 {self.earliest:%Y-%m-%d} 至 {latest:%Y-%m-%d} 之间，"
                f"{value:%Y-%m-%d} 不在此范围内，请检查年份。",
                code="date_out_of_window",
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, DateWindowValidator) and (
            self.earliest,
            self.years_ahead,
            self.label,
        ) == (other.earliest, other.years_ahead, other.label)


@deconstructible
class YearWindowValidator:
    """A year (年度) from `earliest` to `years_ahead` years after the current one."""

    def __init__(self, *, earliest: int = EARLIEST.year, years_ahead: int = 1, label: str = ""):
        self.earliest = earliest
        self.years_ahead = years_ahead
        self.label = label

    def latest(self) -> int:
        return timezone.localdate().year + self.years_ahead

    def labelled(self, label: str) -> "YearWindowValidator":
        return YearWindowValidator(
            earliest=self.earliest, years_ahead=self.years_ahead, label=label
        )

    def __call__(self, value) -> None:
        if isinstance(value, int) and not self.earliest <= value <= self.latest():
            raise ValidationError(
                f"{_named(self.label)}应在 {self.earliest} 至 {self.latest()} 年之间，"
                f"{value} 不在此范围内。",
                code="year_out_of_window",
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, YearWindowValidator) and (
            self.earliest,
            self.years_ahead,
            self.label,
        ) == (other.earliest, other.years_ahead, other.label)


@deconstructible
class NoControlCharactersValidator:
    """Text without control characters: nothing of Unicode category Cc but
    tab, line feed and carriage return, no U+FFFE/U+FFFF, no lone surrogate.

    Line breaks are kept even in single-line fields: imported Excel cells
    carry them (Alt+Enter) and they are harmless in HTML and in the writers,
    whereas a bell or a NUL character breaks exports and databases."""

    def __init__(self, *, label: str = ""):
        self.label = label

    def labelled(self, label: str) -> "NoControlCharactersValidator":
        return NoControlCharactersValidator(label=label)

    def __call__(self, value) -> None:
        if not isinstance(value, str):
            return
        found = _FORBIDDEN.search(value)
        if found:
            raise ValidationError(
                f"{_named(self.label)}含有不允许的控制字符（U+{ord(found.group()):04X}），"
                "请删除后再提交。",
                code="control_characters",
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, NoControlCharactersValidator) and self.label == other.label


def has_control_characters(value: str) -> bool:
    return bool(_FORBIDDEN.search(value))


validate_no_control_characters = NoControlCharactersValidator()


@deconstructible
class CountLimitValidator:
    """An upper bound for a number, with a message naming the field.

    Not a MaxValueValidator: DRF lifts those into `max_value` and answers
    with its own message, which does not name the field."""

    def __init__(self, limit_value: int, *, label: str = ""):
        self.limit_value = limit_value
        self.label = label

    def labelled(self, label: str) -> "CountLimitValidator":
        return CountLimitValidator(self.limit_value, label=label)

    def __call__(self, value) -> None:
        if value is not None and value > self.limit_value:
            raise ValidationError(
                f"{_named(self.label)}不能超过 {self.limit_value}，请检查是否多输了数字。",
                code="max_value",
            )

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, CountLimitValidator)
            and self.limit_value == other.limit_value
            and self.label == other.label
        )
