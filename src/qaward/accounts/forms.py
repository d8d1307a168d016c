"""Forms of the registration, invitation and role pages. They only collect and shape input;
the rules (password policy, duplicate roles, who may grant what) live in accounts.domain, whose
refusals ``add_domain_errors`` puts back on the form field they concern."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from qaward.accounts.domain import queries
from qaward.accounts.validators import validate_phone_number
from qaward.programs.models import AwardProgram, RecommendingUnit


def _password_rules_html() -> str:
    # Django's own helper would also list validators without a rule to show (empty items).
    texts = [text for text in password_validation.password_validators_help_texts() if text]
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((t,) for t in texts)))


_password_help = lazy(_password_rules_html, str)


def add_domain_errors(form: forms.Form, error: ValidationError) -> None:
    """Attach a domain refusal to the form: to its field when the form has one, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        target = field if field in form.fields else None
        if field == NON_FIELD_ERRORS:
            target = None
        form.add_error(target, errors)


class ProgramChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, program: AwardProgram) -> str:
        return program.name


class UnitChoiceField(forms.ModelChoiceField):
    # Units of several programs in one list carry the program's name: names repeat across programs.
    show_program = False

    def label_from_instance(self, unit: RecommendingUnit) -> str:
        if self.show_program:
            return f"{unit.name}（{unit.program.name}）"
        return f"{unit.name}（{unit.get_kind_display()}）"


class NewAccountForm(forms.Form):
    """Username and a password typed twice."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("Used to log in. Letters, digits and @ . + - _ only."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_password_help(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_username(self):
        # Checked again when the account is written; here so that all errors show at once.
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise ValidationError(_("This username is already taken; choose another."))
        return username

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password"), cleaned.get("password_confirm")
        if first and second and first != second:
            self.add_error("password_confirm", _("The two passwords are not the same."))
        elif first:
            # The site's password policy, against the name and address typed on this form.
            candidate = get_user_model()(
                username=cleaned.get("username", ""),
                full_name=cleaned.get("full_name", ""),
                email=cleaned.get("email", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ApplicantRegistrationForm(NewAccountForm):
    program = ProgramChoiceField(
        label=_("Award program"),
        queryset=AwardProgram.objects.filter(active=True).order_by("jurisdiction__code", "name"),
        empty_label=_("Choose an award program"),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=100)
    email = forms.EmailField(
        label=_("Email address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=20,
        validators=[validate_phone_number],
        help_text=_("A mobile number, or a landline with its area code."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    field_order = ["program", "full_name", "email", "phone", "username", "password", "password_confirm"]


class RecommenderRegistrationForm(ApplicantRegistrationForm):
    recommending_unit = UnitChoiceField(
        label=_("Recommending unit"),
        queryset=RecommendingUnit.objects.none(),
        empty_label=_("Choose the unit you act for"),
        help_text=_("The award office checks that you act for this unit before your account is opened."),
        error_messages={
            "invalid_choice": _("Choose one of the recommending units of the chosen award program.")
        },
    )

    field_order = ["program", "recommending_unit", *ApplicantRegistrationForm.field_order[1:]]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        program = self._chosen_program()
        units = self.fields["recommending_unit"]
        units.queryset = queries.units_open_for_registration(program)
        units.show_program = program is None
        # With htmx, picking a program narrows the unit list to that program's units.
        self.fields["program"].widget.attrs.update(
            {"hx-get": reverse("roles:recommender_units"), "hx-target": "#id_recommending_unit"}
        )

    def _chosen_program(self) -> AwardProgram | None:
        raw = self.data.get(self.add_prefix("program")) if self.is_bound else None
        if not raw or not str(raw).isdigit():
            return None
        return AwardProgram.objects.filter(pk=int(raw), active=True).first()

    def clean(self):
        cleaned = super().clean()
        program, unit = cleaned.get("program"), cleaned.get("recommending_unit")
        if program and unit and unit.program_id != program.pk:
            self.add_error(
                "recommending_unit",
                _("%(unit)s does not recommend for %(program)s.")
                % {"unit": unit.name, "program": program.name},
            )
        return cleaned


class AcceptInvitationForm(NewAccountForm):
    pass


class GrantRoleForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("The person's existing account. New people are invited, or register themselves."),
    )
    role = forms.ChoiceField(label=_("Role"))
    recommending_unit = UnitChoiceField(
        label=_("Recommending unit"),
        queryset=RecommendingUnit.objects.none(),
        required=False,
        empty_label=_("Only for recommenders"),
    )

    def __init__(self, *args, program: AwardProgram, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in queries.grantable_roles(actor, program)]
        self.fields["recommending_unit"].queryset = queries.units_open_for_registration(program)
        self.user = None

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        self.user = get_user_model().objects.filter(username__iexact=username).first()
        if self.user is None:
            raise ValidationError(
                _("There is no account with the username “%(username)s”.") % {"username": username}
            )
        return username


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}), strip=True
    )


class InvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=100)
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args, program: AwardProgram, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in queries.invitable_roles(actor, program)]
