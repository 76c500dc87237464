import string

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
