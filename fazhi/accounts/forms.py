from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.password_validation import validate_password

from fazhi.accounts.models import User


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确，请重新输入（连续输错5次将锁定账号30分钟）。",
        "inactive": "该账号已停用，请联系系统管理员。",
    }


class UserForm(forms.ModelForm):
    """A system administrator creates or edits an account and its scope."""

    password = forms.CharField(
        label="初始密码",
        widget=forms.PasswordInput,
        required=False,
        help_text="至少8位，包含小写字母、大写字母、数字、符号中的三类。修改账号时留空表示不改密码。",
    )

    class Meta:
        model = User
        fields = ["username", "full_name", "role", "region", "organisation", "phone", "is_active"]
        help_texts = {
            "username": "登录时输入，可用字母、数字和 @ . + - _，不超过150个字符。",
            "is_active": "取消勾选即停用账号：不能再登录，已有记录保留。",
        }

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        if actor is not None and self.instance.pk == actor.pk:
            for name in ("role", "region", "organisation", "is_active"):
                self.fields[name].disabled = True
                self.fields[name].help_text = "不能修改自己的角色、管辖范围或启用状态。"
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.select_related(
            "region"
        )
        self.fields["role"].required = not self.fields["role"].disabled
        if self.instance.pk is None:
            self.fields["password"].required = True
        else:
            self.fields["password"].label = "重置密码"
            self.fields[
                "password"
            ].help_text = (
                "留空表示不改密码。重置后，该账号下次登录须先修改密码，其API令牌全部吊销。"
            )
        self.fields[
            "role"
        ].help_text = "角色、管辖区划或所属组织的变更须经县级管理员（或审计员）审批后生效。"

    def clean_password(self):
        password = self.cleaned_data.get("password")
        if password:
            validate_password(password, self.instance)
        return password


PASSWORD_RULE = (
    "至少8位，包含小写字母、大写字母、数字、符号中的三类；不能是常见密码，不能与账号或姓名相近。"
)


class PasswordForm(PasswordChangeForm):
    """Django's form with help texts written for a town officer."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].help_text = "为确认是您本人，请先输入现在使用的密码。"
        self.fields["new_password1"].help_text = PASSWORD_RULE
        self.fields["new_password2"].help_text = "再输入一次新密码，两次须一致。"


class RegionSwitchForm(forms.Form):
    region = forms.CharField(label="查看范围", max_length=12, required=False)


class GrantDecisionForm(forms.Form):
    note = forms.CharField(label="审批意见", max_length=200, required=False)


class TokenForm(forms.Form):
    name = forms.CharField(
        label="令牌名称", max_length=60, help_text="写明用途，例如“县平台数据对接”。"
    )
