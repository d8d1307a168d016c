from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.programs.rulebook_link import find_rulebook
from qaward.programs.validators import validate_rulebook_id


class AwardProgram(models.Model):
    """One government quality award (吉林省质量奖), run under one rulebook by one office.

    Never hard-deleted: cycles and, later, applications and audit events refer to it.
    """

    jurisdiction = models.ForeignKey(
        "programs.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="programs",
        verbose_name=_("jurisdiction"),
    )
    name = models.CharField(_("award name"), max_length=100)
    slug = models.SlugField(_("short name"), max_length=50, unique=True)
    rulebook_id = models.CharField(_("rulebook"), max_length=64, validators=[validate_rulebook_id])
    rulebook_version = models.PositiveIntegerField(
        _("rulebook version"), validators=[MinValueValidator(1)], default=1
    )
    office_name = models.CharField(
        _("award office"),
        max_length=200,
        help_text=_("The office that runs the award, e.g. the award committee office."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("award program")
        verbose_name_plural = _("award programs")
        ordering = ["jurisdiction__code", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rulebook_version__gte=1),
                name="programs_awardprogram_rulebook_version_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        # A rulebook encodes one jurisdiction's regulation; pairing it with another
        # jurisdiction's award would apply the wrong articles.
        if not self.rulebook_id or self.jurisdiction_id is None:
            return
        book = find_rulebook(self.rulebook_id)
        if book is None:
            return
        if str(book.jurisdiction.code) != self.jurisdiction.code:
            raise ValidationError(
                {
                    "rulebook_id": _(
                        "Rulebook %(rulebook)s applies to %(name)s (%(code)s), not to this "
                        "award's jurisdiction."
                    )
                    % {
                        "rulebook": self.rulebook_id,
                        "name": book.jurisdiction.name,
                        "code": book.jurisdiction.code,
                    }
                }
            )
