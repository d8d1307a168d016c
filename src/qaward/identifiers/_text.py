"""Normalisation shared by the identifier validators."""

from __future__ import annotations

import unicodedata


def normalise(value: str) -> str:
    """NFKC (full-width ９１２２… and Ｘ typed with a Chinese input method become ASCII), outer
    whitespace removed, upper case (a lower-case x check digit becomes X)."""
    return unicodedata.normalize("NFKC", value).strip().upper()


def shown(char: str) -> str:
    """A character as it can be quoted in a message: invisible ones by their code point."""
    if char.isprintable() and not char.isspace():
        return char
    return f"U+{ord(char):04X}"
