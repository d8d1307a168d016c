"""Forms of the objections app: input only; the rules are applied by the domain functions."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.objections.domain.filing import Objector
from qaward.objections.enums import ComplaintConcern, ObjectorKind


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ObjectionForm(forms.Form):
    """The public objection form. Identity fields are not required here: what the regulation
    requires is checked by the domain, which names the article in each message."""

    kind = forms.ChoiceField(
        label=_("You object as"),
        choices=[
            (ObjectorKind.INDIVIDUAL, ObjectorKind.INDIVIDUAL.label),
            (ObjectorKind.UNIT, ObjectorKind.UNIT.label),
        ],
        widget=forms.RadioSelect,
        initial=ObjectorKind.INDIVIDUAL,
    )
    name = forms.CharField(label=_("Name (of the person or of the unit)"), max_length=100, required=False)
    id_number = forms.CharField(
        label=_("Citizen identity number (individuals)"), max_length=30, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )  # fmt: skip
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    address = forms.CharField(
        label=_("Postal address (a unit: its registered address)"), max_length=200, required=False
    )
    id_proof = forms.FileField(
        label=_("Proof of identity (individuals: a scan or photo of the identity card)"), required=False
    )
    sealed_letter = forms.FileField(
        label=_("Objection letter bearing the unit's official seal (units)"), required=False
    )
    grounds = forms.CharField(
        label=_("Grounds of the objection"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10000,
        help_text=_("What is wrong with the published applicant: its eligibility, or the truth of its materials."),
    )  # fmt: skip
    evidence = MultipleFileField(
        label=_("Evidence (one or more files)"), required=False,
        help_text=_("PDF, JPEG, PNG, Word or Excel files, at most 50 MB each."),
    )  # fmt: skip
    consent = forms.BooleanField(
        label=_("I agree that my identity may be disclosed where the handling of the objection requires it"),
        required=False,
        help_text=_("Without your consent your identity is kept confidential."),
    )

    def objector(self) -> Objector:
        data = self.cleaned_data
        return Objector(
            kind=data["kind"], name=data["name"], id_number=data["id_number"], phone=data["phone"],
            address=data["address"], id_proof=data.get("id_proof"), sealed_letter=data.get("sealed_letter"),
        )  # fmt: skip


class PaperObjectionForm(ObjectionForm):
    """The office enters a paper objection; an anonymous letter is recorded as such."""

    kind = forms.ChoiceField(
        label=_("Objector"), choices=ObjectorKind.choices, initial=ObjectorKind.INDIVIDUAL
    )
    entry = forms.ModelChoiceField(label=_("Published entry objected to"), queryset=None)
    received_on = forms.DateField(
        label=_("Date the letter was received"), widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )  # fmt: skip
    consent = forms.BooleanField(label=_("The objector agreed in writing to the disclosure of their identity"),
                                 required=False)  # fmt: skip

    def __init__(self, *args, entries=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries
        self.fields["entry"].label_from_instance = lambda e: (
            f"{e.window.title} · {e.public_fields.get('name', '')}"
        )
        self.order_fields(["entry", "received_on"])


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class RouteOutForm(forms.Form):
    routed_to = forms.CharField(label=_("Competent authority"), max_length=200)


class RoutedResultForm(forms.Form):
    result = forms.CharField(
        label=_("Result reported by the authority"), widget=forms.Textarea(attrs={"rows": 3})
    )


class VerificationForm(forms.Form):
    message = forms.CharField(
        label=_("What the recommending unit is to verify"), widget=forms.Textarea(attrs={"rows": 3})
    )
    workdays = forms.IntegerField(label=_("Working days allowed"), min_value=1, max_value=60, required=False)


class ReportForm(forms.Form):
    report = forms.CharField(label=_("Verification report"), widget=forms.Textarea(attrs={"rows": 6}))


class ExpertForm(forms.Form):
    expert = forms.ModelChoiceField(label=_("Expert from the pool"), queryset=None, required=False)
    name = forms.CharField(
        label=_("Or: name of an expert from outside the pool"), max_length=100, required=False
    )
    no_conflict_declared = forms.BooleanField(
        label=_("The expert declared in writing to have no interest in the case"), required=False
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, experts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts


class OutcomeForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("Decision on the objection"), coerce=lambda v: v == "yes", widget=forms.RadioSelect,
        choices=[("yes", _("Objection upheld: the applicant is disqualified from this cycle")),
                 ("no", _("Objection not upheld: the applicant continues"))],
    )  # fmt: skip
    false_materials = forms.BooleanField(
        label=_("The applicant gave false materials (ban per the rulebook)"), required=False
    )
    reason = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 4}))


class ConsentForm(forms.Form):
    note = forms.CharField(label=_("How and when the objector agreed"), max_length=300)


class HandlerForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Person"), queryset=None)

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users


class ReceiptLookupForm(forms.Form):
    number = forms.CharField(label=_("Receipt number"), max_length=32)
    token = forms.CharField(
        label=_("Access code"), max_length=64, widget=forms.PasswordInput(render_value=True)
    )


class ComplaintForm(forms.Form):
    concerns = forms.ChoiceField(label=_("Stage concerned"), choices=ComplaintConcern.choices)
    content = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10000,
        help_text=_("Who did what, when, and in which stage of acceptance or review."),
    )  # fmt: skip
    reporter_name = forms.CharField(label=_("Your name (optional)"), max_length=100, required=False)
    reporter_contact = forms.CharField(
        label=_("Your phone or e-mail (optional)"), max_length=100, required=False
    )


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Investigation note"), widget=forms.Textarea(attrs={"rows": 3}))


class CloseComplaintForm(forms.Form):
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}))
