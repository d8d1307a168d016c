"""Masking keeps the length and shows only the kept characters."""

from __future__ import annotations

import pytest

from qaward.identifiers import mask_middle, mask_name, mask_phone, mask_resident_id

pytestmark = pytest.mark.unit


def test_resident_id_keeps_first_four_and_last_four():
    assert mask_resident_id("220102199003071234") == "2201**********1234"
    assert mask_resident_id("11010519491231002X") == "1101**********002X"


def test_phone_keeps_first_three_and_last_four():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0431-88886666") == "043******6666"


@pytest.mark.parametrize(("name", "masked"), [
    ("张三丰", "张*丰"),
    ("张三", "张*"),
    ("欧阳娜娜", "欧**娜"),
    ("阿卜杜拉·艾买提", "阿******提"),
    ("张", "*"),
    ("", ""),
])  # fmt: skip
def test_names_for_publicity(name, masked):
    assert mask_name(name) == masked


def test_short_texts_show_at_most_half():
    assert mask_middle("12345678", 4, 4) == "12****78"
    assert mask_middle("123456789", 4, 4) == "1234*6789"  # long enough for what was asked
    assert mask_middle("1234", 4, 4) == "1**4"
    assert mask_middle("123", 4, 4) == "1**"
    assert mask_middle("1", 4, 4) == "*"
    assert mask_middle("", 4, 4) == ""
    assert mask_middle("1234", 4, 0) == "12**"
    assert mask_resident_id("22010219") == "22****19"


def test_mask_middle_rejects_nonsense_arguments():
    with pytest.raises(ValueError):
        mask_middle("abc", -1, 0)
    with pytest.raises(ValueError):
        mask_middle("abc", 1, 1, mask="**")
