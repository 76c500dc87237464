import re
from datetime import date

from django.core.exceptions import ValidationError

# GB 11643-1999: weights of the first 17 digits and the check character for
# each remainder mod 11.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ID_SHAPE = re.compile(r"^\d{17}[\dX]$")
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


def id_check_character(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def validate_id_number(value: str) -> None:
    """A citizen ID number (公民身份号码) by GB 11643: shape, birth date, check digit."""
    number = (value or "").strip().upper()
    if not _ID_SHAPE.match(number):
        raise ValidationError("身份证号码应为18位，前17位为数字，末位为数字或X。", code="id_shape")
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError("身份证号码中的出生日期不存在。", code="id_birth_date") from None
    if id_check_character(number[:17]) != number[17]:
        raise ValidationError("身份证号码校验位不正确，请核对后重新输入。", code="id_check_digit")


def validate_phone(value: str) -> None:
    """A mainland mobile number (11 digits) or a landline with its area code."""
    if not _PHONE.match((value or "").strip()):
        raise ValidationError(
            "电话号码格式不正确：手机号应为1开头的11位数字，固定电话应带区号（如023-73331234）。",
            code="phone",
        )
