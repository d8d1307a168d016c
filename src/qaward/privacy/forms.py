"""Form fields that validate and normalise identifiers (full-width input, lower-case x)."""

from __future__ import annotations

from django import forms

from qaward.privacy.validators import normalise_resident_id, normalise_uscc


class _IdentifierField(forms.CharField):
    normalise = staticmethod(lambda value: value)

    def __init__(self, **kwargs):
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # No maxlength: a pasted value with spaces should reach the validator and get its
        # precise message rather than being cut off by the browser.
        attrs.update({"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"})
        return attrs

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        return self.normalise(value)


class USCCField(_IdentifierField):
    """统一社会信用代码: returns the normalised 18-character code."""

    normalise = staticmethod(normalise_uscc)


class ResidentIDField(_IdentifierField):
    """公民身份号码: returns the normalised 18-character number (x → X)."""

    normalise = staticmethod(normalise_resident_id)
