"""Applicant profiles: organisations (and branches), individuals and teams, kept by their
contacts (users holding the applicant role). Identity numbers go through ``privacy`` (encrypted,
masked in the audit log)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.accounts.domain.queries import holds_role_anywhere
from qaward.accounts.models import Role
from qaward.applications.enums import ApplicantKind
from qaward.applications.models import Applicant, TeamMember
from qaward.audit.domain import record
from qaward.privacy.domain.identities import record_person_identity

ORGANIZATION_FIELDS = (
    "name",
    "uscc",
    "region_code",
    "org_type",
    "legal_person",
    "founded",
    "industry_code",
    "size",
    "tags",
    "certificates",
    "safety_level",
)
INDIVIDUAL_FIELDS = ("name", "employer_name", "years_in_quality_work", "years_in_region", "region_code")
TEAM_FIELDS = ("name", "region_code")
MEMBER_FIELDS = (
    "role_in_team",
    "employer_name",
    "years_in_quality_work",
    "years_in_region",
    "works_in_jurisdiction",
)
FIELDS = {
    ApplicantKind.ORGANIZATION: ORGANIZATION_FIELDS,
    ApplicantKind.INDIVIDUAL: INDIVIDUAL_FIELDS,
    ApplicantKind.TEAM: TEAM_FIELDS,
}


def is_applicant_contact(user, applicant) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return applicant.contacts.filter(pk=user.pk).exists()


def _facts(applicant: Applicant) -> dict:
    facts = {name: getattr(applicant, name) for name in FIELDS[applicant.kind]}
    facts = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in facts.items()}
    facts["kind"] = applicant.kind
    facts["parent"] = applicant.parent_id
    if applicant.person_id:
        facts["person"] = str(applicant.person)  # masked
    return facts


def _parent(actor, parent_uscc: str, parent_name: str) -> Applicant | None:
    """The parent organisation of a branch, found by its USCC or registered with it."""
    if not parent_uscc:
        return None
    parent = Applicant.objects.filter(uscc=parent_uscc).first()
    if parent is None:
        if not parent_name.strip():
            raise ValidationError({"parent_name": _("Give the parent organisation's name.")})
        parent = Applicant(kind=ApplicantKind.ORGANIZATION, name=parent_name.strip(), uscc=parent_uscc)
        parent.full_clean()
        parent.save()
        record(actor=actor, action="applicant.parent_registered", obj=parent, after=_facts(parent))
    elif parent.kind != ApplicantKind.ORGANIZATION or parent.parent_id is not None:
        raise ValidationError(
            {"parent_uscc": _("The parent must be an organisation that is not itself a branch.")}
        )
    return parent


@transaction.atomic
def create_applicant(
    *, kind: str, actor, values: dict, id_number: str = "", phone: str = "", parent_uscc: str = "",
    parent_name: str = "",
) -> Applicant:  # fmt: skip
    """A new applicant profile with ``actor`` as its contact; ``actor`` holds the applicant role."""
    if not holds_role_anywhere(actor, [Role.APPLICANT]):
        raise PermissionDenied("only applicant contacts register applicants")
    applicant = Applicant(kind=kind)
    for name in FIELDS[kind]:
        if name in values:
            setattr(applicant, name, values[name])
    if kind == ApplicantKind.ORGANIZATION:
        parent = _parent(actor, parent_uscc, parent_name)
        applicant.parent = parent
        if parent is not None and parent.uscc and parent.uscc == applicant.uscc:
            raise ValidationError({"uscc": _("A branch has its own unified social credit code.")})
    if kind == ApplicantKind.INDIVIDUAL:
        if not id_number:
            raise ValidationError({"id_number": _("Give the citizen identity number.")})
        applicant.person = record_person_identity(
            actor=actor, name=values.get("name", ""), id_number=id_number, phone=phone
        )
    applicant.full_clean()
    applicant.save()
    applicant.contacts.add(actor)
    record(actor=actor, action="applicant.create", obj=applicant, after=_facts(applicant))
    return applicant


@transaction.atomic
def update_applicant(
    *, applicant: Applicant, actor, values: dict, id_number: str = "", phone: str = "",
    parent_uscc: str | None = None, parent_name: str = "",
) -> Applicant:  # fmt: skip
    """Change a profile. Applications already submitted keep the facts they were submitted with."""
    applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
    if not is_applicant_contact(actor, applicant):
        raise PermissionDenied("not a contact of this applicant")
    before = _facts(applicant)
    for name in FIELDS[applicant.kind]:
        if name in values:
            setattr(applicant, name, values[name])
    if applicant.kind == ApplicantKind.ORGANIZATION and parent_uscc is not None:
        applicant.parent = _parent(actor, parent_uscc, parent_name)
    if applicant.kind == ApplicantKind.INDIVIDUAL and (id_number or phone):
        current = applicant.person
        applicant.person = record_person_identity(
            actor=actor,
            name=applicant.name,
            id_number=id_number or (current.id_number if current else ""),
            phone=phone or (current.phone if current else ""),
        )
    applicant.full_clean()
    applicant.save()
    after = _facts(applicant)
    changed = {k for k in after if before.get(k) != after.get(k)}
    if changed:
        record(
            actor=actor,
            action="applicant.update",
            obj=applicant,
            before={k: before.get(k) for k in changed},
            after={k: after[k] for k in changed},
        )
    return applicant


@transaction.atomic
def add_team_member(
    *, team: Applicant, actor, name: str, id_number: str, phone: str = "", values: dict
) -> TeamMember:
    team = Applicant.objects.select_for_update().get(pk=team.pk)
    if team.kind != ApplicantKind.TEAM:
        raise ValidationError(_("Only a team has members."))
    if not is_applicant_contact(actor, team):
        raise PermissionDenied("not a contact of this team")
    person = record_person_identity(actor=actor, name=name, id_number=id_number, phone=phone)
    last = team.members.order_by("-position").values_list("position", flat=True).first() or 0
    member = TeamMember(team=team, person=person, position=last + 1)
    for field in MEMBER_FIELDS:
        if field in values:
            setattr(member, field, values[field])
    member.full_clean()
    member.save()
    record(
        actor=actor,
        action="applicant.member_added",
        obj=team,
        after={
            "position": member.position,
            "person": str(person),
            **{f: values.get(f) for f in MEMBER_FIELDS},
        },
    )
    return member


@transaction.atomic
def remove_team_member(*, member: TeamMember, actor) -> TeamMember:
    """The member leaves the team (kept on record for applications already made)."""
    member = TeamMember.objects.select_for_update().select_related("team").get(pk=member.pk)
    if not is_applicant_contact(actor, member.team):
        raise PermissionDenied("not a contact of this team")
    if member.removed_at is not None:
        raise ValidationError(_("This member has already left the team."))
    member.removed_at = timezone.now()
    member.save(update_fields=["removed_at"])
    record(
        actor=actor,
        action="applicant.member_removed",
        obj=member.team,
        before={"position": member.position, "person": str(member.person)},
    )
    return member
