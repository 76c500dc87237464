import pytest


@pytest.fixture(scope="module")
def demo(_cast_once, django_db_blocker):
    """黄水镇's 2020 村务公开 demo, built once per module and rolled back at its end."""
    from django.db import transaction

    from conftest import build_cast
    from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD, DemoContext
    from fazhi.disclosure.demo import disclosure

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cast = build_cast()
            context = DemoContext(password=DEFAULT_PASSWORD, say=lambda line: None, town=cast.town)
            disclosure(context)
            yield cast
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
