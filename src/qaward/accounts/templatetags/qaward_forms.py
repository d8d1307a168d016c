"""``{% form_field form.name %}``: one Bootstrap 5 form field with its label, help and errors."""

from __future__ import annotations

from django import forms, template

register = template.Library()


@register.inclusion_tag("accounts/roles/_field.html")
def form_field(field: forms.BoundField, **attrs) -> dict:
    widget = field.field.widget
    css = "form-select" if isinstance(widget, forms.Select) else "form-control"
    if field.errors:
        css += " is-invalid"
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    widget_attrs = {"class": css, **attrs}
    if described_by:
        widget_attrs["aria-describedby"] = " ".join(described_by)
    return {"field": field, "widget": field.as_widget(attrs=widget_attrs)}
