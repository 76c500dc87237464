from django import forms

from fazhi.attachments.validation import ALLOWED_DESCRIPTION, validate_upload


class AttachmentFormField(forms.FileField):
    """A file input checked by content; the form's clean gets the file back."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", f"可上传{ALLOWED_DESCRIPTION}。")
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            label = str(self.label or "附件")
            try:
                validate_upload(upload, field_label=label)
            except forms.ValidationError as error:
                # The form shows each error under its field as "label：message";
                # the validator's own "label：" prefix would say the label twice.
                raise forms.ValidationError(
                    [message.removeprefix(f"{label}：") for message in error.messages],
                    code=error.error_list[0].code,
                ) from None
        return upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleAttachmentField(AttachmentFormField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data]
        cleaned = [
            super(MultipleAttachmentField, self).clean(item, initial) for item in uploads if item
        ]
        if self.required and not cleaned:
            raise forms.ValidationError("请选择文件。", code="required")
        return cleaned
