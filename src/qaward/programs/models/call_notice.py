"""Call notices (申报通知): how a cycle (届) is announced to applicants on the public portal."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# 发文字号 per GB/T 9704-2012 7.2.4: 机关代字 + 〔年份〕 + 发文顺序号 + 号, e.g. 吉质奖办〔2026〕3号.
# The year is four digits in hexagonal brackets 〔〕; the sequence number has no leading zero.
DOC_NO_PATTERN = re.compile(
    r"^(?P<agency>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]*)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$"
)
_WRONG_BRACKETS = re.compile(r"[\[\]［］()（）【】{}]")


def parse_doc_no(value: str) -> tuple[str, int, int]:
    """(agency, year, sequence) of a 发文字号, or ValidationError with a Chinese hint."""
    value = (value or "").strip()
    match = DOC_NO_PATTERN.match(value)
    if match:
        return match["agency"], int(match["year"]), int(match["seq"])
    if _WRONG_BRACKETS.search(value):
        hint = _("Put the year in hexagonal brackets 〔〕, not [] or ().")
    elif "〔" in value and not re.search(r"〔\d{4}〕", value):
        hint = _("The year in 〔〕 must have four digits.")
    elif not value.endswith("号"):
        hint = _("The number ends with 号.")
    else:
        hint = _("Write the issuing office's abbreviation, the year in 〔〕 and the number.")
    raise ValidationError(
        _("“%(value)s” is not a document number in the form 吉质奖办〔2026〕1号. %(hint)s"),
        code="doc_no",
        params={"value": value, "hint": hint},
    )


def validate_doc_no(value: str) -> None:
    parse_doc_no(value)


class CallNotice(models.Model):
    """The notice that opens a cycle for applications, published on the portal.

    Never hard-deleted. When the office opened the cycle against the rulebook's cycle rule, the
    reason it recorded is kept here (and in the audit event).
    """

    program = models.ForeignKey(
        "programs.AwardProgram", on_delete=models.PROTECT, related_name="call_notices",
        verbose_name=_("award program"),
    )  # fmt: skip
    cycle = models.ForeignKey(
        "programs.Cycle", on_delete=models.PROTECT, related_name="call_notices", verbose_name=_("cycle")
    )
    title = models.CharField(_("notice title"), max_length=200)
    doc_no = models.CharField(
        _("document number"), max_length=60, validators=[validate_doc_no],
        help_text=_("发文字号, e.g. 吉质奖办〔2026〕1号."),
    )  # fmt: skip
    issuer = models.CharField(_("issued by"), max_length=200)
    published_on = models.DateField(_("publication date"))
    body = models.TextField(_("notice text"))
    materials = models.JSONField(_("materials to submit"), default=list, blank=True)
    contact = models.TextField(_("contact"), help_text=_("Contact person, telephone, address."))
    cycle_rule_override = models.TextField(_("reason for opening outside the cycle rule"), blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("published by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("call notice")
        verbose_name_plural = _("call notices")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "doc_no"],
                name="programs_callnotice_unique_doc_no",
                violation_error_message=_("This award already has a notice with this document number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.doc_no} {self.title}"

    def clean(self) -> None:
        super().clean()
        if self.doc_no and self.published_on:
            try:
                _agency, year, _seq = parse_doc_no(self.doc_no)
            except ValidationError:
                return  # the field validator reports it
            if year != self.published_on.year:
                raise ValidationError(
                    {
                        "doc_no": _(
                            "The year in the document number (%(year)s) must be the year the notice is "
                            "published (%(published)s)."
                        )
                        % {"year": year, "published": self.published_on.year}
                    }
                )
