"""The page toolkit: a service's errors on the form, pagination."""

from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from fazhi.core.web import form_errors, paginate, run_service


class NameForm(forms.Form):
    name = forms.CharField()


def test_a_service_error_lands_next_to_the_field_it_names():
    form = NameForm({"name": "x"})
    assert form.is_valid()
    form_errors(form, ValidationError({"name": "名称已被占用。", "other": "别处的问题。"}))
    assert form.errors["name"] == ["名称已被占用。"]
    assert form.non_field_errors() == ["别处的问题。"]


def test_run_service_returns_the_result_or_none_with_the_message_on_the_form():
    form = NameForm({"name": "x"})
    form.is_valid()
    assert run_service(form, lambda **kw: kw["value"] * 2, value=21) == 42

    def refuses(**kwargs):
        raise ValidationError("记录已被他人修改。")

    assert run_service(form, refuses) is None
    assert form.non_field_errors() == ["记录已被他人修改。"]


def test_paginate_reads_the_page_and_tolerates_nonsense():
    rows = list(range(120))
    assert list(paginate(RequestFactory().get("/?page=2"), rows)) == list(range(50, 100))
    assert paginate(RequestFactory().get("/?page=abc"), rows).number == 1
    assert paginate(RequestFactory().get("/?page=99"), rows, per_page=25).number == 5
