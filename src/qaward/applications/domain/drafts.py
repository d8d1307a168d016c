"""Starting and editing drafts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qaward.applications.domain.references import next_reference
from qaward.applications.enums import ApplicationState
from qaward.applications.models import Application
from qaward.audit.domain import record
from qaward.rulebooks import registry


@transaction.atomic
def start_application(*, cycle, applicant, tier: str, actor, track: str = "", title: str = "") -> Application:
    """A new draft application of ``applicant`` to ``cycle`` for ``tier`` (a rulebook tier id).

    Checks only what the data model needs (the tier admits the applicant's kind, the track
    exists); the rule checks (call open, eligibility, bans) run at submission.
    """
    book = registry.get(cycle.rulebook_id)
    kind = applicant.kind
    if tier not in book.tiers:
        raise ValidationError({"tier": _("This award has no such tier.")})
    if kind not in book.tiers[tier].admits:
        raise ValidationError({"tier": _("This tier is not open to this kind of applicant.")})
    tracks = book.applicant_kinds[kind].tracks if kind in book.applicant_kinds else ()
    if track and track not in {t.id for t in tracks}:
        raise ValidationError({"track": _("This award has no such track for this kind of applicant.")})
    if not track and len(tracks) == 1:
        track = tracks[0].id
    if (
        Application.objects.filter(cycle=cycle, applicant=applicant)
        .exclude(state=ApplicationState.WITHDRAWN)
        .exists()
    ):
        raise ValidationError(_("This applicant already has an application in this cycle."))
    application = Application(
        reference=next_reference(cycle),
        cycle=cycle,
        applicant=applicant,
        kind=kind,
        tier=tier,
        track=track,
        title=title or applicant.name,
        created_by=actor,
    )
    application.full_clean()
    application.save()
    record(
        actor=actor,
        action="application.start",
        obj=application,
        after={"reference": application.reference, "tier": tier, "track": track, "kind": kind},
        program=cycle.program,
    )
    return application
