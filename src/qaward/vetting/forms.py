"""Forms of the vetting pages. Validation of substance is in the domain; these only parse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from qaward.vetting.domain.base import (
    DEFAULT_CONSULTATION_WORKDAYS,
    DEFAULT_CORRECTION_WORKDAYS,
    MAX_WORKDAYS,
)
from qaward.vetting.enums import ConsultationOutcome, CreditResult

_DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
_TEXT = {"class": "form-control", "rows": 3}


class ChecklistForm(forms.Form):
    """One pass checkbox and one note per checklist item of the rulebook."""

    def __init__(self, *args, items: list[dict], with_opinion: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for i, item in enumerate(items):
            self.fields[f"ok_{i}"] = forms.BooleanField(
                label=item["label"], required=False, initial=item["ok"],
                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
            )  # fmt: skip
            self.fields[f"note_{i}"] = forms.CharField(
                label=_("Note"), required=False, initial=item["note"], max_length=1000,
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            )  # fmt: skip
        if with_opinion:
            self.fields["opinion"] = forms.CharField(
                label=_("Draft opinion"), required=False, widget=forms.Textarea(attrs=_TEXT)
            )

    def rows(self):
        return [(self[f"ok_{i}"], self[f"note_{i}"]) for i in range(len(self.items))]

    def submitted(self) -> dict[str, tuple[bool, str]]:
        return {
            item["label"]: (self.cleaned_data[f"ok_{i}"], self.cleaned_data[f"note_{i}"])
            for i, item in enumerate(self.items)
        }


class CreditForm(forms.Form):
    checked_on = forms.DateField(label=_("Date of the credit check"), widget=_DATE)
    result = forms.ChoiceField(
        label=_("Result"), choices=CreditResult.choices, widget=forms.Select(attrs={"class": "form-select"})
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500,
                           widget=forms.TextInput(attrs={"class": "form-control"}))  # fmt: skip
    evidence = forms.FileField(label=_("Record of the check (PDF or image)"),
                               widget=forms.ClearableFileInput(attrs={"class": "form-control"}))  # fmt: skip


class ConsultForm(forms.Form):
    departments = forms.CharField(
        label=_("Departments (one per line)"), widget=forms.Textarea(attrs={"class": "form-control", "rows": 6}),
    )  # fmt: skip
    workdays = forms.IntegerField(
        label=_("Working days to answer"), min_value=1, max_value=MAX_WORKDAYS,
        initial=DEFAULT_CONSULTATION_WORKDAYS, widget=forms.NumberInput(attrs={"class": "form-control"}),
        help_text=_("The regulation sets no deadline; the office decides."),
    )  # fmt: skip

    def department_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["departments"].splitlines() if line.strip()]


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Opinion"), choices=ConsultationOutcome.choices,
                                widget=forms.Select(attrs={"class": "form-select form-select-sm"}))  # fmt: skip
    responded_on = forms.DateField(label=_("Answered on"), widget=_DATE)
    response = forms.CharField(label=_("Response"), required=False,
                               widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}))  # fmt: skip


class RecommendForm(forms.Form):
    opinion = forms.CharField(label=_("Review opinion (审核意见)"), required=False,
                              widget=forms.Textarea(attrs=_TEXT))  # fmt: skip


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs=_TEXT))


class ReturnForm(ReasonForm):
    workdays = forms.IntegerField(
        label=_("Working days to correct"), min_value=1, max_value=MAX_WORKDAYS,
        initial=DEFAULT_CORRECTION_WORKDAYS, widget=forms.NumberInput(attrs={"class": "form-control"}),
        help_text=_("The regulation sets no period; the office decides."),
    )  # fmt: skip


class AcceptForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reason to accept before every department answered"), required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
        help_text=_("Only when a department has not answered yet; the reason is kept in the audit log."),
    )  # fmt: skip


class WindowForm(forms.Form):
    starts_on = forms.DateField(label=_("First day of the publicity"), widget=_DATE)
    workdays = forms.IntegerField(label=_("Working days"), required=False, min_value=1, max_value=MAX_WORKDAYS,
                                  widget=forms.NumberInput(attrs={"class": "form-control"}))  # fmt: skip
