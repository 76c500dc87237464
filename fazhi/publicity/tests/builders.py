"""Small builders for publicity records in tests."""

from datetime import date

from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD, DemoContext
from fazhi.publicity.models import Activity, Form, Screen, ScreenContent, Status


def make_activity(region, villages=None, **fields):
    record = Activity.objects.create(
        region=region,
        title=fields.pop("title", "普法宣传"),
        date=fields.pop("date", date(2020, 5, 1)),
        place=fields.pop("place", "村委会"),
        form=fields.pop("form", Form.OTHER),
        status=fields.pop("status", Status.HELD),
        **fields,
    )
    record.villages.set(villages or [region])
    return record


def make_screen(region, **fields):
    return Screen.objects.create(
        region=region, name=fields.pop("name", "LED屏"), location="村委会", **fields
    )


def make_slogan(region, text, **fields):
    return ScreenContent.objects.create(
        region=region, text=text, start_date=fields.pop("start_date", date(2020, 1, 1)), **fields
    )


def make_demo_publicity(cast):
    from fazhi.publicity.demo import publicity

    publicity(DemoContext(password=DEFAULT_PASSWORD, say=lambda line: None, town=cast.town))


def make_activity_form_data(cast, **overrides) -> dict:
    """What the 七龙 cadre posts on the new-activity form, with `overrides`."""
    data = {
        "region": cast.qilong.pk,
        "title": "七龙社区普法",
        "date": "2020-05-01",
        "place": "七龙社区",
        "villages": [cast.qilong.pk],
        "form": "household",
        "person_times": 30,
        "materials": 10,
        "status": "held",
    }
    return {**data, **overrides}
