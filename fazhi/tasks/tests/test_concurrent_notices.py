"""Two people registering superior notices at the same moment."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.tests.concurrency import run_at_once
from fazhi.tasks.models import Notice
from fazhi.tasks.tests.builders import make_notice


@pytest.mark.django_db(transaction=True)
def test_the_same_number_registered_twice_at_once_is_kept_once(cast):
    results = run_at_once(lambda index: make_notice(cast, number="县府办〔2020〕7号").pk, 2)
    saved = [r for r in results if isinstance(r, int)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(saved) == 1 and len(refused) == 1
    assert isinstance(refused[0], ValidationError) and "文号" in str(refused[0])
    assert Notice.objects.filter(doc_number="县府办〔2020〕7号").count() == 1


@pytest.mark.django_db(transaction=True)
def test_distinct_numbers_registered_at_once_are_all_kept(cast):
    results = run_at_once(
        lambda index: (
            make_notice(
                cast, number=f"县府办〔2020〕{index + 1}号", received=date(2020, 3, index + 1)
            ).doc_number
        ),
        6,
    )
    assert sorted(results) == sorted(f"县府办〔2020〕{n}号" for n in range(1, 7))
    assert Notice.objects.count() == 6
