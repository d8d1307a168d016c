"""Forms of the login-security pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=32,
        strip=True,
        error_messages={"required": _("Enter the code.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "class": "form-control form-control-lg qa-otp-input",
                "autofocus": True,
            }
        ),
    )


class SetupConfirmForm(SecondFactorForm):
    """Confirming a new authenticator takes a six-digit code from it, not a backup code."""

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (len(code) == 6 and code.isdigit()):
            raise forms.ValidationError(
                _("Enter the six-digit code your authenticator app shows now."), code="otp_format"
            )
        return code


def styled(form: forms.Form) -> forms.Form:
    """Give Django's own forms (password change, reset) Bootstrap's input class."""
    for field in form.fields.values():
        css = field.widget.attrs.get("class", "")
        field.widget.attrs["class"] = f"{css} form-control".strip()
    return form


def password_rules() -> list[str]:
    """The help texts of the password validators, without the empty one of the change recorder."""
    from django.contrib.auth.password_validation import password_validators_help_texts

    return [str(text) for text in password_validators_help_texts() if text]
