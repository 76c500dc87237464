import pytest

from fazhi.cases.demo import cases
from fazhi.cases.models import Adjudication, Lawsuit, Reconsideration
from fazhi.demo.management.commands.loaddemo import DemoContext
from fazhi.metrics import Period, compute

pytestmark = pytest.mark.django_db


def test_the_demo_loads_2020_cases_once_with_the_head_in_court(cast):
    context = DemoContext(password=cast.password, say=lambda line: None, town=cast.town)
    cases(context)
    cases(context)
    assert (Lawsuit.objects.count(), Reconsideration.objects.count()) == (1, 1)
    assert Adjudication.objects.get().remedy_notice
    assert compute("cases.head_in_court_rate", cast.town, Period.year(2020)).value == 100
