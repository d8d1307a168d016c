from django import template

from qaward.audit import labels

register = template.Library()


@register.filter
def audit_action(action: str) -> str:
    return labels.action_label(action)


@register.filter
def audit_role(role: str) -> str:
    return labels.role_label(role) if role else ""


@register.filter
def audit_object(event) -> str:
    return labels.object_text(event)
