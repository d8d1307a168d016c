"""``{% can "perm" obj as allowed %}``: the same ``rules`` check the views make, for templates
(to show a link only to those whom the page behind it would not answer with 404)."""

from __future__ import annotations

import rules
from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, perm: str, obj=None) -> bool:
    user = context.get("user")
    if user is None and context.get("request") is not None:
        user = context["request"].user
    return user is not None and rules.has_perm(perm, user, obj)
