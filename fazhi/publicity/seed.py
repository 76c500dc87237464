"""The publicity themes a town starts with (the officer retires or adds them later)."""

THEMES = [
    "宪法",
    "民法典",
    "扫黑除恶",
    "公共安全",
    "禁毒",
    "防邪",
    "食品安全",
    "消防安全",
    "疫情防控",
    "国家安全",
    "消费者权益",
    "法治政府建设",
]


def seed_themes(model) -> None:
    """Create the missing starting themes; `model` is Theme (or its migration state)."""
    for order, name in enumerate(THEMES, start=1):
        model.objects.get_or_create(name=name, defaults={"order": order * 10})
