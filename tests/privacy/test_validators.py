"""Validators and form fields: field-level Chinese messages, the same texts as the pure package."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from qaward.identifiers import resident_id, uscc
from qaward.privacy.forms import ResidentIDField, USCCField
from qaward.privacy.models import PersonIdentity
from qaward.privacy.validators import MESSAGES, validate_resident_id, validate_uscc

from .conftest import ID_NUMBER

SAMPLE_PARAMS = {
    "length": 17,
    "position": 5,
    "char": "O",
    "given": "4",
    "expected": "X",
    "date": "1990-02-30",
}


@pytest.mark.unit
def test_every_pure_error_has_a_django_message():
    assert set(MESSAGES) == set(uscc.MESSAGES) | set(resident_id.MESSAGES)


@pytest.mark.unit
@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_the_chinese_translation_is_the_pure_text(code):
    pure = {**uscc.MESSAGES, **resident_id.MESSAGES}[code]
    with translation.override("zh-hans"):
        assert str(MESSAGES[code]) % SAMPLE_PARAMS == pure % SAMPLE_PARAMS
    with translation.override("en"):
        english = str(MESSAGES[code]) % SAMPLE_PARAMS
    assert english != pure % SAMPLE_PARAMS  # an English-speaking user gets English


def messages_of(validator, value: str, language: str = "zh-hans") -> list[str]:
    with translation.override(language):
        with pytest.raises(ValidationError) as exc:
            validator(value)
        # ValidationError messages are lazy: read them in the language being tested.
        return exc.value.messages


@pytest.mark.unit
def test_validator_messages_are_chinese():
    assert messages_of(validate_uscc, "91220101MA0Y3K7L5Q") == [
        "统一社会信用代码的校验码（第18位）不对：填的是“Q”，按前17位计算应为“R”。请核对是否有抄错的字符。"
    ]
    assert messages_of(validate_resident_id, "2201021990O3071235") == ["公民身份号码第11位“O”不是数字。"]
    assert messages_of(validate_resident_id, "22010219900307123") == ["公民身份号码应为18位，现在是17位。"]
    assert messages_of(validate_uscc, "91220101MA0Y3K7L5", "en") == [
        "A unified social credit code has 18 characters; this one has 17."
    ]


@pytest.mark.unit
def test_valid_values_pass():
    validate_uscc("Y1220104MAB7CD6E93")
    validate_resident_id(ID_NUMBER)


class OrganisationForm(forms.Form):
    credit_code = USCCField(label="统一社会信用代码")
    id_number = ResidentIDField(label="负责人身份证号", required=False)


@pytest.mark.unit
def test_form_fields_normalise():
    form = OrganisationForm(
        {"credit_code": " ９１２２０１０１ma0y3k7l5r ", "id_number": "11010519491231002x"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"credit_code": "91220101MA0Y3K7L5R", "id_number": ID_NUMBER}


@pytest.mark.unit
def test_form_errors_are_field_level_and_chinese():
    with translation.override("zh-hans"):
        form = OrganisationForm({"credit_code": "91220101MA0Y3K7LOR", "id_number": "11010519491231002"})
        assert not form.is_valid()
        assert form.errors["credit_code"] == [
            "统一社会信用代码第17位“O”不是允许的字符：只能用数字0–9和除I、O、S、V、Z以外的大写字母。"
        ]
        assert form.errors["id_number"] == ["公民身份号码应为18位，现在是17位。"]
        assert not form.non_field_errors()


@pytest.mark.unit
def test_widget_does_not_cut_off_pasted_input():
    html = str(OrganisationForm()["credit_code"])
    assert 'autocomplete="off"' in html
    assert "maxlength" not in html


@pytest.mark.integration
def test_model_validation_uses_the_same_message():
    person = PersonIdentity(name="张三", id_number="220102199003071234")
    with translation.override("zh-hans"), pytest.raises(ValidationError) as exc:
        person.full_clean()
    assert exc.value.message_dict["id_number"] == [
        "公民身份号码的校验码（第18位）不对：填的是“4”，按前17位计算应为“5”。请核对是否有抄错的数字。"
    ]
