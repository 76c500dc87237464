import pytest

from fazhi.villagelaw.tests.builders import make_advisor, make_assignment


@pytest.fixture
def chen(cast):
    """The town's advisor, bound to the `advisor` login."""
    return make_advisor(cast.town, user=cast.advisor, name="陈律师")


@pytest.fixture
def qilong_term(cast, chen):
    """陈律师 serves 七龙社区 in 2020 (and no other village)."""
    return make_assignment(cast, cast.qilong, chen)
