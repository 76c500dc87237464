"""Themes: the town officer adds, renames and retires them; old activities keep theirs."""

from rest_framework.test import APIClient

from fazhi.publicity.models import Activity, Theme

from .builders import make_activity


def _activity_form(client, pk=None):
    url = f"/publicity/activities/{pk}/edit/" if pk else "/publicity/activities/new/"
    return client.get(url).context["form"]


def test_the_town_officer_adds_a_theme_offered_on_the_activity_form(cast, client):
    client.force_login(cast.officer)
    response = client.post("/publicity/themes/new/", {"name": "乡村振兴促进法", "order": 5})
    assert response.status_code == 302
    theme = Theme.objects.get(name="乡村振兴促进法")
    assert theme in _activity_form(client).fields["themes"].queryset


def test_the_town_officer_renames_a_theme_and_its_activities_follow(cast, client):
    theme = Theme.objects.get(name="防邪")
    old = make_activity(cast.qilong)
    old.themes.add(theme)
    client.force_login(cast.officer)
    client.post(f"/publicity/themes/{theme.pk}/edit/", {"name": "反邪教", "order": theme.order})
    assert [t.name for t in old.themes.all()] == ["反邪教"]


def test_a_theme_name_already_taken_is_refused_with_the_field_named(cast, client):
    theme = Theme.objects.get(name="防邪")
    client.force_login(cast.officer)
    response = client.post(f"/publicity/themes/{theme.pk}/edit/", {"name": "宪法", "order": 1})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert Theme.objects.get(pk=theme.pk).name == "防邪"
    blank = client.post("/publicity/themes/new/", {"name": "", "order": "第一"})
    assert set(blank.context["form"].errors) == {"name", "order"}


def test_a_retired_theme_leaves_the_activity_form_but_stays_on_old_activities(cast, client):
    theme = Theme.objects.get(name="扫黑除恶")
    old = make_activity(cast.qilong, title="扫黑除恶宣传")
    old.themes.add(theme)
    client.force_login(cast.officer)
    assert client.post(f"/publicity/themes/{theme.pk}/active/", {"active": "0"}).status_code == 302
    assert theme not in _activity_form(client).fields["themes"].queryset
    assert theme in _activity_form(client, old.pk).fields["themes"].queryset
    assert list(old.themes.all()) == [theme]
    listed = client.get("/publicity/activities/", {"theme": theme.pk}).context["page"]
    assert [a.title for a in listed] == ["扫黑除恶宣传"]


def test_editing_an_old_activity_keeps_its_retired_theme(cast, client):
    theme = Theme.objects.get(name="扫黑除恶")
    theme.active = False
    theme.save()
    old = make_activity(cast.qilong, [cast.qilong], title="扫黑除恶宣传", person_times=10)
    old.themes.add(theme)
    client.force_login(cast.cadre)
    response = client.post(
        f"/publicity/activities/{old.pk}/edit/",
        {
            "region": cast.qilong.pk,
            "title": "扫黑除恶宣传（补记）",
            "date": "2020-05-01",
            "place": "村委会",
            "villages": [cast.qilong.pk],
            "form": "other",
            "themes": [theme.pk],
            "person_times": 12,
            "materials": 0,
            "status": "held",
        },
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.title == "扫黑除恶宣传（补记）" and list(old.themes.all()) == [theme]


def test_a_new_activity_cannot_take_a_retired_theme(cast, client):
    theme = Theme.objects.get(name="扫黑除恶")
    theme.active = False
    theme.save()
    fields = {
        "region": cast.qilong.pk,
        "title": "新活动",
        "date": "2020-05-01",
        "place": "村委会",
        "villages": [cast.qilong.pk],
        "form": "other",
        "themes": [theme.pk],
        "person_times": 12,
        "materials": 0,
        "status": "held",
    }
    client.force_login(cast.cadre)
    assert "themes" in client.post("/publicity/activities/new/", fields).context["form"].errors
    api = APIClient()
    api.force_authenticate(cast.cadre)
    response = api.post(
        "/api/v1/publicity/activities/",
        {
            **fields,
            "region": cast.qilong.code,
            "villages": [cast.qilong.code],
            "themes": ["扫黑除恶"],
        },
        format="json",
    )
    assert response.status_code == 400 and "themes" in response.json()
    assert not Activity.objects.filter(title="新活动").exists()


def test_a_retired_theme_can_be_brought_back(cast, client):
    theme = Theme.objects.get(name="禁毒")
    client.force_login(cast.officer)
    client.post(f"/publicity/themes/{theme.pk}/active/", {"active": "0"})
    client.post(f"/publicity/themes/{theme.pk}/active/", {"active": "1"})
    assert Theme.objects.get(pk=theme.pk).active


def test_a_village_cadre_sees_the_themes_but_may_not_change_them(cast, client):
    theme = Theme.objects.get(name="禁毒")
    client.force_login(cast.cadre)
    page = client.get("/publicity/themes/")
    assert page.status_code == 200 and not page.context["can_edit"]
    assert (
        client.post("/publicity/themes/new/", {"name": "七龙主题", "order": 1}).status_code == 403
    )
    assert client.post(f"/publicity/themes/{theme.pk}/active/", {"active": "0"}).status_code == 403
    assert (
        client.post(f"/publicity/themes/{theme.pk}/edit/", {"name": "X", "order": 1}).status_code
        == 403
    )
    assert Theme.objects.get(pk=theme.pk).active and not Theme.objects.filter(name="七龙主题")


def test_the_leader_and_the_county_admin_may_only_read_the_themes(cast, client):
    theme = Theme.objects.get(name="禁毒")
    for user in (cast.leader, cast.county_admin):
        client.force_login(user)
        assert client.get("/publicity/themes/").status_code == 200
        assert (
            client.post(f"/publicity/themes/{theme.pk}/active/", {"active": "0"}).status_code == 403
        )
    assert Theme.objects.get(pk=theme.pk).active


def test_the_theme_list_links_from_the_publicity_navigation(cast, client):
    client.force_login(cast.officer)
    assert 'href="/publicity/themes/"' in client.get("/publicity/").content.decode()


def test_a_new_slogan_cannot_take_a_retired_theme_through_the_api(cast):
    Theme.objects.filter(name="禁毒").update(active=False)
    api = APIClient()
    api.force_authenticate(cast.officer)
    fields = {"region": cast.town.code, "text": "珍爱生命，远离毒品", "start_date": "2020-06-20"}
    refused = api.post("/api/v1/publicity/screen-contents/", {**fields, "theme": "禁毒"})
    assert refused.status_code == 400 and "theme" in refused.json()
    assert (
        api.post("/api/v1/publicity/screen-contents/", {**fields, "theme": "宪法"}).status_code
        == 201
    )


def test_the_slogan_and_key_date_forms_offer_no_retired_theme(cast, client):
    retired = Theme.objects.get(name="禁毒")
    retired.active = False
    retired.save()
    client.force_login(cast.officer)
    for url in ("/publicity/screens/contents/new/", "/publicity/calendar/key-dates/new/"):
        assert retired not in client.get(url).context["form"].fields["theme"].queryset
