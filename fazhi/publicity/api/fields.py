"""Serializer pieces the publicity API shares: scoped related fields, the model's clean(), saving through the service."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from fazhi.core.locking import EditConflict, VersionConflict
from fazhi.publicity.services import record_save
from fazhi.regions.models import Region

OUT_OF_SCOPE = "不在您的管辖范围内。"


class ScopedRelatedField(serializers.SlugRelatedField):
    """A related record chosen by slug from what the caller's scope reaches."""

    def __init__(self, model, slug_field="id", **kwargs):
        self.model = model
        super().__init__(slug_field=slug_field, **kwargs)

    def get_queryset(self):
        return self.model.objects.for_user(self.context["request"].user)

    def to_internal_value(self, data):
        try:
            return self.get_queryset().get(**{self.slug_field: data})
        except (self.model.DoesNotExist, ValueError, TypeError):
            raise ValidationError(f"{data}{OUT_OF_SCOPE}或不存在。") from None


def region_field(**kwargs):
    return ScopedRelatedField(Region, slug_field="code", **kwargs)


class ModelCleanMixin:
    """Run the model's own clean() so the API and the forms refuse the same things."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        instance = model(**{k: v for k, v in attrs.items() if not _is_many(model, k)})
        if self.instance is not None:
            for field in model._meta.concrete_fields:
                if field.name not in attrs:
                    setattr(instance, field.attname, getattr(self.instance, field.attname))
        try:
            instance.clean()
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        return attrs


class RecordSaveMixin:
    """Save through `record_save`, the service the publicity form pages save through."""

    def save(self, **kwargs):
        model = self.Meta.model
        data = {name: value for name, value in self.validated_data.items() if name != "version"}
        related = {name: data.pop(name) for name in list(data) if _is_many(model, name)}
        version = self.read_version() if self.instance is not None else None
        record = self.instance if self.instance is not None else model()
        for name, value in data.items():
            setattr(record, name, value)
        try:
            self.instance = record_save(
                user=self.context["request"].user,
                record=record,
                version=version,
                submitted=self.validated_data,
                related=related,
            )
        except EditConflict as conflict:
            raise VersionConflict(conflict) from None
        except DjangoValidationError as error:
            raise ValidationError(
                getattr(error, "message_dict", {"detail": error.messages})
            ) from None
        return self.instance


def _is_many(model, name):
    return any(f.name == name and f.many_to_many for f in model._meta.get_fields())
