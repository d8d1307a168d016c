"""Third-party agencies entrusted with the award work (Jinzhong 第十三条(二)(四)).

The agency's staff act as office staff of that one program: the role itself is an ordinary
program-scoped ``office_staff`` RoleAssignment (accounts); this record says which agency they
work for and under which entrustment, so the office can end both together.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    program = models.ForeignKey("programs.AwardProgram", on_delete=models.PROTECT, related_name="agencies")
    name = models.CharField(_("agency"), max_length=100)
    uscc = models.CharField(_("unified social credit code"), max_length=18)
    scope = models.TextField(_("entrusted work"))
    article = models.CharField(_("article"), max_length=100)
    entrusted_from = models.DateField(_("entrusted from"))
    entrusted_until = models.DateField(_("entrusted until"), null=True, blank=True)
    ended_at = models.DateTimeField(_("entrustment ended at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("entrusted agency")
        verbose_name_plural = _("entrusted agencies")
        ordering = ["program", "name"]

    def __str__(self) -> str:
        return self.name


class AgencyStaff(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="staff")
    role_assignment = models.OneToOneField(
        "accounts.RoleAssignment", on_delete=models.PROTECT, related_name="agency_staff"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("agency staff member")
        verbose_name_plural = _("agency staff")

    def __str__(self) -> str:
        return f"{self.role_assignment.user} · {self.agency}"
