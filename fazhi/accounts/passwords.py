import string

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

_CLASSES = (
    ("小写字母", set(string.ascii_lowercase)),
    ("大写字母", set(string.ascii_uppercase)),
    ("数字", set(string.digits)),
    ("符号", set(string.punctuation)),
)


class CharacterClassValidator:
    """At least three of: lower case, upper case, digits, symbols."""

    required = 3

    def validate(self, password, user=None):
        present = sum(1 for _, chars in _CLASSES if chars & set(password))
        if present < self.required:
            raise ValidationError(
                "密码须至少包含小写字母、大写字母、数字、符号中的三类。", code="password_classes"
            )

    def get_help_text(self):
        return "密码须至少包含小写字母、大写字母、数字、符号中的三类。"


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return f"密码太短：至少需要{self.min_length}个字符。"

    def get_help_text(self):
        return f"密码至少需要{self.min_length}个字符。"


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return "密码过于常见，容易被猜中，请换一个。"

    def get_help_text(self):
        return "不能使用常见密码。"


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError:
            raise ValidationError(
                "密码与账号的用户名或姓名过于相似。", code="password_too_similar"
            ) from None

    def get_help_text(self):
        return "密码不能与用户名或姓名相似。"
