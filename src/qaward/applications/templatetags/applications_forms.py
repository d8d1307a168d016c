"""``{% app_field form.name %}``: a Bootstrap field whose error slot has a stable id
(``err-<name>``), so autosave can swap fresh errors into it."""

from __future__ import annotations

from django import forms, template

register = template.Library()


@register.inclusion_tag("applications/_field.html")
def app_field(field: forms.BoundField) -> dict:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        css = ""
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    if field.errors:
        css += " is-invalid"
    attrs = {"class": css, "aria-describedby": f"err-{field.html_name}"}
    return {"field": field, "widget": field.as_widget(attrs=attrs)}


OUTCOME_CLASS = {
    "pass": "success",
    "fail": "danger",
    "needs_evidence": "warning",
    "not_applicable": "secondary",
}
OUTCOME_LABEL = {"pass": "符合", "fail": "不符合", "needs_evidence": "待核实", "not_applicable": "不适用"}


@register.filter
def outcome_class(outcome: str) -> str:
    return OUTCOME_CLASS.get(outcome, "secondary")


@register.filter
def outcome_label(outcome: str) -> str:
    return OUTCOME_LABEL.get(outcome, outcome)
