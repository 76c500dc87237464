from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from fazhi.accounts.models import User
from fazhi.disputes.models import Dispute, Party
from fazhi.legal.models import Service
from fazhi.publicity.models import Activity
from fazhi.regions.models import Region
from fazhi.synthetic.build import Sizes, build_county

pytestmark = pytest.mark.django_db

SMALL = {"towns": 2, "villages": 2, "years": 2, "last_year": 2024}


def _load(seed=1):
    call_command("loadsynthetic", seed=seed, stdout=StringIO(), **SMALL)


def _snapshot():
    disputes = list(
        Dispute.objects.order_by("number").values_list(
            "number", "region__code", "summary", "registered_on", "status", "concluded_on"
        )
    )
    parties = [
        (p.name, p.phone, p.id_number)
        for p in Party.objects.order_by("dispute__number", "role", "name")
    ]
    return {
        "disputes": disputes,
        "parties": parties,
        "activities": Activity.objects.count(),
        "services": Service.objects.count(),
        "regions": list(Region.objects.values_list("code", "name")),
    }


class Rollback(Exception):
    pass


def _snapshot_of_a_build(seed):
    try:
        with transaction.atomic():
            _load(seed)
            snapshot = _snapshot()
            raise Rollback
    except Rollback:
        return snapshot


def test_it_builds_the_same_county_from_the_same_seed():
    first = _snapshot_of_a_build(1)
    assert Dispute.objects.count() == 0  # rolled back
    second = _snapshot_of_a_build(1)
    assert first == second
    assert len(first["disputes"]) >= 2 * 2 * 2 * 10
    assert _snapshot_of_a_build(2)["disputes"] != first["disputes"]


def test_it_writes_valid_personal_data_and_a_history_for_each_record():
    from fazhi.personal.validators import validate_id_number, validate_phone

    _load()
    for party in Party.objects.all()[:50]:
        if party.id_number:
            validate_id_number(party.id_number)
        if party.phone:
            validate_phone(party.phone)
    assert Dispute.history.count() == Dispute.objects.count()


def test_a_synthetic_town_officer_sees_his_town_through_the_scope_rule():
    _load()
    officer = User.objects.get(username="officer_500240601")
    seen = Dispute.objects.for_user(officer)
    assert seen.exists()
    assert set(seen.values_list("region__parent__code", flat=True)) == {"500240601000"}
    assert Activity.objects.for_user(officer).exists()
    huangshui = Dispute.objects.filter(region__code__startswith="500240105")
    assert huangshui.exists()
    assert not seen.filter(pk__in=huangshui).exists()


def test_it_refuses_to_build_the_county_twice():
    _load()
    with pytest.raises(CommandError, match="已存在"):
        _load()


def test_it_moves_the_dispute_counter_past_the_numbers_it_gave():
    from fazhi.core.numbering import number_allocate
    from fazhi.disputes.services import DISPUTE_NUMBERS

    _load()
    last = Dispute.objects.filter(number__startswith="JF2024-").order_by("-number").first()
    with transaction.atomic():
        following = number_allocate(sequence=DISPUTE_NUMBERS, year=2024)
    assert DISPUTE_NUMBERS.parse(following)[1] == DISPUTE_NUMBERS.parse(last.number)[1] + 1


def test_it_refuses_sizes_out_of_range():
    with pytest.raises(ValueError, match="乡镇数"):
        build_county(sizes=Sizes(towns=0), password="Huangshui@2020", say=lambda line: None)
