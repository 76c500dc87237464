"""The one numbering allocator: JF2025-0001 and every other number the product gives.

Numbers used to be "the largest existing one plus one", read with MAX() on a
text column. That collides when two people register at the same moment, sorts
JF2025-10000 before JF2025-9999, and breaks on an imported JF2024-ABC. Here a
counter row per sequence and year (`core.Counter`) is locked inside the
caller's transaction, so concurrent callers queue and each gets the next value;
the value is an integer, so how the numbers sort as text does not matter.

A number brought in from a ledger that fits the pattern moves the counter past
itself (`number_claim`); one that does not fit is accepted as it is and ignored
by the sequence.
"""

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.db import IntegrityError, models, transaction

from fazhi.core.models import Counter


@dataclass(frozen=True)
class Sequence:
    """How one kind of record is numbered: `<prefix><year>-<value>`, at least `width` digits.

    `model.<field>` holds the numbers. It seeds a counter the first time a year
    is used (records from before the counter existed) and lets the allocator
    step over a number somebody typed in outside the counter.
    """

    key: str
    prefix: str
    model: type[models.Model]
    field: str = "number"
    width: int = 4
    pattern: re.Pattern = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self):
        regex = rf"^{re.escape(self.prefix)}(\d{{4}})-(\d+)$"
        object.__setattr__(self, "pattern", re.compile(regex))

    def format(self, year: int, value: int) -> str:
        return f"{self.prefix}{year}-{value:0{self.width}d}"

    def parse(self, number: str) -> tuple[int, int] | None:
        """(year, value) when `number` fits the pattern, else None."""
        match = self.pattern.match(number or "")
        return (int(match[1]), int(match[2])) if match else None

    def is_taken(self, number: str) -> bool:
        return self.model._base_manager.filter(**{self.field: number}).exists()

    def highest(self, year: int) -> int:
        """The largest value used in `year`, compared as a number, not as text."""
        numbers = self.model._base_manager.filter(
            **{f"{self.field}__startswith": f"{self.prefix}{year}-"}
        ).values_list(self.field, flat=True)
        values = [parsed[1] for parsed in map(self.parse, numbers) if parsed]
        return max(values, default=0)


def _locked_counter(*, sequence: Sequence, year: int) -> Counter:
    """The counter row, created if missing, locked until the caller's transaction ends."""
    if not Counter.objects.filter(key=sequence.key, year=year).exists():
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves the caller's work intact
                Counter.objects.create(
                    key=sequence.key, year=year, last_value=sequence.highest(year)
                )
        except IntegrityError:
            pass  # another request created it first; lock theirs
    return Counter.objects.select_for_update().get(key=sequence.key, year=year)


def number_allocate(*, sequence: Sequence, year: int) -> str:
    """The next free number of `sequence` for `year`. Call inside the transaction that saves it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("number_allocate must run inside the transaction that uses the number")
    counter = _locked_counter(sequence=sequence, year=year)
    value = counter.last_value + 1
    while sequence.is_taken(
        sequence.format(year, value)
    ):  # a number typed in by hand, outside the counter
        value += 1
    counter.last_value = value
    counter.save(update_fields=["last_value"])
    return sequence.format(year, value)


def number_claim(*, sequence: Sequence, number: str) -> None:
    """An imported `number` is used: if it fits the pattern, later numbers go past it."""
    parsed = sequence.parse(number)
    if parsed is None:
        return
    year, value = parsed
    counter = _locked_counter(sequence=sequence, year=year)
    if value > counter.last_value:
        counter.last_value = value
        counter.save(update_fields=["last_value"])


def number_allocate_many(*, sequence: Sequence, year: int, count: int) -> list[str]:
    """The next `count` free numbers of `sequence` for `year`, with one lock and one read
    (a ledger import numbering thousands of rows). Same rule as `number_allocate`."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("number_allocate_many must run inside the transaction that uses them")
    if count <= 0:
        return []
    counter = _locked_counter(sequence=sequence, year=year)
    stored = sequence.model._base_manager.filter(
        **{f"{sequence.field}__startswith": f"{sequence.prefix}{year}-"}
    ).values_list(sequence.field, flat=True)
    taken = set(stored)
    numbers: list[str] = []
    value = counter.last_value
    while len(numbers) < count:
        value += 1
        number = sequence.format(year, value)
        if number not in taken:  # a number typed in by hand, outside the counter
            numbers.append(number)
    counter.last_value = value
    counter.save(update_fields=["last_value"])
    return numbers


def number_claim_many(*, sequence: Sequence, numbers) -> None:
    """`number_claim` for many imported numbers: one counter update per year."""
    highest: dict[int, int] = {}
    for parsed in filter(None, map(sequence.parse, numbers)):
        year, value = parsed
        highest[year] = max(value, highest.get(year, 0))
    for year, value in sorted(highest.items()):
        counter = _locked_counter(sequence=sequence, year=year)
        if value > counter.last_value:
            counter.last_value = value
            counter.save(update_fields=["last_value"])
