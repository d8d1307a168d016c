"""Password policy of 等保 level 3 (GB/T 22239-2019): complex passwords, changed periodically.

The length minimum (8) and the common-password list are Django's own validators, configured in
settings; this module adds the character-class rule and records when a password changed, which
the periodic-change middleware reads. There is deliberately no maximum length: passphrases of 64
characters and more are accepted (OWASP ASVS), and the hashers cope with long input.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import ngettext

LOWER, UPPER, DIGIT, OTHER = "lower", "upper", "digit", "other"


def character_classes(password: str) -> set[str]:
    """The classes present in ``password``. Anything that is not a cased letter or a digit counts
    as "other": punctuation, spaces and CJK characters alike (汉字 have no case)."""
    found: set[str] = set()
    for char in password:
        if char.isdigit():
            found.add(DIGIT)
        elif char.islower():
            found.add(LOWER)
        elif char.isupper():
            found.add(UPPER)
        else:
            found.add(OTHER)
    return found


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with a message of our own: Django 5.2 changed its msgid and its Chinese catalog
    still has the old one, so the error would appear in English."""

    def get_error_message(self) -> str:
        return ngettext(
            "This password is too short: it must have at least %(count)d character.",
            "This password is too short: it must have at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}

    def get_help_text(self) -> str:
        return ngettext(
            "At least %(count)d character.",
            "At least %(count)d characters; long passphrases are welcome.",
            self.min_length,
        ) % {"count": self.min_length}


class CharacterClassValidator:
    """At least ``min_classes`` of: lowercase, uppercase, digits, symbols or other characters."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user=None) -> None:
        if len(character_classes(password)) < self.min_classes:
            raise ValidationError(self._message(), code="password_too_few_classes")

    def get_help_text(self) -> str:
        return self._message()

    def _message(self) -> str:
        return ngettext(
            "Your password must mix at least %(count)d kind of character: lowercase letters, "
            "uppercase letters, digits, symbols or other characters (such as Chinese characters).",
            "Your password must mix at least %(count)d of these four kinds of characters: lowercase "
            "letters, uppercase letters, digits, symbols or other characters (such as Chinese "
            "characters).",
            self.min_classes,
        ) % {"count": self.min_classes}


class PasswordChangeRecorder:
    """Not a check: Django calls ``password_changed`` on every configured validator after any
    password is set and saved (change form, reset, ``set_password`` + ``save``, createsuperuser),
    which makes it the one place that sees every change. It stamps ``CredentialState``."""

    def validate(self, password: str, user=None) -> None:
        return None

    def get_help_text(self) -> str:
        return ""

    def password_changed(self, password: str, user=None) -> None:
        if user is None or user.pk is None:
            return
        record_password_change(user=user)


def record_password_change(*, user, at: datetime | None = None) -> None:
    """Stamp the date. The audit event is the caller's (the change and reset views record
    ``auth.password_changed`` / ``auth.password_reset``): here a first password set with a new
    account is indistinguishable from a change."""
    from qaward.accounts.models import CredentialState

    CredentialState.objects.update_or_create(
        user=user, defaults={"password_changed_at": at or timezone.now()}
    )


def password_changed_at(user) -> datetime:
    from qaward.accounts.models import CredentialState

    state = CredentialState.objects.filter(user=user).only("password_changed_at").first()
    return state.password_changed_at if state is not None else user.date_joined


def password_expires_at(user) -> datetime | None:
    """When the password must be changed (QAWARD_PASSWORD_MAX_AGE_DAYS after it was set), or
    None when the rule is off (0) or the account has no usable password to expire."""
    max_age_days = settings.QAWARD_PASSWORD_MAX_AGE_DAYS
    if not max_age_days or not user.has_usable_password():
        return None
    return password_changed_at(user) + timedelta(days=max_age_days)
