"""The one place that puts the input validators on every field.

Remembering a validator on each of some hundred fields is what failed before
(a 2150 date, a bell character, a 2**63-1 count each got through one of
them). Instead, `install()` — called once from `fazhi.core.models`, so during
app loading and before any other fazhi model exists — hooks `class_prepared`
and gives every field of every fazhi model:

- a date window (`DateWindowValidator`) to each DateField and DateTimeField,
- the control-character check to each CharField and TextField,
- an upper bound to each integer field (the PostgreSQL range of its type
  unless the model names a tighter one), so SQLite, which stores any 64-bit
  integer, refuses what PostgreSQL would, and sums cannot overflow; and a
  year window (`YearWindowValidator`) to each integer field named `year`,

each labelled with the field's verbose name. A model that needs a different
window or bound names the validator itself (unlabelled); it is labelled and
kept. ModelForms, DRF ModelSerializers and services' `full_clean()` all read
a model field's validators, so they all refuse the same values.

Plain form and serializer fields (filters, action forms, API parameters)
are not model fields: `install()` also adds the control-character check and
the usual date window to the default validators of Django's and DRF's
CharField, DateField and DateTimeField. A field DRF builds for a
ModelSerializer gets the model field's validators instead of the defaults; a
ModelForm field made from a model field with a wider window gets that window
(`_form_window`); a plain form field that needs a wider one says so with
`with_window(field, years_ahead=…)`, a plain serializer field with its own
`validators=[DateWindowValidator(...)]`.

`fazhi/core/tests/test_fields.py` walks every model and fails if a field
lacks its validator.
"""

from typing import Any

from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models.signals import class_prepared

from fazhi.core.validators import (
    EARLIEST,
    CountLimitValidator,
    DateWindowValidator,
    NoControlCharactersValidator,
    YearWindowValidator,
    validate_no_control_characters,
)

# Plain form and API dates get the usual window; a form field made from a
# model field takes that field's window instead (see `_form_window`).
FORM_DATE_WINDOW = DateWindowValidator()


def is_fazhi_model(model) -> bool:
    """A model of a fazhi app; not the history copies simple_history makes,
    which only the history machinery writes."""
    from simple_history.models import HistoricalChanges

    return model.__module__.startswith("fazhi.") and not issubclass(model, HistoricalChanges)


def integer_limit(field: models.Field) -> int:
    return BaseDatabaseOperations.integer_field_ranges[field.get_internal_type()][1]


def _harden(field: models.Field, kind: type[Any], default) -> None:
    label = str(field.verbose_name)
    validators: list[Any] = field.__dict__["_validators"]  # Field's own, before `validators`
    existing = [v for v in validators if isinstance(v, kind)]
    if existing:
        validators = [
            v.labelled(label) if isinstance(v, kind) and not v.label else v for v in validators
        ]
    else:
        validators = [*validators, default.labelled(label)]
    field.__dict__["_validators"] = validators
    field.__dict__.pop("validators", None)  # the cached property, if read already


def with_window(form_field, *, years_ahead: int, earliest=EARLIEST):
    """A plain form date field with a wider window than the usual one, for a
    date the law lets lie further ahead (a contract's end). A DRF field takes
    `validators=[DateWindowValidator(...)]` instead (DRF rebuilds its fields
    from their arguments)."""
    window = DateWindowValidator(earliest=earliest, years_ahead=years_ahead)
    form_field.validators = [
        v for v in form_field.validators if not isinstance(v, DateWindowValidator)
    ] + [window]
    return form_field


def _form_window(field: models.DateField) -> None:
    """Make the model field's form field carry the model's own window (a
    ModelForm field would otherwise get the usual one from the form class)."""
    (window,) = [v for v in field.__dict__["_validators"] if isinstance(v, DateWindowValidator)]
    if (window.earliest, window.years_ahead) == (EARLIEST, 1):
        return
    make_form_field = field.formfield

    def formfield(**kwargs):
        form_field = make_form_field(**kwargs)
        if form_field is not None:
            with_window(form_field, years_ahead=window.years_ahead, earliest=window.earliest)
        return form_field

    field.formfield = formfield  # type: ignore[method-assign]


def harden_field(field: models.Field) -> None:
    if isinstance(field, models.DateField):  # DateTimeField included
        _harden(field, DateWindowValidator, DateWindowValidator())
        _form_window(field)
    elif isinstance(field, (models.CharField, models.TextField)):
        _harden(field, NoControlCharactersValidator, validate_no_control_characters)
    elif isinstance(field, models.IntegerField) and not isinstance(field, models.AutoField):
        _harden(field, CountLimitValidator, CountLimitValidator(integer_limit(field)))
        if field.name == "year":
            _harden(field, YearWindowValidator, YearWindowValidator())


def harden_model(sender, **kwargs) -> None:
    if not is_fazhi_model(sender):
        return
    for field in sender._meta.local_fields:
        harden_field(field)


def _add_default(field_class, validator) -> None:
    if validator not in field_class.default_validators:
        field_class.default_validators = [*field_class.default_validators, validator]


def install() -> None:
    from django import forms
    from django.apps import apps
    from rest_framework import serializers

    class_prepared.connect(harden_model, dispatch_uid="fazhi.core.fields.harden_model")
    for models_of_app in list(apps.all_models.values()):  # any prepared before this ran
        for model in list(models_of_app.values()):
            harden_model(model)
    _add_default(forms.CharField, validate_no_control_characters)
    _add_default(forms.DateField, FORM_DATE_WINDOW)
    _add_default(forms.DateTimeField, FORM_DATE_WINDOW)
    _add_default(serializers.CharField, validate_no_control_characters)
    _add_default(serializers.DateField, FORM_DATE_WINDOW)
    _add_default(serializers.DateTimeField, FORM_DATE_WINDOW)
