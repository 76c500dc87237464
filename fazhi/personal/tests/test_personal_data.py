import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from fazhi.personal import mask_id_number, mask_phone, validate_id_number, validate_phone
from fazhi.personal.validators import id_check_character

VALID_ID = "11010519491231002X"  # the GB 11643 worked example


def test_it_accepts_a_number_with_the_right_check_character():
    validate_id_number(VALID_ID)
    validate_id_number(VALID_ID.lower())


def test_it_computes_the_check_character_by_gb_11643():
    assert id_check_character("11010519491231002") == "X"


def test_it_rejects_a_wrong_check_digit_in_chinese():
    with pytest.raises(ValidationError) as error:
        validate_id_number("110105194912310021")
    assert "校验位不正确" in error.value.messages[0]


@pytest.mark.parametrize("value", ["12345", "11010519491331002X", "1101051949123100AX"])
def test_it_rejects_bad_shapes_and_impossible_birth_dates(value):
    with pytest.raises(ValidationError):
        validate_id_number(value)


def test_it_masks_an_id_number_keeping_four_and_four():
    assert mask_id_number("500240199001011234") == "5002**********1234"


def test_it_masks_a_phone():
    assert mask_phone("13812345678") == "138****5678"


@pytest.mark.parametrize("value", ["13812345678", "023-73331234"])
def test_it_accepts_mobile_and_landline_numbers(value):
    validate_phone(value)


def test_it_rejects_a_short_phone_with_a_chinese_reason():
    with pytest.raises(ValidationError) as error:
        validate_phone("12345")
    assert "电话号码格式不正确" in error.value.messages[0]


def test_phones_are_encrypted_at_rest(cast):
    cast.officer.phone = "13812345678"
    cast.officer.save()
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM accounts_user WHERE id = %s", [cast.officer.pk])
        stored = cursor.fetchone()[0]
    assert "13812345678" not in stored
    assert stored.startswith("enc1:")
    cast.officer.refresh_from_db()
    assert cast.officer.phone == "13812345678"
