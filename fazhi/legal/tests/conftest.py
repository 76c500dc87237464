import pytest

from fazhi.accounts.models import User
from fazhi.core.roles import Role
from fazhi.legal.tests.builders import make_advisor


@pytest.fixture
def chen(cast):
    """The town's advisor, bound to the `advisor` login."""
    return make_advisor(cast.town, user=cast.advisor, name="陈律师")


@pytest.fixture
def other_advisor(cast):
    """A second advisor of the same town with a login of their own."""
    user = User(
        username="advisor_li", role=Role.LEGAL_ADVISOR, region=cast.town, full_name="李律师"
    )
    user.set_password(cast.password)
    user.full_clean()
    user.save()
    return make_advisor(cast.town, user=user, name="李律师")
