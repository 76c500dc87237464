"""The product runs on an intranet: no page may load anything from the internet."""

import re
from html.parser import HTMLParser

import pytest

URL_ATTRIBUTES = {"src", "href", "action", "data", "poster"}
EXTERNAL = re.compile(r"^(https?:)?//", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?(https?:)?//", re.I)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.external, self.internal = [], []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value:
                if EXTERNAL.match(value) and "testserver" not in value:
                    self.external.append(f"<{tag} {name}={value}>")
                elif value.startswith("/") and tag == "a":
                    self.internal.append(value.split("#")[0])


def crawl(client, start_urls, limit=200):
    seen, queue, problems = set(), list(start_urls), []
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen or "logout" in url or url.startswith("/admin/"):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        parser = _Links()
        parser.feed(page)
        problems += [f"{url}: {link}" for link in parser.external]
        problems += [f"{url}: css url()" for _ in CSS_URL.findall(page)]
        queue += [link for link in parser.internal if link not in seen]
    return seen, problems


@pytest.mark.parametrize(
    "role", ["officer", "county_admin", "cadre", "mediator", "advisor", "auditor", "sysadmin"]
)
def test_no_page_a_role_reaches_loads_from_the_internet(cast, client, role):
    client.force_login(getattr(cast, role))
    seen, problems = crawl(client, ["/", "/api/docs/"])
    assert len(seen) > 2
    assert problems == []


def test_the_login_page_loads_nothing_from_the_internet(client, cast):
    seen, problems = crawl(client, ["/accounts/login/"])
    assert problems == []


def test_the_api_docs_use_local_assets(cast, client):
    client.force_login(cast.officer)
    page = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/" in page
