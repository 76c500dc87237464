"""Test builders for the region tree."""

from fazhi.regions.models import Level, Region


def make_villages(town, count: int, *, name: str = "测试{n:02d}村") -> list[Region]:
    """`count` extra villages under `town`, coded downwards from …900 so they
    never meet the demo's codes; the first made has the highest code."""
    made = []
    for n in range(count):
        village = Region(
            code=f"{town.prefix}{900 - n:03d}",
            name=name.format(n=n),
            level=Level.VILLAGE,
            parent=town,
        )
        village.full_clean()
        village.save()
        made.append(village)
    return made
