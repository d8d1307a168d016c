"""Who may act on an application, as plain checks over role facts (used by the domain and by
``applications/rules.py``)."""

from __future__ import annotations

from qaward.accounts.domain.queries import active_roles, holds_role_in, is_platform_admin
from qaward.accounts.models import Role


def is_contact_of(user, application) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return application.applicant.contacts.filter(pk=user.pk).exists()


def is_recommender_for(user, application) -> bool:
    """A user of the recommending unit the application is routed to (in its program)."""
    if application.recommending_unit_id is None:
        return False
    return (
        active_roles(user)
        .filter(
            role=Role.RECOMMENDER,
            program_id=application.cycle.program_id,
            recommending_unit_id=application.recommending_unit_id,
        )  # fmt: skip
        .exists()
    )


def is_office_staff_for(user, application) -> bool:
    return holds_role_in(user, application.cycle.program, [Role.OFFICE_STAFF])


def acts_as(user, application, role: str) -> bool:
    """True when ``user`` may act on ``application`` in ``role`` (a transition's ``by`` entry)."""
    if role == "applicant":
        return is_contact_of(user, application)
    if role == Role.RECOMMENDER:
        return is_recommender_for(user, application)
    if role == Role.OFFICE_STAFF:
        return is_office_staff_for(user, application) or is_platform_admin(user)
    return holds_role_in(user, application.cycle.program, [role])
