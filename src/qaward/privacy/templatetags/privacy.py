"""``{% load privacy %}``: masking filters and the identity tags.

- ``{{ value|mask_id }}``, ``{{ value|mask_phone }}``, ``{{ value|mask_name }}``: always masked,
  for lists, 公示 and anything the public may see.
- ``{% identity_number person %}`` / ``{% phone_number person %}``: the full number only when
  the viewer (``request.user``) passes ``can_see_full_identity`` for the program, otherwise
  masked. The program is the ``program=`` argument, else the context's ``program``. Without a
  request in the context (mail, PDF) the viewer is unknown and the number is masked.
"""

from __future__ import annotations

from django import template

from qaward.identifiers import mask_name as _mask_name
from qaward.identifiers import mask_phone as _mask_phone
from qaward.identifiers import mask_resident_id
from qaward.privacy.rules import can_see_full_identity

register = template.Library()


def _text(value) -> str:
    return "" if value is None else str(value)


@register.filter
def mask_id(value) -> str:
    return mask_resident_id(_text(value))


@register.filter(name="mask_phone")
def mask_phone_filter(value) -> str:
    return _mask_phone(_text(value))


@register.filter(name="mask_name")
def mask_name_filter(value) -> str:
    return _mask_name(_text(value))


def _viewer_may_see(context, program) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return False
    # One decision per request and program: a list of people asks the same question per row.
    cache = request.__dict__.setdefault("_qaward_full_identity", {})
    key = getattr(program, "pk", program)
    if key not in cache:
        cache[key] = bool(can_see_full_identity(user, program))
    return cache[key]


def _field(person, attribute: str) -> str:
    return _text(getattr(person, attribute, person))


@register.simple_tag(takes_context=True)
def identity_number(context, person, program=None) -> str:
    """``person``: an object with ``id_number`` (e.g. PersonIdentity) or the number itself."""
    number = _field(person, "id_number")
    program = program if program is not None else context.get("program")
    return number if _viewer_may_see(context, program) else mask_resident_id(number)


@register.simple_tag(takes_context=True)
def phone_number(context, person, program=None) -> str:
    """``person``: an object with ``phone`` or the phone number itself."""
    phone = _field(person, "phone")
    program = program if program is not None else context.get("program")
    return phone if _viewer_may_see(context, program) else _mask_phone(phone)
