"""The one place an application's state changes (see ``applications.transitions``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.applications.domain.actors import acts_as
from qaward.applications.enums import ApplicationState
from qaward.applications.models import Application, StateChange
from qaward.applications.transitions import TRANSITIONS, Transition
from qaward.audit.domain import record


def check_transition(*, application: Application, name: str, actor, system: bool = False) -> Transition:
    """The transition ``name`` if ``actor`` may take it now; otherwise a ValidationError saying why."""
    transition = TRANSITIONS[name]
    if application.state not in transition.sources:
        raise ValidationError(
            _("“%(action)s” is not possible while the application is “%(state)s”.")
            % {"action": transition.label, "state": ApplicationState(application.state).label},
            code="out_of_order",
        )
    if not system and not any(acts_as(actor, application, role) for role in transition.by):
        raise ValidationError(_("You may not do this for this application."), code="not_allowed")
    return transition


@transaction.atomic
def apply_transition(
    *,
    application: Application,
    name: str,
    actor,
    reason: str = "",
    verdict=None,
    system: bool = False,
    extra: dict | None = None,
) -> StateChange:
    """Move ``application`` along transition ``name``: checked, kept in ``StateChange`` and in
    the audit log (with the deciding rule's verdict when one decided). ``system=True`` is for
    moves the rules make by themselves (e.g. a missed deadline), with ``actor=None``.

    ``extra``: further fields changed together with the state (recorded before/after).
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    transition = check_transition(application=application, name=name, actor=actor, system=system)
    reason = (reason or "").strip()
    if transition.reason_required and not reason:
        raise ValidationError({"reason": _("Give the reason; it is sent to the applicant.")})
    before = {"state": application.state}
    after = {"state": transition.target}
    for field, value in (extra or {}).items():
        before[field] = _plain(getattr(application, field))
        after[field] = _plain(value)
        setattr(application, field, value)
    now = timezone.now()
    application.state = transition.target
    application.state_changed_at = now
    if transition.target in (ApplicationState.SUBMITTED, ApplicationState.FORMAL_REVIEW) and name.startswith(
        ("submit", "resubmit")
    ):
        application.submitted_at = now
    application.save()
    change = StateChange.objects.create(
        application=application,
        transition=name,
        source=before["state"],
        target=transition.target,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason,
        rule_id=getattr(verdict, "rule_id", "") or "",
        citation=getattr(verdict, "citation", "") or "",
        at=now,
    )
    if reason:
        after["reason"] = reason
    record(
        actor=actor,
        action=f"application.{name}",
        obj=application,
        before=before,
        after=after,
        verdict=verdict,
        program=application.cycle.program,
    )
    return change


def _plain(value):
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
