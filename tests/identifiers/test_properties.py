"""Properties of the check characters and of masking, over generated identifiers.

Why every single substitution and every adjacent transposition is detected:

- USCC (mod 31, 31 prime). Valid means Σ value·weight + check ≡ 0 (mod 31). Weights are
  3^(i-1) mod 31, none is 0. A substitution at position i ≤ 17 changes Σ by d·wᵢ with
  0 < |d| < 31, never ≡ 0; at position 18 the check itself changes. Swapping positions i, i+1 ≤ 17
  with values a ≠ b changes Σ by (a−b)(wᵢ−wᵢ₊₁) = −2(a−b)wᵢ ≢ 0. Swapping 17 and 18 (a, check c)
  stays valid only if 28a + c ≡ 28c + a, i.e. 27(a−c) ≡ 0, i.e. a = c.
- 公民身份号码 (ISO 7064 MOD 11-2, 11 prime). Valid means Σ digit·weight + c ≡ 1 (mod 11)
  with X = 10. Weights are 2^(18-i) mod 11, none is 0, and digits differ by at most 9 < 11, so
  substitutions change Σ. Adjacent positions i, i+1 ≤ 17 have wᵢ = 2wᵢ₊₁, so a swap changes Σ by
  (a−b)wᵢ₊₁ ≢ 0. Swapping 17 and 18: X cannot stand at position 17; for a digit check c,
  2a + c ≡ 2c + a only when a = c. A change can also be caught earlier (a non-date, X in the
  body), which still counts as detected.
So the claim holds for both without exceptions; the properties below would find a counterexample.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qaward.identifiers import (
    IdentifierError,
    is_valid_resident_id,
    is_valid_uscc,
    mask_middle,
    mask_name,
    mask_phone,
    mask_resident_id,
    resident_id_check_char,
    uscc_check_char,
    validate_resident_id,
    validate_uscc,
)
from qaward.identifiers.uscc import ALPHABET

pytestmark = pytest.mark.unit

TODAY = date(2026, 3, 1)
DIGITS = "0123456789"


@st.composite
def usccs(draw) -> str:
    first17 = draw(st.text(alphabet=ALPHABET, min_size=17, max_size=17))
    return first17 + uscc_check_char(first17)


@st.composite
def resident_ids(draw) -> str:
    region = draw(st.text(alphabet=DIGITS, min_size=6, max_size=6))
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    sequence = draw(st.text(alphabet=DIGITS, min_size=3, max_size=3))
    first17 = f"{region}{birth:%Y%m%d}{sequence}"
    return first17 + resident_id_check_char(first17)


def substituted(draw, value: str, alphabet: str) -> str:
    position = draw(st.integers(0, len(value) - 1))
    char = draw(st.sampled_from(alphabet).filter(lambda c: c != value[position]))
    return value[:position] + char + value[position + 1 :]


def transposed(draw, value: str) -> str:
    candidates = [i for i in range(len(value) - 1) if value[i] != value[i + 1]]
    i = draw(st.sampled_from(candidates))
    return value[:i] + value[i + 1] + value[i] + value[i + 2 :]


@given(usccs())
def test_generated_usccs_validate(code):
    assert validate_uscc(code) == code
    assert validate_uscc(code.lower()) == code


@given(st.data(), usccs())
def test_uscc_detects_every_single_substitution(data, code):
    changed = substituted(data.draw, code, ALPHABET)
    assert not is_valid_uscc(changed)


@given(st.data(), usccs().filter(lambda c: len(set(c)) > 1))
def test_uscc_detects_every_adjacent_transposition(data, code):
    changed = transposed(data.draw, code)
    assert changed != code
    assert not is_valid_uscc(changed)


@given(resident_ids())
def test_generated_resident_ids_validate(number):
    assert validate_resident_id(number, today=TODAY) == number
    assert validate_resident_id(number.lower(), today=TODAY) == number


@given(st.data(), resident_ids())
def test_resident_id_detects_every_single_substitution(data, number):
    changed = substituted(data.draw, number, DIGITS + "X")
    with pytest.raises(IdentifierError):
        validate_resident_id(changed, today=TODAY)


@given(st.data(), resident_ids())
def test_resident_id_detects_every_adjacent_transposition(data, number):
    changed = transposed(data.draw, number)
    assert not is_valid_resident_id(changed, today=TODAY)


def test_exhaustively_for_one_uscc_and_one_resident_id():
    # The proofs in the module docstring, checked for every position and character of two codes.
    code = "91220101MA0Y3K7L5R"
    for i in range(18):
        for char in ALPHABET.replace(code[i], ""):
            assert not is_valid_uscc(code[:i] + char + code[i + 1 :])
        if i < 17 and code[i] != code[i + 1]:
            assert not is_valid_uscc(code[:i] + code[i + 1] + code[i] + code[i + 2 :])
    number = "11010519491231002X"
    for i in range(18):
        for char in (DIGITS + "X").replace(number[i], ""):
            assert not is_valid_resident_id(number[:i] + char + number[i + 1 :], today=TODAY)


def revealed(original: str, masked: str) -> list[int]:
    return [i for i, (a, b) in enumerate(zip(original, masked, strict=True)) if b != "*" or a == "*"]


@given(st.text(alphabet=st.characters(exclude_characters="*")), st.integers(0, 10), st.integers(0, 10))
def test_mask_middle_keeps_length_and_reveals_only_the_kept_ends(text, keep_start, keep_end):
    masked = mask_middle(text, keep_start, keep_end)
    assert len(masked) == len(text)
    shown = revealed(text, masked)
    allowed = set(range(keep_start)) | set(range(len(text) - keep_end, len(text)))
    assert set(shown) <= allowed
    if text:
        assert len(shown) < len(text)  # something always stays hidden
    if keep_start + keep_end >= len(text):
        assert len(shown) <= len(text) // 2
    for i in shown:
        assert masked[i] == text[i]


@given(resident_ids())
def test_masked_resident_id_shows_four_and_four(number):
    masked = mask_resident_id(number)
    assert len(masked) == 18
    assert masked == number[:4] + "*" * 10 + number[-4:]


@given(st.text(alphabet=DIGITS, min_size=11, max_size=11))
def test_masked_phone_hides_the_middle_four(phone):
    assert mask_phone(phone) == phone[:3] + "****" + phone[-4:]


@given(st.text(alphabet=st.characters(categories=["Lo"]), min_size=1, max_size=8))
def test_masked_name_shows_at_most_surname_and_last_character(name):
    masked = mask_name(name)
    assert len(masked) == len(name)
    assert len(revealed(name, masked)) <= min(2, len(name) - 1)
