"""Evidentiary materials: files uploaded to the material items of an application.

The file is stored by ``documents.store_upload`` (checked, scanned, kept privately) with the
application as its owner; ``ApplicationMaterial`` says which item it answers. A file replaced or
removed is withdrawn, never deleted (10-year retention).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qaward.applications.domain.editing import _editable, book_of
from qaward.applications.models import Application, ApplicationMaterial
from qaward.applications.spec.requirements import material_items
from qaward.audit.domain import record
from qaward.documents.domain.uploads import store_upload
from qaward.documents.domain.withdrawal import withdraw_file
from qaward.documents.enums import FileState


def item_of(application: Application, item_id: str):
    for item in material_items(book_of(application), application.kind):
        if item.id == item_id:
            return item
    raise ValidationError({"item": _("This application has no such material item.")})


def active_materials(application: Application):
    return (
        ApplicationMaterial.objects.filter(application=application, file__state=FileState.ACTIVE)
        .select_related("file")
        .order_by("item", "added_at")
    )


def add_material(*, application: Application, actor, item_id: str, uploaded_file, trade_secret: bool = False):
    """Upload ``uploaded_file`` to item ``item_id``; a single-file item's previous file is withdrawn."""
    with transaction.atomic():
        application = _editable(application, actor)
    item = item_of(application, item_id)
    if uploaded_file is None:
        raise ValidationError({"file": _("Choose a file to upload.")})
    stored = store_upload(
        uploaded_file=uploaded_file,
        slot=item.slot,
        actor=actor,
        program=application.cycle.program,
        owner=application,
        trade_secret=trade_secret,
    )
    with transaction.atomic():
        application = _editable(application, actor)
        replaced = []
        if not item.multiple:
            for old in active_materials(application).filter(item=item.id):
                withdraw_file(stored_file=old.file, actor=actor, reason=_("Replaced by a new upload."))
                replaced.append(str(old.file_id))
        material = ApplicationMaterial.objects.create(
            application=application, item=item.id, label=item.label, file=stored, added_by=actor
        )
        record(
            actor=actor,
            action="application.material_added",
            obj=application,
            after={
                "item": item.id,
                "file": str(stored.pk),
                "confidential": stored.trade_secret,
                "replaced": replaced,
            },
            program=application.cycle.program,
        )
    return material


@transaction.atomic
def remove_material(*, application: Application, actor, material: ApplicationMaterial) -> None:
    application = _editable(application, actor)
    if material.application_id != application.pk:
        raise ValidationError(_("This file does not belong to this application."))
    withdraw_file(
        stored_file=material.file, actor=actor, reason=_("Removed by the applicant from the draft.")
    )
    record(
        actor=actor,
        action="application.material_removed",
        obj=application,
        before={"item": material.item, "file": str(material.file_id)},
        program=application.cycle.program,
    )
