"""Two saves must not undo or repeat each other: the optimistic lock and the one-time form.

Optimistic lock. Two people open the same activity; the one who saves second
used to overwrite the first without knowing. Every editable business record
now carries a `version` (`Versioned`), every save bumps it, and an edit says
which version it was read at. `version_check` runs inside the saving
transaction as a conditional `UPDATE … WHERE version = <read version>`: a row
that moved on since the read matches nothing and the edit stops with an
`EditConflict`, a Chinese message listing, field by field, what the person
typed and what is saved now. Forms carry the version as a hidden field
(`EditGuardFormMixin`), the API as the `version` field or an `If-Match` header
(`VersionedSerializerMixin`, answering 409). Callers that read nothing (a ledger
import) pass no version and are not checked.

One-time form. A double click on 保存 sends the same POST twice. Each form
rendered through `EditGuardFormMixin` carries a fresh `submit_token`;
`SubmitOnceMiddleware` lets the first POST with a token claim it
(`core.SubmissionClaim`, a unique row) and sends any later POST of the same
token to where the first one led, so a record is created once. The small
`core/submit-once.js` also disables the submit button while a form is sent.
"""

import time
import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.exceptions import ValidationError as ApiValidationError

from fazhi.core.models import SubmissionClaim

VERSION_FIELD = "version"
TOKEN_FIELD = "submit_token"


class Versioned(models.Model):
    """A business record that people edit: it carries the version its edits are checked against."""

    version = models.PositiveIntegerField("版本", default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version = (self.version or 0) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], VERSION_FIELD}
        super().save(*args, **kwargs)


def _shown(field, value) -> str:
    """A value as a person reads it: choice labels, related records by name, 空 for nothing."""
    if value is None or value == "" or value == [] or value == ():
        return "（空）"
    if field is not None and field.choices:
        labels = dict(field.flatchoices)
        if isinstance(value, list | tuple | set):
            return "、".join(str(labels.get(item, item)) for item in value)
        return str(labels.get(value, value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "all") and callable(value.all):  # a many-to-many manager
        value = list(value.all())
    if isinstance(value, list | tuple | set):
        return "、".join(sorted(str(item) for item in value)) or "（空）"
    return str(value)


def _comparable(value):
    if hasattr(value, "all") and callable(value.all):
        value = list(value.all())
    if isinstance(value, list | tuple | set):
        return sorted(str(item) for item in value)
    return value


class EditConflict(ValidationError):
    """Someone saved the record after it was read: nothing was saved, here is what differs."""

    def __init__(self, *, current: Any, submitted: Mapping):  # current: a Versioned record
        self.current = current
        self.changes = []  # (field name, verbose name, what the person typed, what is saved now)
        for name, value in submitted.items():
            try:
                field = current._meta.get_field(name)
            except Exception:  # noqa: BLE001 - a form-only value, not a record field
                continue
            if name == VERSION_FIELD or not (field.concrete or field.many_to_many):
                continue
            saved = getattr(current, name)
            if _comparable(saved) == _comparable(value):
                continue
            label = str(getattr(field, "verbose_name", name))
            if type(field).__name__.startswith("Encrypted"):  # personal data stays masked
                self.changes.append((name, label, "（个人信息，不显示）", "（已被修改）"))
            else:
                self.changes.append((name, label, _shown(field, value), _shown(field, saved)))
        super().__init__(self._message(), code="edit_conflict")

    def _message(self) -> str:
        last = getattr(self.current, "history", None)
        last = last.first() if last is not None else None
        who = getattr(last, "history_user", None) or "他人"
        head = (
            f"「{self.current}」在您打开之后已被{who}修改并保存（现为第{self.current.version}版），"
            "为避免覆盖他人的修改，本次保存未生效。"
        )
        if not self.changes:
            return head + "您填写的内容与现在保存的一致，可再次点击保存。"
        lines = "；".join(
            f"{label}：您填写「{yours}」，现在保存的是「{saved}」"
            for _, label, yours, saved in self.changes
        )
        return head + f"与现在保存的不同之处——{lines}。请核对后再次点击保存（将以您填写的为准）。"


def version_check(
    *, instance: models.Model, version: int | None, submitted: Mapping | None = None
) -> None:
    """Stop the edit unless the row is still at `version`. Call inside the saving transaction.

    The conditional UPDATE takes the row lock, so a second editor waits for the
    first one's transaction and then finds the version moved on. `version=None`
    (a caller that read nothing, such as an import) skips the check.
    """
    if version is None or instance.pk is None:
        return
    model = type(instance)
    matched = model._base_manager.filter(pk=instance.pk, version=version).update(version=version)
    if not matched:
        current = model._base_manager.get(pk=instance.pk)
        raise EditConflict(current=current, submitted=submitted or {})
    instance.version = version  # type: ignore[attr-defined]


# The mixin is only ever mixed into ModelForms and Forms: type it as one.
if TYPE_CHECKING:
    _FormBase = forms.ModelForm
else:
    _FormBase = object


class EditGuardFormMixin(_FormBase):
    """Hidden `version` (edits of versioned records) and `submit_token` (every form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=uuid.uuid4().hex
        )
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and hasattr(instance, VERSION_FIELD):
            self.fields[VERSION_FIELD] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, initial=instance.version
            )

    def clean(self):
        """Keep the guard's hidden values out of cleaned_data, which views pass to services."""
        cleaned = super().clean()
        self._read_version = self.cleaned_data.pop(VERSION_FIELD, None)
        self.cleaned_data.pop(TOKEN_FIELD, None)
        return cleaned

    @property
    def read_version(self) -> int | None:
        """The version the person read, or None on a create form."""
        return getattr(self, "_read_version", None)

    def submitted_values(self) -> dict:
        """What the person typed, by model field, for the conflict message."""
        return dict(self.cleaned_data)

    def add_error(self, field, error):
        if isinstance(error, EditConflict) and self.is_bound:
            # the next 保存 is made knowing what changed: check it against what is saved now
            self.data = data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict
            data[self.add_prefix(VERSION_FIELD)] = error.current.version
        super().add_error(field, error)

    def save_checked(self, *, commit: bool = True):
        """ModelForm.save() behind the version check, in one transaction."""
        with transaction.atomic():
            version_check(
                instance=self.instance, version=self.read_version, submitted=self.submitted_values()
            )
            return self.save(commit=commit)


class VersionConflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "edit_conflict"
    default_detail = "该记录在您读取之后已被他人修改。"

    def __init__(self, conflict: EditConflict):
        super().__init__(
            {
                "detail": conflict.messages[0],
                "version": conflict.current.version,
                "changes": [
                    {"field": name, "label": label, "yours": yours, "saved": saved}
                    for name, label, yours, saved in conflict.changes
                ],
            }
        )


class VersionedSerializerMixin(serializers.Serializer):
    """`version` in the API: read back on every record, required on every change.

    The version read can also come as `If-Match: "<version>"`. A stale version
    answers 409 with the Chinese message and the list of differing fields.
    """

    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="读取时的版本号；修改时必须带上（或用 If-Match 头），已被他人修改时返回 409。",
    )

    def get_field_names(self, declared_fields, info):
        names = list(super().get_field_names(declared_fields, info))  # type: ignore[misc]
        return names if VERSION_FIELD in names else [*names, VERSION_FIELD]

    def read_version(self) -> int:
        version = self.validated_data.get(VERSION_FIELD)
        request = self.context.get("request")
        header = request.headers.get("If-Match", "") if request is not None else ""
        if version is None and header:
            try:
                version = int(header.strip().removeprefix("W/").strip('"'))
            except ValueError:
                raise ApiValidationError({"version": ["If-Match 头须为读取时的版本号。"]}) from None
        if version is None:
            raise ApiValidationError(
                {"version": ["修改时须提供读取时的版本号 version（或 If-Match 头）。"]}
            )
        return version

    def check_version(self, instance, submitted: Mapping) -> None:
        try:
            version_check(instance=instance, version=self.read_version(), submitted=submitted)
        except EditConflict as conflict:
            raise VersionConflict(conflict) from None

    def create(self, validated_data):
        validated_data.pop(VERSION_FIELD, None)
        return super().create(validated_data)

    def update(self, instance, validated_data):
        validated_data.pop(VERSION_FIELD, None)
        with transaction.atomic():
            self.check_version(instance, validated_data)
            return super().update(instance, validated_data)


