"""公民身份号码 (GB 11643-1999): checksum, birth date, sex and the exact complaint."""

from __future__ import annotations

from datetime import date

import pytest

from qaward.identifiers import (
    IdentifierError,
    Sex,
    is_valid_resident_id,
    resident_id_birth_date,
    resident_id_check_char,
    resident_id_region,
    resident_id_sex,
    validate_resident_id,
)

pytestmark = pytest.mark.unit

# The worked example of GB 11643-1999 (check X):
#   digits   1  1 0  1 0 5 1 9 4 9 1 2  3  1 0 0 2
#   weights  7  9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
#   products 7  9 0  5 0 20 2 9 24 27 7 18 30 5 0 0 4 → Σ = 167, 167 mod 11 = 2 → "10X…"[2] = X
STANDARD_EXAMPLE = "11010519491231002X"
# Made-up numbers: Σ for 22010219900307123 is 194, 194 mod 11 = 7 → "10X98765432"[7] = 5
# (male: 17th digit 3); Σ for 22010219900307124 is 196, 196 mod 11 = 9 → 3 (female: digit 4).
MALE = "220102199003071235"
FEMALE = "220102199003071243"
TODAY = date(2026, 3, 1)


@pytest.mark.parametrize("number", [STANDARD_EXAMPLE, MALE, FEMALE])
def test_known_numbers_validate(number):
    assert validate_resident_id(number, today=TODAY) == number
    assert is_valid_resident_id(number, today=TODAY) is True


def test_lower_case_x_and_full_width_are_normalised():
    assert validate_resident_id(" 11010519491231002x ", today=TODAY) == STANDARD_EXAMPLE
    assert validate_resident_id("１１０１０５１９４９１２３１００２Ｘ", today=TODAY) == STANDARD_EXAMPLE


def test_check_char_matches_the_standard_table():
    assert resident_id_check_char("11010519491231002") == "X"
    assert resident_id_check_char("22010219900307123") == "5"


def test_birth_date_sex_and_region():
    assert resident_id_birth_date(STANDARD_EXAMPLE, today=TODAY) == date(1949, 12, 31)
    assert resident_id_sex(STANDARD_EXAMPLE, today=TODAY) is Sex.FEMALE  # 17th digit 2
    assert resident_id_sex(MALE, today=TODAY) is Sex.MALE  # 17th digit 3
    assert resident_id_sex(FEMALE, today=TODAY) is Sex.FEMALE  # 17th digit 4
    assert resident_id_region(MALE, today=TODAY) == "220102"


def test_unknown_region_codes_are_not_rejected():
    # 99xxxx is in no GB/T 2260 table; the number is still checked only by date and checksum.
    first17 = "99990119800101001"
    number = first17 + resident_id_check_char(first17)
    assert validate_resident_id(number, today=TODAY) == number


def complaint(number: str, today: date = TODAY) -> IdentifierError:
    with pytest.raises(IdentifierError) as exc:
        validate_resident_id(number, today=today)
    assert is_valid_resident_id(number, today=today) is False
    return exc.value


@pytest.mark.parametrize(("number", "length"), [("", 0), ("2201021990030712", 16), (MALE + "1", 19)])
def test_wrong_length(number, length):
    error = complaint(number)
    assert error.code == "resident_id_length"
    assert str(error) == f"公民身份号码应为18位，现在是{length}位。"


def test_old_fifteen_digit_numbers_get_their_own_message():
    error = complaint("220102900307123")
    assert error.code == "resident_id_legacy"
    assert "15位" in str(error) and "18位" in str(error)


def test_non_digit_names_its_position():
    error = complaint("2201021990O3071235")  # letter O at position 11
    assert error.code == "resident_id_character"
    assert str(error) == "公民身份号码第11位“O”不是数字。"
    error = complaint("22010219900307X235")
    assert error.params == {"position": 15, "char": "X"}


def test_check_position_allows_only_digit_or_x():
    error = complaint("22010219900307123Y")
    assert error.code == "resident_id_check_character"
    assert str(error) == "公民身份号码第18位（校验码）只能是数字或X，现在是“Y”。"


@pytest.mark.parametrize(("first17", "code", "shown"), [
    ("22010219900230123", "resident_id_birth_date", "1990-02-30"),
    ("22010219901301123", "resident_id_birth_date", "1990-13-01"),
    ("22010219000229123", "resident_id_birth_date", "1900-02-29"),  # 1900 was not a leap year
    ("22010220260302123", "resident_id_birth_future", "2026-03-02"),  # the day after TODAY
    ("22010218991231123", "resident_id_birth_too_early", "1899-12-31"),
])  # fmt: skip
def test_birth_date_must_be_real_past_and_after_1900(first17, code, shown):
    # A correct check character, so only the date can be what is wrong.
    error = complaint(first17 + resident_id_check_char(first17))
    assert error.code == code
    assert error.params == {"date": shown}
    assert shown in str(error)


def test_edge_dates_are_accepted():
    for first17 in ("22010219000101123", "22010220260301123", "22010220000229123"):
        number = first17 + resident_id_check_char(first17)
        assert validate_resident_id(number, today=TODAY) == number


def test_wrong_check_says_what_it_should_be():
    error = complaint("220102199003071234")  # the masking example: its check should be 5
    assert error.code == "resident_id_check"
    assert error.params == {"given": "4", "expected": "5"}
    assert str(error) == (
        "公民身份号码的校验码（第18位）不对：填的是“4”，按前17位计算应为“5”。请核对是否有抄错的数字。"
    )
