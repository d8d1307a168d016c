"""Choices shared by models, admin and templates."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JurisdictionLevel(models.TextChoices):
    """Kind of administrative division, as the award regulations name their issuers."""

    PROVINCE = "province", _("Province")
    PREFECTURE = "prefecture", _("Prefecture")
    CITY = "city", _("City")
    COUNTY = "county", _("County")


class CycleStatus(models.TextChoices):
    """Where a cycle (届) stands; transitions are made by domain functions, never by save()."""

    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for applications")
    CLOSED = "closed", _("Applications closed")
    REVIEWING = "reviewing", _("Under review")
    AWARDED = "awarded", _("Awarded")
    ARCHIVED = "archived", _("Archived")
