"""Helpers shared by the vetting views: run a domain call and put its refusal on the form."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from qaward.applications.models import Application


def application_by_reference(request, reference: str, **kwargs) -> Application:
    return get_object_or_404(
        Application.objects.select_related("applicant", "cycle__program", "recommending_unit"),
        reference=reference,
    )


def run(form, call):
    """``call()``'s result, or None with its ValidationError shown on ``form`` (field-level where
    the field exists, else at the top), so nothing typed is lost."""
    try:
        return call() or True
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
        return None
