"""Letters the system issues (不予受理通知书 …) and their document numbers (发文字号).

A letter is recorded (number, addressee, template and context) in the decision's transaction;
its PDF is rendered after commit, or on first download if that did not happen.

Numbers run per program and year without gaps: ``LetterSequence`` is locked while a letter is
issued. ``code`` is the 机关代字 (e.g. 吉质奖办函); the default is derived from the program's
jurisdiction and staff may change it in the admin before the first letter of a year.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LetterSequence(models.Model):
    program = models.ForeignKey("programs.AwardProgram", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    code = models.CharField(_("agency code (机关代字)"), max_length=20)
    last_number = models.PositiveIntegerField(_("last number issued"), default=0)

    class Meta:
        verbose_name = _("letter number sequence")
        verbose_name_plural = _("letter number sequences")
        constraints = [
            models.UniqueConstraint(fields=["program", "year"], name="vetting_lettersequence_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.code}〔{self.year}〕"


class IssuedLetter(models.Model):
    KIND_NON_ACCEPTANCE = "non_acceptance"
    KINDS = [(KIND_NON_ACCEPTANCE, _("Notice of non-acceptance"))]

    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="issued_letters"
    )
    kind = models.CharField(_("kind of letter"), max_length=32, choices=KINDS)
    # Unique within a program (its LetterSequence); two offices may share a 机关代字.
    doc_no = models.CharField(_("document number"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    addressee = models.CharField(_("addressed to"), max_length=200, blank=True)
    # What the PDF is rendered from (after the decision commits, or on first download): the
    # template and its complete context (``documents.pdf.context_to_json``). Empty on letters
    # rendered before letters were recorded first.
    template = models.CharField(_("letter template"), max_length=200, blank=True)
    context = models.JSONField(_("letter content"), default=dict, blank=True)
    # Empty until the PDF is rendered (``vetting.domain.letters.render_letter``); one file per letter.
    file = models.OneToOneField(
        "documents.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    emailed_to = models.JSONField(_("sent by email to"), default=list, blank=True)

    class Meta:
        verbose_name = _("issued letter")
        verbose_name_plural = _("issued letters")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.doc_no} {self.title}"
