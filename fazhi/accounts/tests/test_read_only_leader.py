"""The town leader reads everything of his town and writes nothing: every write
endpoint, page or API, refuses him with 403 and no record changes."""

import re

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

# Endpoints any signed-in person may post to: his own session, password, tokens
# and notices (marking his own messages read, choosing which reach his e-mail).
PERSONAL = re.compile(
    r"^/(accounts/(login|logout|password|switch-region|tokens)|api/v1/auth/|admin/|api/schema"
    r"|api/docs|notices/|api/v1/notices/)"
)
SAMPLE = {"int": "999999", "str": "x", "slug": "x", "path": "x"}


def _sample_for(group: re.Match) -> str:
    """A value the router's pattern accepts (a region code is twelve digits)."""
    pattern = group.group(1)
    return next(c for c in ("999999", "9" * 12, "x") if re.fullmatch(pattern, c))


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def _concrete(route: str) -> str | None:
    if "drf_format_suffix" in route or r"\." in route:
        return None  # the router's duplicates with a format suffix
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<\w+>([^)]*)\)", _sample_for, route)
    url = "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE[m.group(1) or "str"], route)
    return None if PERSONAL.match(url) else url


def _write_urls():
    return sorted({url for url in map(_concrete, _walk(get_resolver())) if url})


def _writes():
    """Rows in every table but the log of requests themselves."""
    skip = {"sessions", "axes", "audit"}
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in skip
    }


def test_the_leader_is_refused_every_write_page(cast, client):
    client.force_login(cast.leader)
    before = _writes()
    accepted = []
    for url in _write_urls():
        if url.startswith("/api/"):
            continue
        response = client.post(url, {})
        page = response.content.decode(errors="replace") if response.status_code == 200 else ""
        # A write view that let him in answers a redirect or a form with errors;
        # a read-only page answers POST like GET, which writes nothing.
        if response.status_code in (301, 302, 303) or response.status_code >= 500:
            accepted.append((url, response.status_code))
        elif "has-error" in page or "form-errors" in page:
            accepted.append((url, "form"))
    assert accepted == [], accepted
    assert _writes() == before


def test_the_leader_is_refused_every_write_in_the_api(cast):
    api = APIClient()
    api.force_authenticate(cast.leader)
    before = _writes()
    allowed = []
    for url in _write_urls():
        if not url.startswith("/api/v1/"):
            continue
        for method in ("post", "put", "patch", "delete"):
            status = getattr(api, method)(url, {}, format="json").status_code
            if status not in (403, 405):
                allowed.append((method, url, status))
    assert allowed == [], allowed
    assert _writes() == before


def test_the_leader_cannot_generate_a_report(cast, client):
    from fazhi.reports import services
    from fazhi.reports.models import ReportFile

    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.leader)
    response = client.post(f"/reports/{report.pk}/generate/", {"format": "docx"})
    assert response.status_code == 403
    assert not ReportFile.objects.exists()
    assert "生成</button>" not in client.get(f"/reports/{report.pk}/").content.decode()
