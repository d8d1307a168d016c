"""Choices for stored files."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScanStatus(models.TextChoices):
    NOT_SCANNED = "not_scanned", _("Not scanned")
    CLEAN = "clean", _("Clean")
    # Uploads found infected are refused and never stored; the value exists for rescans.
    INFECTED = "infected", _("Infected")
    ERROR = "error", _("Scan failed")


class FileState(models.TextChoices):
    """Files are kept for the retention period: withdrawal is a state, never a delete."""

    ACTIVE = "active", _("Active")
    WITHDRAWN = "withdrawn", _("Withdrawn")
