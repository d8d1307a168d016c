"""Where the Django side looks up rulebooks. A program may name a rulebook id that a later release
no longer ships; pages and validation then treat it as unknown instead of failing."""

from __future__ import annotations

from qaward.rulebooks import registry
from qaward.rulebooks.schema import Rulebook


def known_rulebook_ids() -> list[str]:
    return registry.list_ids()


def find_rulebook(rulebook_id: str) -> Rulebook | None:
    """The ``Rulebook`` with this id, or None when no shipped rulebook has it."""
    try:
        return registry.get(rulebook_id)
    except registry.RulebookNotFound:
        return None
