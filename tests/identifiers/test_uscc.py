"""统一社会信用代码 (GB 32100-2015): known codes, normalisation and the exact complaint."""

from __future__ import annotations

import pytest

from qaward.identifiers import IdentifierError, is_valid_uscc, uscc_check_char, uscc_region, validate_uscc

pytestmark = pytest.mark.unit

# Alphabet values: 0–9 are themselves; A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23
# Q24 R25 T26 U27 W28 X29 Y30. Weights: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
#
# 91220101MA0Y3K7L5? (市场监管 · 企业 · 长春市):
#   values   9 1 2  2  0  1  0  1  M21 A10 0  Y30 3  K19 7  L20 5
#   products 9 3 18 54 0  26 0  17 420 290 0  390 24 456 70 600 140 → Σ = 2517
#   2517 = 31·81 + 6 → check value (31 − 6) mod 31 = 25 → R
# Y1220104MAB7CD6E9? (Y 其他登记管理部门, letter-initial):
#   values   Y30 1 2  2  0  1  0  4  M21 A10 B11 7  C12 D13 6  E14 9
#   products 30  3 18 54 0  26 0  68 420 290 275 91 96  312 60 420 252 → Σ = 2415
#   2415 = 31·77 + 28 → check value 3 → 3
# N2220122MA0K8P1W3? (N 农业农村 · 村级集体经济组织, letter-initial):
#   values   N22 2 2  2  0  1  2  2  M21 A10 0  K19 8  P23 1  W28 3
#   products 22  6 18 54 0  26 32 34 420 290 0  247 64 552 10 840 84 → Σ = 2699
#   2699 = 31·87 + 2 → check value 29 → X
HAND_COMPUTED = ["91220101MA0Y3K7L5R", "Y1220104MAB7CD6E93", "N2220122MA0K8P1W3X"]
# The worked example printed in GB 32100-2015 (a Fuzhou enterprise).
STANDARD_EXAMPLE = "91350100M000100Y43"


@pytest.mark.parametrize("code", [*HAND_COMPUTED, STANDARD_EXAMPLE])
def test_known_codes_validate(code):
    assert validate_uscc(code) == code
    assert is_valid_uscc(code) is True
    assert uscc_check_char(code[:17]) == code[17]


def test_letter_initial_codes_are_valid():
    # python-stdnum 2.2 rejects these; GB 32100 allows a letter as registering-authority code.
    assert validate_uscc("Y1220104MAB7CD6E93").startswith("Y")
    assert validate_uscc("N2220122MA0K8P1W3X").startswith("N")


def test_normalises_case_spaces_and_full_width():
    assert validate_uscc("  91220101ma0y3k7l5r\n") == "91220101MA0Y3K7L5R"
    # Typed with a Chinese input method in full-width mode.
    assert validate_uscc("９１２２０１０１ＭＡ０Ｙ３Ｋ７Ｌ５Ｒ") == "91220101MA0Y3K7L5R"


def test_region_is_positions_three_to_eight():
    assert uscc_region("91220101MA0Y3K7L5R") == "220101"
    assert uscc_region("91350100M000100Y43") == "350100"


def complaint(code: str) -> IdentifierError:
    with pytest.raises(IdentifierError) as exc:
        validate_uscc(code)
    assert is_valid_uscc(code) is False
    return exc.value


@pytest.mark.parametrize(
    ("code", "length"), [("", 0), ("91220101MA0Y3K7L5", 17), ("91220101MA0Y3K7L5RR", 19)]
)
def test_wrong_length_says_the_length(code, length):
    error = complaint(code)
    assert error.code == "uscc_length"
    assert str(error) == f"统一社会信用代码应为18位，现在是{length}位。"


@pytest.mark.parametrize(("code", "position", "char"), [
    ("91220101MA0Y3K7LOR", 17, "O"),  # letter O where the digit 0 was meant
    ("9I220101MA0Y3K7L5R", 2, "I"),
    ("91220101MA0Y3S7L5R", 14, "S"),
    ("91220101MA0V3K7L5R", 12, "V"),
    ("Z1220101MA0Y3K7L5R", 1, "Z"),
    ("91220101MA-Y3K7L5R", 11, "-"),
    ("91220101MA Y3K7L5R", 11, "U+0020"),
])  # fmt: skip
def test_invalid_character_names_it_and_its_position(code, position, char):
    error = complaint(code)
    assert error.code == "uscc_character"
    assert error.params == {"position": position, "char": char}
    assert f"第{position}位“{char}”" in str(error)
    assert "I、O、S、V、Z" in str(error)


def test_wrong_check_character_says_what_it_should_be():
    error = complaint("91220101MA0Y3K7L5Q")
    assert error.code == "uscc_check"
    assert error.params == {"given": "Q", "expected": "R"}
    assert str(error) == (
        "统一社会信用代码的校验码（第18位）不对：填的是“Q”，按前17位计算应为“R”。请核对是否有抄错的字符。"
    )


def test_a_typo_in_the_body_is_caught_by_the_check():
    # One digit of the region changed: 220101 → 220102.
    error = complaint("91220102MA0Y3K7L5R")
    assert error.code == "uscc_check"
    assert error.params["given"] == "R"
    assert error.params["expected"] != "R"


def test_check_char_needs_seventeen_alphabet_characters():
    with pytest.raises(ValueError, match="17"):
        uscc_check_char("9122")
    with pytest.raises(ValueError, match="USCC character"):
        uscc_check_char("91220101MA0Y3K7LO")
