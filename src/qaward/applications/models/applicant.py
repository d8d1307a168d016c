from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.applications.enums import ApplicantKind, OrganizationSize, OrganizationType, SafetyLevel
from qaward.privacy.validators import validate_uscc
from qaward.programs.validators import validate_gb2260_code

validate_industry_code = RegexValidator(
    r"^[A-T](\d{2}(\d{1,2})?)?$",
    _("Give a GB/T 4754 industry code: a section letter, optionally followed by 2 to 4 digits (e.g. C3670)."),
)


class Applicant(models.Model):
    """Who applies: an organisation (or a branch of one), an individual or a team.

    One profile serves every cycle and program it applies to; the facts the rulebooks check
    (operating years, certificates, tags …) are read from here into each application's
    eligibility facts. Never hard-deleted.
    """

    kind = models.CharField(_("applicant kind"), max_length=16, choices=ApplicantKind.choices)
    name = models.CharField(_("name"), max_length=200)
    # Organisations
    uscc = models.CharField(
        _("unified social credit code"), max_length=18, blank=True, validators=[validate_uscc]
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="branches",
        verbose_name=_("parent organisation"),
        help_text=_("For a branch: the organisation it belongs to, which must recommend it."),
    )
    region_code = models.CharField(
        _("registered region"), max_length=6, blank=True, validators=[validate_gb2260_code]
    )
    org_type = models.CharField(
        _("type of organisation"), max_length=24, choices=OrganizationType.choices, blank=True
    )
    legal_person = models.BooleanField(_("independent legal person"), default=True)
    founded = models.DateField(_("founded on"), null=True, blank=True)
    industry_code = models.CharField(
        _("industry (GB/T 4754)"), max_length=5, blank=True, validators=[validate_industry_code]
    )
    size = models.CharField(_("enterprise size"), max_length=8, choices=OrganizationSize.choices, blank=True)
    # E.g. ["四新", "专精特新"]; free tags the rulebooks' facts refer to.
    tags = models.JSONField(_("tags"), default=list, blank=True)
    # [{"name": "ISO 9001", "number": "...", "issued": "2021-03-01", "expires": "2027-02-28"}]
    certificates = models.JSONField(_("certificates"), default=list, blank=True)
    safety_level = models.CharField(
        _("safety standardisation level"), max_length=16, blank=True, choices=SafetyLevel.choices
    )
    # Individuals
    person = models.ForeignKey(
        "privacy.PersonIdentity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("identity"),
    )
    employer = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employees",
        verbose_name=_("employer"),
    )
    employer_name = models.CharField(_("employer name"), max_length=200, blank=True)
    years_in_quality_work = models.PositiveSmallIntegerField(
        _("years in quality work"), null=True, blank=True, validators=[MaxValueValidator(80)]
    )
    years_in_region = models.PositiveSmallIntegerField(
        _("years working in the region"), null=True, blank=True, validators=[MaxValueValidator(80)]
    )
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="applicants", blank=True, verbose_name=_("contacts")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ApplicantKind.values), name="applications_applicant_kind_valid"
            ),
            models.UniqueConstraint(
                fields=["uscc"],
                condition=~models.Q(uscc=""),
                name="applications_applicant_unique_uscc",
                violation_error_message=_(
                    "An applicant with this unified social credit code is already registered."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_branch(self) -> bool:
        return self.kind == ApplicantKind.ORGANIZATION and self.parent_id is not None


class TeamMember(models.Model):
    """A member of a team applicant (teams have 2..max members per rulebook)."""

    team = models.ForeignKey(Applicant, on_delete=models.PROTECT, related_name="members")
    person = models.ForeignKey("privacy.PersonIdentity", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), validators=[MinValueValidator(1)])
    role_in_team = models.CharField(_("role in the team"), max_length=100, blank=True)
    employer_name = models.CharField(_("employer name"), max_length=200, blank=True)
    years_in_quality_work = models.PositiveSmallIntegerField(
        _("years in quality work"), null=True, blank=True, validators=[MaxValueValidator(80)]
    )
    years_in_region = models.PositiveSmallIntegerField(
        _("years working in the region"), null=True, blank=True, validators=[MaxValueValidator(80)]
    )
    works_in_jurisdiction = models.BooleanField(
        _("does quality work in the award's region"), null=True, blank=True
    )
    # Leaving a team is a state: the member stays on record for the applications already made.
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["team", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "position"], name="applications_teammember_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team} #{self.position}"
