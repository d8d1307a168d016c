"""Template helpers for staff pages."""

from __future__ import annotations

from typing import Any

from django import template

from qaward.programs.enums import CycleStatus
from qaward.programs.rulebook_link import find_rulebook

register = template.Library()

_STATUS_BADGE = {
    CycleStatus.DRAFT: "text-bg-secondary",
    CycleStatus.OPEN: "text-bg-success",
    CycleStatus.CLOSED: "text-bg-warning",
    CycleStatus.REVIEWING: "text-bg-info",
    CycleStatus.AWARDED: "text-bg-primary",
    CycleStatus.ARCHIVED: "text-bg-dark",
}


@register.filter
def rulebook_for(program: Any) -> Any | None:
    """The program's ``Rulebook`` (title, doc_no …), or None while it is not available."""
    return find_rulebook(program.rulebook_id)


@register.filter
def rulebook_label(program: Any) -> str:
    """「title（doc_no）」 for the program's rulebook, falling back to the bare rulebook id."""
    book = find_rulebook(program.rulebook_id)
    if book is None:
        return program.rulebook_id
    return f"{book.title}（{book.doc_no}）" if book.doc_no else book.title


@register.filter
def status_badge_class(status: str) -> str:
    return _STATUS_BADGE.get(status, "text-bg-light")
