"""The numbering allocator, shown on dispute numbers (JF<year>-<n>)."""

from datetime import date

import pytest

from fazhi.core.models import Counter
from fazhi.core.tests.concurrency import run_at_once
from fazhi.disputes.models import Dispute
from fazhi.disputes.services import DISPUTE_NUMBERS, dispute_import
from fazhi.disputes.tests.builders import make_dispute, make_dispute_type


def _import(cast, number, registered_on=date(2024, 3, 1)):
    return dispute_import(
        user=cast.officer,
        number=number,
        region=cast.qilong,
        source="visit",
        dispute_type=make_dispute_type(),
        summary="台账导入的纠纷",
        people_involved=2,
        risk="low",
        registered_on=registered_on,
    )


def test_numbers_go_past_9999_in_numeric_order(cast):
    Counter.objects.create(key=DISPUTE_NUMBERS.key, year=2025, last_value=9998)
    numbers = [make_dispute(cast, registered_on=date(2025, 5, 1)).number for _ in range(3)]
    assert numbers == ["JF2025-9999", "JF2025-10000", "JF2025-10001"]


def test_a_new_counter_starts_after_the_numbers_already_in_the_database(cast):
    _import(cast, "JF2025-9999", registered_on=date(2025, 1, 2))
    Counter.objects.all().delete()  # as if the records predate the counter
    _import(cast, "JF2025-10000", registered_on=date(2025, 1, 3))
    Counter.objects.all().delete()
    assert make_dispute(cast, registered_on=date(2025, 5, 1)).number == "JF2025-10001"


def test_an_imported_number_that_does_not_fit_is_kept_and_the_sequence_goes_on(cast):
    make_dispute(cast, registered_on=date(2024, 2, 1))
    imported = _import(cast, "JF2024-ABC")
    assert imported.number == "JF2024-ABC"
    later = [make_dispute(cast, registered_on=date(2024, 4, 1)).number for _ in range(2)]
    assert later == ["JF2024-0002", "JF2024-0003"]


def test_an_imported_number_that_fits_moves_the_sequence_past_it(cast):
    _import(cast, "JF2024-0040")
    assert make_dispute(cast, registered_on=date(2024, 4, 1)).number == "JF2024-0041"


def test_a_number_typed_in_outside_the_counter_is_skipped(cast):
    make_dispute(cast, registered_on=date(2023, 2, 1))
    Dispute.objects.filter(number="JF2023-0001").update(number="JF2023-0002")
    Counter.objects.filter(year=2023).update(last_value=0)
    assert make_dispute(cast, registered_on=date(2023, 4, 1)).number == "JF2023-0001"
    assert make_dispute(cast, registered_on=date(2023, 4, 1)).number == "JF2023-0003"


@pytest.mark.django_db(transaction=True)
def test_twenty_four_simultaneous_registrations_all_get_distinct_numbers(cast):
    results = run_at_once(
        lambda index: make_dispute(cast, registered_on=date(2025, 6, 1)).number, 24
    )
    errors = [result for result in results if isinstance(result, Exception)]
    assert errors == []
    assert sorted(results) == [f"JF2025-{n:04d}" for n in range(1, 25)]
    assert Dispute.objects.filter(number__startswith="JF2025-").count() == 24
