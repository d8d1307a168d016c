"""The only place the Django side looks up rulebooks, so the interim fallbacks live in one spot.

The rulebook package was written alongside this app. Until it is complete, a missing package
(ImportError) or a missing book degrades to "unknown" instead of breaking pages or validation.
TODO(lead): drop the ImportError fallbacks once qaward.rulebooks has landed.
"""

from __future__ import annotations

from typing import Any


def known_rulebook_ids() -> list[str] | None:
    """Ids of the shipped rulebooks, or None when the rulebook package is not available."""
    try:
        from qaward.rulebooks import registry
    except ImportError:
        return None
    return registry.list_ids()


def find_rulebook(rulebook_id: str) -> Any | None:
    """The ``Rulebook`` with this id, or None if the package or the book is missing."""
    try:
        from qaward.rulebooks import registry
    except ImportError:
        return None
    try:
        return registry.get(rulebook_id)
    except registry.RulebookNotFound:
        return None
