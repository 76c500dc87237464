"""The dispute types a town starts with (configurable afterwards in the admin)."""

TYPES = [
    "婚姻家庭",
    "邻里",
    "土地/山林权属",
    "宅基地/建房",
    "劳资",
    "合同/债务",
    "征地拆迁",
    "交通事故",
    "其他",
]


def seed_dispute_types(model) -> None:
    """Create the missing starting types; `model` is DisputeType (or its migration state)."""
    for order, name in enumerate(TYPES, start=1):
        model.objects.get_or_create(name=name, defaults={"order": order * 10})
