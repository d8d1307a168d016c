"""Password policy of 等保 level 3: ≥ 8 characters from at least three of four classes, not a common
password; long passphrases accepted. Checked through the configured validators (settings), so
removing a validator from AUTH_PASSWORD_VALIDATORS fails these tests."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from qaward.accounts.security.passwords import DIGIT, LOWER, OTHER, UPPER, character_classes

pytestmark = pytest.mark.unit


def error_codes(password: str, user=None) -> set[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return {e.code for e in error.error_list}
    return set()


def messages(password: str) -> list[str]:
    with translation.override("zh-hans"):
        try:
            validate_password(password)
        except ValidationError as error:
            return [str(m) for m in error.messages]
    return []


@pytest.mark.parametrize(
    "password",
    [
        "Qawx7mlp",  # 8 characters: lower, upper, digit
        "qawx7ml!",  # lower, digit, symbol
        "QAWX-MLP8",  # upper, symbol, digit
        "质量奖wxmlp7",  # Chinese characters count as the fourth class
    ],
)
def test_eight_characters_of_three_classes_pass(password):
    assert error_codes(password) == set()


@pytest.mark.parametrize("password", ["qawxmlp7z", "QAWXMLPZK", "qawx!mlp?", "质量奖评审管理系统"])
def test_two_classes_or_fewer_fail_with_a_chinese_message(password):
    assert error_codes(password) == {"password_too_few_classes"}
    assert any("四类字符中的至少 3 类" in m for m in messages(password)), messages(password)


def test_seven_characters_are_too_short():
    assert error_codes("Qa7!mlp") == {"password_too_short"}
    assert any("至少" in m and "8" in m for m in messages("Qa7!mlp"))


@pytest.mark.parametrize("password", ["P@ssw0rd", "Aa123456", "1qaz@WSX"])
def test_common_passwords_fail_even_with_three_classes(password):
    assert len(character_classes(password)) >= 3
    assert error_codes(password) == {"password_too_common"}


@pytest.mark.django_db
def test_password_like_the_username_fails():
    user = get_user_model()(username="wangxiaomei", email="wxm@example.gov.cn")
    assert "password_too_similar" in error_codes("Wangxiaomei1", user)


@pytest.mark.parametrize("length", [64, 128, 300])
def test_long_passphrases_are_accepted(length):
    phrase = ("Larch tundra 6184 吉林 " * 40)[:length]
    assert len(phrase) == length
    assert error_codes(phrase) == set()


@pytest.mark.django_db
def test_a_128_character_passphrase_logs_in(client):
    phrase = ("correct Horse battery staple 42 " * 4)[:128]
    get_user_model().objects.create_user(username="zhang", password=phrase)
    response = client.post("/accounts/login/", {"username": "zhang", "password": phrase})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


@given(
    st.text(alphabet="abc", min_size=1, max_size=5),
    st.text(alphabet="ABC", max_size=5),
    st.text(alphabet="123", max_size=5),
    st.text(alphabet="!-中", max_size=5),
)
def test_character_classes_counts_each_kind_once(lower, upper, digits, other):
    expected = {LOWER} | ({UPPER} if upper else set()) | ({DIGIT} if digits else set())
    expected |= {OTHER} if other else set()
    assert character_classes(lower + upper + digits + other) == expected
