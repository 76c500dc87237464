from django import forms

from fazhi.notices.kinds import all_kinds


class PreferenceForm(forms.Form):
    email_kinds = forms.MultipleChoiceField(
        label="以下消息同时发送到我的邮箱",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="所有消息都会留在消息中心；勾选的类别另外发送邮件（需账号登记了邮箱）。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email_kinds"].choices = [(kind.code, kind.label) for kind in all_kinds()]
