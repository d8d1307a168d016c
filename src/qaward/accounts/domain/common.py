"""Helpers shared by the account writes (roles.py, invitations.py): validation of role
assignments and of new accounts, and the audit hook. Not for use outside accounts.domain."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from qaward.accounts.models import Role, RoleAssignment


def record_event(**kwargs):
    # Imported here: the audit app imports accounts (roles, queries), not the other way round.
    from qaward.audit.domain import record

    return record(**kwargs)


def check_actor(actor, perm: str, obj) -> None:
    import rules

    if actor is not None and not rules.has_perm(perm, actor, obj):
        raise PermissionDenied(f"{actor} may not {perm} on {obj!r}")


def as_role(value) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError({"role": _("Unknown role “%(role)s”.") % {"role": value}}) from None


def assignment_facts(assignment: RoleAssignment) -> dict:
    return {
        "user": assignment.user.get_username(),
        "role": assignment.role,
        "program": assignment.program.slug if assignment.program_id else None,
        "recommending_unit": assignment.recommending_unit.name if assignment.recommending_unit_id else None,
        "revoked_at": assignment.revoked_at,
        "revoke_reason": assignment.revoke_reason,
    }


def check_scope(role: Role, program) -> None:
    """Platform administrators hold no program; every other role is held in one."""
    if role == Role.PLATFORM_ADMIN and program is not None:
        raise ValidationError(
            {"program": _("Platform administrators hold their role without an award program.")}
        )
    if role != Role.PLATFORM_ADMIN and program is None:
        raise ValidationError(
            {
                "program": _("Choose the award program in which the “%(role)s” role is held.")
                % {"role": role.label}
            }
        )


def check_assignment(*, user, role: Role, program, recommending_unit) -> None:
    """Refuse an assignment that would be wrong whoever asked for it."""
    check_scope(role, program)
    if program is not None and not program.active:
        raise ValidationError({"program": _("%(program)s is no longer active.") % {"program": program}})
    if role == Role.RECOMMENDER:
        if recommending_unit is None:
            raise ValidationError(
                {"recommending_unit": _("Choose the recommending unit this recommender acts for.")}
            )
        if recommending_unit.program_id != program.pk:
            raise ValidationError(
                {
                    "recommending_unit": _("%(unit)s does not recommend for %(program)s.")
                    % {"unit": recommending_unit, "program": program}
                }
            )
        if not recommending_unit.active:
            raise ValidationError(
                {
                    "recommending_unit": _("%(unit)s no longer recommends applicants.")
                    % {"unit": recommending_unit}
                }
            )
    elif recommending_unit is not None:
        raise ValidationError({"recommending_unit": _("Only recommenders act for a recommending unit.")})
    holds = RoleAssignment.objects.filter(user=user, role=role, program=program, revoked_at__isnull=True)
    if holds.exists():
        where = program.name if program is not None else _("the platform")
        raise ValidationError(
            _("%(user)s already holds the role “%(role)s” in %(where)s.")
            % {"user": user, "role": role.label, "where": where},
            code="duplicate_role",
        )


def create_assignment(*, user, role: Role, program, recommending_unit, granted_by) -> RoleAssignment:
    assignment = RoleAssignment(
        user=user, role=role, program=program, recommending_unit=recommending_unit, granted_by=granted_by
    )
    try:
        # A savepoint: a concurrent grant of the same role trips the unique constraint here.
        with transaction.atomic():
            assignment.save()
    except IntegrityError:
        raise ValidationError(
            _("%(user)s already holds the role “%(role)s” in %(where)s.")
            % {"user": user, "role": role.label, "where": program or _("the platform")},
            code="duplicate_role",
        ) from None
    return assignment


def create_account(*, username, password, full_name, email, phone="", is_active=True):
    """A new user, validated field by field (errors keyed by field). No audit event of its own:
    the registration or invitation that creates the account records it."""
    User = get_user_model()
    username = User.normalize_username((username or "").strip())
    user = User(
        username=username,
        full_name=(full_name or "").strip(),
        email=User.objects.normalize_email((email or "").strip()),
        phone=(phone or "").strip(),
        is_active=is_active,
    )
    errors: dict[str, list] = {}
    try:
        # Uniqueness is checked below, case-insensitively and with a clearer message.
        user.full_clean(exclude=["password"], validate_unique=False)
    except ValidationError as e:
        errors.update(e.message_dict)
    # Case-insensitively unique: "Wang" and "wang" would be mistaken for each other.
    if username and "username" not in errors and User.objects.filter(username__iexact=username).exists():
        errors["username"] = [_("This username is already taken; choose another.")]
    if not user.full_name:
        errors.setdefault("full_name", []).append(_("Enter your full name."))
    if not user.email:
        errors.setdefault("email", []).append(_("Enter an email address; the award office writes to it."))
    try:
        validate_password(password or "", user)
    except ValidationError as e:
        errors["password"] = e.messages
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # registered concurrently under the same name
        raise ValidationError({"username": [_("This username is already taken; choose another.")]}) from None
    return user
