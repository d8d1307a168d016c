"""The trail's filter form (GET): every field optional."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from qaward.programs.models import AwardProgram


class TrailFilterForm(forms.Form):
    program = forms.ModelChoiceField(
        label=_("Award program"), queryset=AwardProgram.objects.none(), required=False, empty_label=_("All")
    )
    object_type = forms.CharField(
        label=_("Object type"),
        required=False,
        max_length=100,
        help_text=_("e.g. programs.cycle"),
    )
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    actor = forms.CharField(label=_("Actor (username)"), required=False, max_length=150)
    action_prefix = forms.CharField(
        label=_("Action starts with"), required=False, max_length=100, help_text=_("e.g. auth.")
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, programs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = programs
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-select" if name == "program" else "form-control"
            if field.help_text:
                field.widget.attrs["placeholder"] = field.help_text

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must not be before the start date."))
        if data.get("object_id") and not data.get("object_type"):
            self.add_error("object_type", _("Give the object type together with the object id."))
        return data

    def filters(self) -> dict:
        """The cleaned filters, as keyword arguments of ``filter_events``."""
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
