"""The API answers what its published schema says, for generated input.

Schemathesis reads the live schema at /api/schema/ and sends generated
requests to the app in-process (WSGI, inside each test's transaction) as the
town officer, as a village cadre and anonymously, with the demo town's
records in the database (`two_towns`), so that answers carry real rows. The bar: no server error
and no answer outside the schema (status code or body).

The run is bounded (fuzzing phase only, a couple of cases per operation and
identity) so that `make test` stays short; the seed varies from run to run,
so the runs together cover far more than any one of them. A failure prints
the request to replay it.
"""

import hypothesis
import pytest
import schemathesis
from django.conf import settings
from django.middleware.csrf import _get_new_csrf_string
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from fazhi.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]

CONFIG = {
    "phases": {
        "examples": {"enabled": False},
        "coverage": {"enabled": False},
        "stateful": {"enabled": False},
    },
    "generation": {"max-examples": 2},  # per operation and identity
}

# The schema is public (it describes, it does not answer), so it is read once
# at collection, from the app itself.
schema = schemathesis.openapi.from_wsgi(
    "/api/schema/?format=json", application, config=schemathesis.Config.from_dict(CONFIG)
)


# Each test's fixtures (the cast, the transaction) are shared by its few
# generated cases on purpose: the cases add records, the transaction drops them.
BOUNDED = hypothesis.settings(
    deadline=None,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The app is called as a real WSGI server calls it, and Django closes the
    database connection at the start and end of each such request — which would
    end the test's transaction. Django's own test client suspends this too."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _session(client, user):
    """A logged-in session as a browser holds it: cookies plus the CSRF header."""
    client.force_login(user)
    csrf = _get_new_csrf_string()
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {
        "cookies": {settings.SESSION_COOKIE_NAME: session, settings.CSRF_COOKIE_NAME: csrf},
        "headers": {"X-CSRFToken": csrf},
    }


@schema.parametrize()
@BOUNDED
def test_the_api_keeps_to_its_schema_for_the_town_officer(case, two_towns, cast, client):
    case.call_and_validate(**_session(client, cast.officer), checks=CHECKS)


@schema.parametrize()
@hypothesis.settings(BOUNDED, max_examples=1)
def test_the_api_keeps_to_its_schema_for_a_village_cadre(case, two_towns, cast, client):
    case.call_and_validate(**_session(client, cast.cadre), checks=CHECKS)


@schema.parametrize()
@hypothesis.settings(BOUNDED, max_examples=1)
def test_the_api_keeps_to_its_schema_for_anonymous_callers(case, cast):
    case.call_and_validate(checks=CHECKS)


def _get_operations():
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() == "GET":
            yield operation


@pytest.mark.parametrize("role", ["officer", "leader", "cadre", "mediator"])
def test_every_stored_record_is_answered_as_the_schema_says(two_towns, cast, client, role):
    """Generated input rarely hits stored rows; this reads every list and every
    listed record of the demo town and checks each answer against the schema."""
    session = _session(client, getattr(cast, role))
    lists = {op.path: op for op in _get_operations() if not op.path_parameters}
    details = {op.path: op for op in _get_operations() if op.path_parameters}
    read = 0
    for path, operation in lists.items():
        response = operation.Case().call_and_validate(**session, checks=CHECKS)
        if response.status_code != 200:
            continue
        body = response.json()
        rows = body.get("results", []) if isinstance(body, dict) else body
        detail = details.get(f"{path}{{id}}/") or details.get(f"{path}{{code}}/")
        if detail is None or not isinstance(rows, list):
            continue
        (name,) = [parameter.name for parameter in detail.path_parameters]
        for row in rows[:25]:
            case = detail.Case(path_parameters={name: row[name]})
            case.call_and_validate(**session, checks=CHECKS)
            read += 1
    assert read > 0
