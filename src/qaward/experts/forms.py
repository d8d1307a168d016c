"""Forms of the expert pages: they collect input; the domain functions decide and refuse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from qaward.experts.enums import (
    DeclineReason,
    EvaluationRating,
    ExpertStatus,
    PanelStage,
    RelationshipKind,
    SanctionKind,
)


class ExpertForm(forms.Form):
    name = forms.CharField(label=_("expert's name"), max_length=50)
    employer_name = forms.CharField(label=_("employer"), max_length=100, required=False)
    employer_uscc = forms.CharField(
        label=_("employer's unified social credit code"), max_length=30, required=False
    )
    region_code = forms.CharField(label=_("division code"), max_length=10, required=False)
    title = forms.CharField(label=_("title or qualification"), max_length=100, required=False)
    industry_codes = forms.CharField(
        label=_("specialties (GB/T 4754)"),
        help_text=_("Section letter or 2–4 digits, e.g. C、C36、C3670."),
        max_length=300,
    )
    keywords = forms.CharField(label=_("specialty keywords"), max_length=500, required=False)
    languages = forms.CharField(label=_("languages"), max_length=100, required=False, initial="中文")
    may_lead = forms.BooleanField(label=_("may lead a panel (组长)"), required=False)
    max_load = forms.IntegerField(
        label=_("most applications per stage"), min_value=0, max_value=50, initial=5
    )
    phone = forms.CharField(label=_("phone"), max_length=20, required=False)
    email = forms.EmailField(label=_("email"), required=False)

    @classmethod
    def initial_from(cls, expert) -> dict:
        data = {name: getattr(expert, name) for name in cls.base_fields}
        for name in ("industry_codes", "keywords", "languages"):
            data[name] = "、".join(data[name])
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("expert status"), choices=ExpertStatus.choices)
    reason = forms.CharField(label=_("reason"), max_length=500, required=False)
    article = forms.CharField(label=_("article"), max_length=100, required=False)


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(label=_("sanction"), choices=SanctionKind.choices)
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))


class EvaluationForm(forms.Form):
    evaluator = forms.CharField(label=_("evaluated by"), max_length=100)
    rating = forms.ChoiceField(label=_("rating"), choices=EvaluationRating.choices)
    comment = forms.CharField(label=_("comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class RelationshipForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of relationship"), choices=RelationshipKind.choices)
    counterparty_name = forms.CharField(label=_("organisation or person"), max_length=100)
    counterparty_uscc = forms.CharField(label=_("unified social credit code"), max_length=30, required=False)
    note = forms.CharField(label=_("note"), max_length=300, required=False)


class FormerEmploymentForm(forms.Form):
    employer_name = forms.CharField(label=_("former employer"), max_length=100)
    employer_uscc = forms.CharField(label=_("unified social credit code"), max_length=30, required=False)
    started = forms.DateField(label=_("from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    ended = forms.DateField(label=_("until"), widget=forms.DateInput(attrs={"type": "date"}))


class AvailabilityForm(forms.Form):
    starts = forms.DateField(label=_("available from"), widget=forms.DateInput(attrs={"type": "date"}))
    ends = forms.DateField(label=_("available until"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("note"), max_length=200, required=False)


class ImportForm(forms.Form):
    workbook = forms.FileField(label=_("Excel workbook (.xlsx)"))


class DecideForm(forms.Form):
    uphold = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("1", _("Uphold: the expert withdraws")), ("0", _("Dismiss the request"))],
        coerce=lambda v: v == "1",
    )
    expert = forms.ModelChoiceField(label=_("expert"), queryset=None, required=False)
    decision_reason = forms.CharField(
        label=_("reason for the decision"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, pool=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = pool


class PinForm(forms.Form):
    expert = forms.ModelChoiceField(label=_("expert"), queryset=None)
    application = forms.ModelChoiceField(label=_("application"), queryset=None)
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, pool=None, applications=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = pool
        self.fields["application"].queryset = applications


class PanelsForStageForm(forms.Form):
    stage = forms.ChoiceField(label=_("stage"), choices=PanelStage.choices)
    size = forms.IntegerField(label=_("seats"), min_value=1, max_value=15, initial=3)
    starts = forms.DateField(
        label=_("review from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends = forms.DateField(
        label=_("review until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    one_panel = forms.BooleanField(
        label=_("One panel for all applications (e.g. a defense panel)"), required=False
    )


class AddMemberForm(forms.Form):
    expert = forms.ModelChoiceField(label=_("expert"), queryset=None)
    leader = forms.BooleanField(label=_("panel leader (组长)"), required=False)

    def __init__(self, *args, pool=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = pool


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("reason"), max_length=500)


class RespondForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("answer"), choices=[("1", _("Accept")), ("0", _("Decline"))], coerce=lambda v: v == "1"
    )
    reason = forms.ChoiceField(
        label=_("reason for declining"), choices=[("", "—"), *DeclineReason.choices], required=False
    )
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("declaration"),
        choices=[
            ("0", _("I have no conflict of interest with this application")),
            ("1", _("I have a conflict of interest")),
        ],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    statement = forms.CharField(
        label=_("statement"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class RecusalRequestForm(forms.Form):
    named_person = forms.CharField(label=_("expert named by the applicant"), max_length=100)
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.CharField(label=_("evidence"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    evidence_upload = forms.FileField(
        label=_("evidence file"),
        required=False,
        help_text=_("Seen only by the award office (PDF, image, Word or Excel)."),
    )