WAIT_FOR_FIRST_SECONDS = 15
CLAIMS_KEPT = timedelta(days=1)  # a page left open longer than this gets a fresh token on reload


class SubmitOnceMiddleware:
    """A POST whose `submit_token` was already used goes where the first POST went."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_form_post = request.method == "POST" and not request.path.startswith("/api/")
        token = request.POST.get(TOKEN_FIELD, "") if is_form_post else ""
        if not token or len(token) > 64:
            return self.get_response(request)
        user = (
            request.user
            if getattr(request, "user", None) and request.user.is_authenticated
            else None
        )
        try:
            with transaction.atomic():
                SubmissionClaim.objects.filter(created_at__lt=timezone.now() - CLAIMS_KEPT).delete()
                claim = SubmissionClaim.objects.create(token=token, user=user)
        except IntegrityError:
            return self._repeat(request, token) or self.get_response(request)
        try:
            response = self.get_response(request)
        except BaseException:
            SubmissionClaim.objects.filter(pk=claim.pk).delete()
            raise
        if isinstance(response, HttpResponseRedirect):
            claim.result_url = response["Location"][:500]
            claim.save(update_fields=["result_url"])
        else:  # the form came back with errors: the corrected form may be sent again
            SubmissionClaim.objects.filter(pk=claim.pk).delete()
        return response

    def _repeat(self, request, token):
        """Where the first POST led, once it has finished; None if it failed and left nothing."""
        deadline = time.monotonic() + WAIT_FOR_FIRST_SECONDS
        while time.monotonic() < deadline:
            claim = SubmissionClaim.objects.filter(token=token).first()
            if claim is None:
                return None
            if claim.result_url:
                messages.info(request, "该表单已提交过一次，未重复保存，这是第一次提交的结果。")
                return HttpResponseRedirect(claim.result_url)
            time.sleep(0.2)
        return None
