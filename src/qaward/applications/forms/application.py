"""The application form (申报表), built from the rulebook's form spec.

Drafts keep what was typed (``Application.form_data`` holds the raw strings), so a value that
does not validate is never lost: the form is re-bound to it and shows the field's Chinese error.
``strict=False`` (saving a draft) checks only the values given; ``strict=True`` (the self-check)
also reports what is still missing.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.core.validators import RegexValidator

from qaward.applications.spec.form import FieldSpec, form_fields

PHONE = RegexValidator(r"^[0-9][0-9\- ]{6,19}$", "请填写有效的电话号码，如 0431-85551234 或 13904310000。")
YESNO = [("", "请选择"), ("yes", "是"), ("no", "否")]
LEVELS = [("", "请选择"), ("1", "一级"), ("2", "二级"), ("3", "三级"), ("none", "未取得")]
OCCURRED = [("", "请选择"), ("none", "没有"), ("some", "有（在下方逐行填写发生日期）")]
DATES_SUFFIX = "__dates"
_DATE_SPLIT = re.compile(r"[\s,，、；;]+")


def _field_for(spec: FieldSpec, strict: bool) -> forms.Field:
    required = spec.required and strict
    common = {"label": spec.label, "required": required, "help_text": spec.help}
    if spec.kind in ("text", "phone"):
        validators = [PHONE] if spec.kind == "phone" else []
        return forms.CharField(max_length=spec.max_length, validators=validators, **common)
    if spec.kind == "textarea":
        return forms.CharField(max_length=spec.max_length, widget=forms.Textarea(attrs={"rows": 4}), **common)
    if spec.kind == "int":
        return forms.IntegerField(min_value=0, max_value=10_000_000, **common)
    if spec.kind == "decimal":
        return forms.DecimalField(min_value=0, max_digits=14, decimal_places=2, **common)
    if spec.kind == "yesno":
        return forms.ChoiceField(choices=YESNO, **common)
    if spec.kind == "level":
        return forms.ChoiceField(choices=LEVELS, **common)
    if spec.kind == "dates":
        return forms.ChoiceField(choices=OCCURRED, **common)
    raise ValueError(f"unknown field kind {spec.kind!r}")


def parse_dates(text: str) -> list[dt.date]:
    dates = []
    for token in _DATE_SPLIT.split(text.strip()):
        if not token:
            continue
        try:
            dates.append(dt.date.fromisoformat(token))
        except ValueError:
            raise forms.ValidationError(f"“{token}”不是有效日期，请写成 2024-05-31 的形式。") from None
    return dates


class ApplicationForm(forms.Form):
    def __init__(self, specs: list[FieldSpec], *args, strict: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.specs = specs
        for spec in specs:
            self.fields[spec.name] = _field_for(spec, strict)
            if spec.kind == "dates":
                self.fields[spec.name + DATES_SUFFIX] = forms.CharField(
                    label="发生日期（每行一个）",
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 2, "placeholder": "2024-05-31"}),
                )

    def clean(self):
        data = super().clean()
        for spec in self.specs:
            if spec.kind != "dates":
                continue
            key = spec.name + DATES_SUFFIX
            text = data.get(key) or ""
            try:
                dates = parse_dates(text)
            except forms.ValidationError as error:
                self.add_error(key, error)
                continue
            data[key] = dates
            if data.get(spec.name) == "some" and not dates:
                self.add_error(key, "选择了“有”，请填写发生日期。")
            elif data.get(spec.name) == "none" and dates:
                self.add_error(spec.name, "选择了“没有”，但下方填写了日期；请改为“有”或删去日期。")
        return data

    @property
    def general_fields(self) -> list:
        return self.section("general")

    @property
    def fact_fields(self) -> list:
        return self.section("facts")

    def section(self, name: str) -> list:
        """Bound fields of one section (general / facts), dates detail after its choice."""
        bound = []
        for spec in self.specs:
            if spec.section == name:
                bound.append(self[spec.name])
                if spec.kind == "dates":
                    bound.append(self[spec.name + DATES_SUFFIX])
        return bound


def field_names(specs: list[FieldSpec]) -> list[str]:
    names = []
    for spec in specs:
        names.append(spec.name)
        if spec.kind == "dates":
            names.append(spec.name + DATES_SUFFIX)
    return names


def build_form(book, kind: str, data: dict | None, *, strict: bool = False) -> ApplicationForm:
    specs = form_fields(book, kind)
    return ApplicationForm(specs, data if data is not None else None, strict=strict)


def _fact_value(spec: FieldSpec, cleaned: dict):
    value = cleaned.get(spec.name)
    if value in (None, ""):
        return None
    if spec.kind == "yesno":
        return value == "yes"
    if spec.kind == "level":
        from qaward.applications.domain.facts import NO_SAFETY_GRADE

        return NO_SAFETY_GRADE if value == "none" else int(value)
    if spec.kind == "dates":
        if value == "none":
            return []
        return [d.isoformat() for d in cleaned.get(spec.name + DATES_SUFFIX) or []] or None
    if isinstance(value, Decimal):
        return float(value)
    return value


def declared_facts(book, kind: str, form_data: dict) -> dict:
    """The facts a draft's form declares, from the values that validate (others are left out,
    so the engine reports them as not yet given)."""
    form = build_form(book, kind, form_data or {}, strict=False)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    facts = {}
    for spec in form.specs:
        if spec.fact is None or spec.name in form.errors:
            continue
        if spec.kind == "dates" and spec.name + DATES_SUFFIX in form.errors:
            continue
        value = _fact_value(spec, cleaned)
        if value is not None:
            facts[spec.fact] = value
    return facts
