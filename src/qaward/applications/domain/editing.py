"""Saving drafts: the application form, the self-evaluation and the declarations.

What was typed is stored as typed, valid or not (autosave posts every few seconds), so nothing is
lost to a validation error or a dropped connection; the form shows field-level errors for what does
not validate and the self-check reports what is missing. Each save is audited with the names of
the fields it changed (not their text: drafts change constantly).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qaward.applications.domain.actors import is_contact_of
from qaward.applications.forms.application import build_form, field_names
from qaward.applications.models import Application
from qaward.applications.spec import requirements
from qaward.applications.spec.form import form_fields
from qaward.applications.transitions import EDITABLE_STATES
from qaward.audit.domain import record
from qaward.rulebooks import registry
from qaward.scoring.rubrics import rubric

MAX_TEXT = 20_000  # per self-evaluation item


def book_of(application):
    return registry.get(application.cycle.rulebook_id)


def rubric_of(application):
    book = book_of(application)
    kind = book.applicant_kinds.get(application.kind)
    tracks = kind.tracks if kind else ()
    track = next((t for t in tracks if t.id == application.track), tracks[0] if tracks else None)
    return rubric(track.rubric) if track else None


def _editable(application: Application, actor) -> Application:
    locked = (
        Application.objects.select_for_update()
        .select_related("cycle__program", "applicant")
        .get(pk=application.pk)
    )
    if not is_contact_of(actor, locked):
        raise PermissionDenied("not a contact of this application's applicant")
    if locked.state not in EDITABLE_STATES:
        raise ValidationError(_("This application has been submitted and can no longer be changed."))
    return locked


def _text(value) -> str:
    return str(value if value is not None else "")[:MAX_TEXT]


@transaction.atomic
def save_form(*, application: Application, actor, data) -> Application:
    """Store the application form's raw values (only the fields the form has)."""
    application = _editable(application, actor)
    book = book_of(application)
    names = field_names(form_fields(book, application.kind))
    before = dict(application.form_data or {})
    after = dict(before)
    for name in names:
        if name in data:
            after[name] = _text(data.get(name))
    changed = sorted(k for k in names if before.get(k) != after.get(k))
    if not changed:
        return application
    application.form_data = after
    form = build_form(book, application.kind, after)
    if form.is_valid() or "keywords" not in form.errors:
        application.keywords = (after.get("keywords") or "")[:300]
    from qaward.applications.domain.facts import application_facts
    from qaward.applications.domain.today import local_today

    application.facts = application_facts(book, application, local_today()).as_json()
    application.save(update_fields=["form_data", "keywords", "facts", "updated_at"])
    record(
        actor=actor,
        action="application.form_saved",
        obj=application,
        after={"changed": changed},
        program=application.cycle.program,
    )
    return application


@transaction.atomic
def save_self_evaluation(*, application: Application, actor, data) -> Application:
    application = _editable(application, actor)
    items = rubric_of(application).items
    before = dict(application.self_evaluation or {})
    after = dict(before)
    for item in items:
        key = f"item_{item.id}"
        if key in data:
            after[item.id] = _text(data.get(key))
    changed = sorted(k for k in after if before.get(k) != after.get(k))
    if not changed:
        return application
    application.self_evaluation = after
    application.save(update_fields=["self_evaluation", "updated_at"])
    record(
        actor=actor,
        action="application.self_evaluation_saved",
        obj=application,
        after={"changed": changed},
        program=application.cycle.program,
    )
    return application


@transaction.atomic
def save_declarations(*, application: Application, actor, accepted) -> Application:
    """Record which declarations the applicant makes (ids from ``spec.requirements.declarations``)."""
    application = _editable(application, actor)
    known = {d.id for d in requirements.declarations(book_of(application))}
    after = {d: d in set(accepted) for d in sorted(known)}
    before = dict(application.declarations or {})
    if before == after:
        return application
    application.declarations = after
    application.save(update_fields=["declarations", "updated_at"])
    record(
        actor=actor,
        action="application.declarations_saved",
        obj=application,
        before=before,
        after=after,
        program=application.cycle.program,
    )
    return application
