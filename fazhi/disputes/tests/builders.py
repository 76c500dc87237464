"""Small builders for dispute tests, on top of the shared `cast`."""

from datetime import date

from fazhi.disputes import services
from fazhi.disputes.demo import demo_id_number
from fazhi.disputes.models import DisputeType
from fazhi.regions.models import Organisation

GOOD_ID = demo_id_number("19800101", 123)
BAD_ID = GOOD_ID[:17] + ("0" if GOOD_ID[17] != "0" else "1")


def make_dispute_type(name: str = "邻里") -> DisputeType:
    return DisputeType.objects.get(name=name)


def make_organisation(village, suffix: str = "人民调解委员会") -> Organisation:
    return Organisation.objects.get(region=village, name=village.name + suffix)


def make_dispute(cast, village=None, *, user=None, **fields):
    village = village or cast.qilong
    values = {
        "region": village,
        "source": "visit",
        "dispute_type": make_dispute_type(),
        "summary": f"{village.name}两户因排水沟发生争执",
        "people_involved": 2,
        "risk": "low",
        "registered_on": date(2020, 6, 1),
    }
    values.update(fields)
    return services.dispute_register(user=user or cast.officer, **values)


def make_assignment(
    cast, dispute, *, mediators=None, accepted_on=date(2020, 6, 2), suffix="贵和工作室"
):
    return services.dispute_assign(
        dispute=dispute,
        user=cast.officer,
        organisation=make_organisation(dispute.region, suffix),
        mediators=mediators or [cast.mediator],
        accepted_on=accepted_on,
    )


def make_party(dispute, name="张某", id_number=GOOD_ID, role="applicant"):
    return services.party_add(
        dispute=dispute, name=name, role=role, id_number=id_number, phone="13902341234"
    )
