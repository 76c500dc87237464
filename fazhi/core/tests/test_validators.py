"""The kernel's input validators on their own."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.validators import (
    CountLimitValidator,
    DateWindowValidator,
    NoControlCharactersValidator,
    YearWindowValidator,
)


@pytest.mark.parametrize(
    "text",
    [
        "\x00",
        "\x07",
        "\x0b",
        "\x1f",
        "\x7f",
        "\x85",
        "\x9f",
        "\ud800",
        "\udfff",
        "\ufffe",
        "\uffff",
    ],
)
def test_it_refuses_each_kind_of_forbidden_character(text):
    with pytest.raises(ValidationError, match="「标题」含有不允许的控制字符"):
        NoControlCharactersValidator(label="标题")(f"普法{text}讲座")


def test_it_keeps_ordinary_chinese_text_with_line_breaks():
    NoControlCharactersValidator(label="标题")("黄水镇\t宪法日\r\n普法‹讲座›&“问答”")


def test_the_window_ends_on_31_december_of_next_year():
    window = DateWindowValidator(label="受理日期")
    window(date(date.today().year + 1, 12, 31))
    with pytest.raises(ValidationError):
        window(date(date.today().year + 2, 1, 1))


def test_the_window_starts_in_1990():
    window = DateWindowValidator(label="受理日期")
    window(date(1990, 1, 1))
    with pytest.raises(ValidationError, match="「受理日期」应在 1990-01-01 至"):
        window(date(1989, 12, 31))


def test_the_window_accepts_datetimes():
    window = DateWindowValidator(label="上传时间")
    window(datetime(2020, 6, 1, 8, tzinfo=UTC))
    with pytest.raises(ValidationError):
        window(datetime(2150, 6, 1, 8, tzinfo=UTC))


def test_a_year_outside_its_window_is_refused():
    with pytest.raises(ValidationError, match="「年度」应在 1990 至"):
        YearWindowValidator(label="年度")(0)
    YearWindowValidator(label="年度")(2020)


def test_a_count_beyond_its_limit_is_refused_naming_the_field():
    with pytest.raises(ValidationError, match="「涉及人数」不能超过 100000"):
        CountLimitValidator(100_000, label="涉及人数")(100_001)
    CountLimitValidator(100_000, label="涉及人数")(100_000)
