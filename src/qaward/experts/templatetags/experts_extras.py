"""Small template filters of the expert pages."""

from django import template

register = template.Library()


@register.filter
def stage_seats(stages: dict, stage: str) -> int:
    """Seats (invited or accepted) an expert holds at ``stage``, from ``assignment.workload``."""
    row = (stages or {}).get(stage)
    return row["seated"] if row else 0
