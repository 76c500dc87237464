"""Every field of every fazhi model carries its input validator, and plain
form and API fields refuse the same values (`fazhi.core.fields`)."""

from datetime import date

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from rest_framework import serializers

from fazhi.core.fields import is_fazhi_model
from fazhi.core.validators import (
    CountLimitValidator,
    DateWindowValidator,
    NoControlCharactersValidator,
    YearWindowValidator,
)


def fazhi_fields():
    for model in apps.get_models():
        if is_fazhi_model(model):
            for field in model._meta.local_fields:
                yield model, field


def labelled(field, kind) -> list:
    return [v for v in field.validators if isinstance(v, kind) and v.label]


def test_the_walk_sees_the_models_of_every_capability():
    labels = {model._meta.app_label for model, _ in fazhi_fields()}
    assert {"disputes", "cases", "legal", "publicity", "reports", "deadlines"} <= labels


def test_every_date_field_of_every_fazhi_model_has_a_labelled_date_window():
    missing = [
        f"{model.__name__}.{field.name}"
        for model, field in fazhi_fields()
        if isinstance(field, models.DateField) and len(labelled(field, DateWindowValidator)) != 1
    ]
    assert missing == []


def test_every_text_field_of_every_fazhi_model_refuses_control_characters():
    missing = [
        f"{model.__name__}.{field.name}"
        for model, field in fazhi_fields()
        if isinstance(field, (models.CharField, models.TextField))
        and len(labelled(field, NoControlCharactersValidator)) != 1
    ]
    assert missing == []


def test_every_integer_field_of_every_fazhi_model_has_an_upper_bound():
    missing = [
        f"{model.__name__}.{field.name}"
        for model, field in fazhi_fields()
        if isinstance(field, models.IntegerField)
        and not isinstance(field, models.AutoField)
        and len(labelled(field, CountLimitValidator)) != 1
    ]
    assert missing == []


def test_every_year_field_has_a_year_window():
    missing = [
        f"{model.__name__}.{field.name}"
        for model, field in fazhi_fields()
        if isinstance(field, models.IntegerField)
        and field.name == "year"
        and len(labelled(field, YearWindowValidator)) != 1
    ]
    assert missing == []


def test_a_model_field_names_itself_and_the_window_in_its_message():
    from fazhi.disputes.models import Dispute

    field = Dispute._meta.get_field("accepted_on")
    with pytest.raises(ValidationError) as error:
        field.run_validators(date(2150, 1, 1))
    message = error.value.messages[0]
    assert "「受理日期」" in message
    assert "1990-01-01" in message
    assert f"{date.today().year + 1}-12-31" in message


def test_a_wider_window_named_by_the_model_is_kept_and_labelled():
    from fazhi.legal.models import Contract

    (window,) = labelled(Contract._meta.get_field("end"), DateWindowValidator)
    assert window.years_ahead == 6
    assert window.label == "聘期结束"


def test_the_person_times_bound_is_the_models_not_the_databases():
    from fazhi.publicity.models import Activity

    field = Activity._meta.get_field("person_times")
    with pytest.raises(ValidationError, match="「受教人次」不能超过 1000000"):
        field.run_validators(9223372036854775807)


class PlainForm(forms.Form):
    title = forms.CharField()
    day = forms.DateField()


def test_a_plain_form_field_refuses_a_bell_character():
    form = PlainForm({"title": "普法\u0007讲座", "day": "2020-06-01"})
    assert not form.is_valid()
    assert "控制字符（U+0007）" in form.errors["title"][0]


def test_a_plain_form_date_far_outside_any_window_is_refused():
    form = PlainForm({"title": "普法讲座", "day": "2150-01-01"})
    assert not form.is_valid()
    assert "2150-01-01 不在此范围内" in form.errors["day"][0]


class PlainSerializer(serializers.Serializer):
    title = serializers.CharField()
    day = serializers.DateField()


def test_a_plain_serializer_field_refuses_control_characters_and_far_dates():
    data = PlainSerializer(data={"title": "普法\x1b讲座", "day": "1800-01-01"})
    assert not data.is_valid()
    assert "控制字符（U+001B）" in str(data.errors["title"][0])
    assert "1800-01-01 不在此范围内" in str(data.errors["day"][0])


def test_line_breaks_and_tabs_are_kept():
    form = PlainForm({"title": "第一行\r\n第二行\t完", "day": "2020-06-01"})
    assert form.is_valid(), form.errors


def test_a_plain_form_date_after_next_year_is_refused():
    next_but_one = date.today().year + 2
    form = PlainForm({"title": "普法讲座", "day": f"{next_but_one}-01-01"})
    assert not form.is_valid()


def test_a_model_form_field_takes_the_wider_window_of_its_model_field():
    from fazhi.publicity.models import ScreenContent

    class ContentForm(forms.ModelForm):
        class Meta:
            model = ScreenContent
            fields = ["start_date", "end_date"]

    later = f"{date.today().year + 2}-06-30"
    form = ContentForm({"start_date": later, "end_date": later})
    form.is_valid()
    assert "end_date" not in form.errors
    assert "start_date" in form.errors


def test_a_contract_may_end_years_ahead_on_the_plain_form():
    from fazhi.legal.forms import ContractForm

    form = ContractForm({"start": "2020-01-01", "end": f"{date.today().year + 5}-12-31", "fee": 0})
    form.is_valid()
    assert "end" not in form.errors
