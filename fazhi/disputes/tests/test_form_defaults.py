"""A form whose village has one possible value comes with it chosen."""


def test_a_cadre_of_one_village_finds_it_chosen(client, cast):
    client.force_login(cast.cadre)
    for url in ("/disputes/new/", "/disputes/screening/new/", "/disputes/deliberations/new/"):
        form = client.get(url).context["form"]
        assert form["region"].value() == cast.qilong.pk, url


def test_the_officer_chooses_among_the_villages_himself(client, cast):
    client.force_login(cast.officer)
    assert client.get("/disputes/new/").context["form"]["region"].value() is None
