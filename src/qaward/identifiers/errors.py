"""The one exception of the identifiers package.

Each error carries a stable ``code`` and its ``params`` besides the Chinese ``message``, so the
Django layer (``qaward.privacy.validators``) can show the same text through gettext — translated
for an English-speaking user — without parsing the message.
"""

from __future__ import annotations

from typing import Any


class IdentifierError(ValueError):
    """An identifier failed validation. ``str(error)`` is the Chinese message for the user."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params

    def __repr__(self) -> str:
        return f"IdentifierError({self.code!r}, {self.message!r}, **{self.params!r})"
