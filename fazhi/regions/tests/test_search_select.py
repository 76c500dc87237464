"""Village and organisation pickers stay small however many villages a county has."""

import re

from django.urls import reverse

from fazhi.regions.models import Organisation, OrganisationKind
from fazhi.regions.tests.builders import make_villages
from fazhi.regions.widgets import LIMIT


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"', select)


def test_the_disputes_filter_renders_a_screenful_of_villages_and_the_chosen_one(cast, client):
    made = make_villages(cast.town, 40)
    client.force_login(cast.county_admin)
    last = made[0]  # the highest code: beyond the first screenful
    html = client.get(reverse("disputes:index"), {"region": last.pk}).content.decode()
    values = _options(html, "region")
    assert len(values) <= LIMIT + 2  # "全部", a screenful, and the chosen village
    assert str(last.pk) in values
    assert 'hx-get="/regions/options/"' in html


def test_typing_finds_villages_by_name_within_the_scope_only(cast, client):
    make_villages(cast.town, 40)
    client.force_login(cast.cadre)
    page = client.get(reverse("regions:options"), {"source": "villages", "term": "村"})
    assert page.status_code == 200
    names = re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', page.content.decode())
    assert names == []  # 七龙社区 holds no “村”, and the cadre sees nothing else
    client.force_login(cast.officer)
    page = client.get(reverse("regions:options"), {"source": "villages", "term": "测试3"})
    names = re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', page.content.decode())
    assert names and all("测试3" in name for name in names)


def test_the_search_is_capped_and_keeps_the_chosen_option(cast, client):
    made = make_villages(cast.town, 40)
    client.force_login(cast.officer)
    chosen = made[0]  # the highest code: beyond the first screenful
    page = client.get(
        reverse("regions:options"),
        {"source": "villages", "term": "测试", "selected": str(chosen.pk)},
    ).content.decode()
    assert len(re.findall(r'<option value="\d+"', page)) == LIMIT + 1
    assert f'<option value="{chosen.pk}" selected>' in page


def test_organisations_are_filtered_by_kind_and_scope(cast, client):
    studio = Organisation.objects.create(
        region=cast.qilong, name="测试贵和工作室", kind=OrganisationKind.GUIHE_STUDIO
    )
    client.force_login(cast.officer)
    page = client.get(
        reverse("regions:options"),
        {"source": "organisations", "kinds": "guihe_studio", "term": "测试"},
    ).content.decode()
    assert "测试贵和工作室" in page
    other = client.get(
        reverse("regions:options"),
        {"source": "organisations", "kinds": "police", "term": "测试"},
    ).content.decode()
    assert "测试贵和工作室" not in other
    assert studio.pk


def test_hostile_input_is_answered_plainly(cast, client):
    client.force_login(cast.officer)
    page = client.get(
        reverse("regions:options"),
        {"source": "nonsense", "term": "<script>alert(1)</script>", "selected": "x,1e9,-1"},
    )
    assert page.status_code == 200 and "<script>" not in page.content.decode()
    client.logout()
    assert client.get(reverse("regions:options")).status_code == 302
