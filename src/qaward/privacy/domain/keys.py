"""Key rotation: re-encrypt every ``EncryptedTextField`` under the current key, and recompute
every ``BlindIndexField`` after a change of ``QAWARD_INDEX_KEY``.

Work is done per model field in batches of rows ordered by primary key (through the base
manager, so no custom manager hides rows); each batch is one transaction with its own audit
event, so a long run can be interrupted and simply run again (rows already under the current
key are counted and left alone).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.db.models.functions import Cast

from qaward.privacy import crypto
from qaward.privacy.fields import BlindIndexField, EncryptedTextField

DEFAULT_BATCH_SIZE = 500


@dataclass
class FieldRotation:
    """Counts for one model field."""

    label: str  # app_label.Model.field
    changed: int = 0  # re-encrypted (or re-indexed)
    unchanged: int = 0  # already under the current key (or index already right)
    empty: int = 0


def _fields_of(kind: type) -> Iterator[tuple[type[models.Model], models.Field]]:
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.local_concrete_fields:
            if isinstance(field, kind):
                yield model, field


def encrypted_fields() -> list[tuple[type[models.Model], EncryptedTextField]]:
    """Every concrete ``EncryptedTextField`` of every installed model."""
    return list(_fields_of(EncryptedTextField))


def _label(model, field) -> str:
    return f"{model._meta.label}.{field.name}"


def _record_batch(*, actor, action: str, label: str, first_pk, last_pk, changed: int) -> None:
    from qaward.audit.domain import record

    # Counts and key ranges only: never a value, never a key.
    record(
        actor=actor,
        action=action,
        after={"field": label, "rows": changed, "first_pk": str(first_pk), "last_pk": str(last_pk)},
    )


@transaction.atomic
def rotate_field_batch(
    *, model, field, after_pk, batch_size: int, actor=None
) -> tuple[object, FieldRotation]:
    """Re-encrypt one batch of ``model.field`` (rows with pk > ``after_pk``). Returns the last pk
    seen (None when there were no rows) and the batch's counts."""
    counts = FieldRotation(_label(model, field))
    rows = model._base_manager.select_for_update().order_by("pk")
    if after_pk is not None:
        rows = rows.filter(pk__gt=after_pk)
    # Cast to a plain TextField so the stored token comes back as is, without from_db_value.
    raw = list(
        rows.annotate(_token=Cast(field.attname, models.TextField())).values_list("pk", "_token")[:batch_size]
    )
    for pk, token in raw:
        if not token:
            counts.empty += 1
        elif crypto.is_current(token):
            counts.unchanged += 1
        else:
            # A Value with a plain TextField output: written as given, not encrypted again.
            new = models.Value(crypto.rotate(token), output_field=models.TextField())
            model._base_manager.filter(pk=pk).update(**{field.attname: new})
            counts.changed += 1
    if counts.changed:
        _record_batch(
            actor=actor,
            action="privacy.field_keys_rotated",
            label=counts.label,
            first_pk=raw[0][0],
            last_pk=raw[-1][0],
            changed=counts.changed,
        )
    return (raw[-1][0] if raw else None), counts


@transaction.atomic
def reindex_blind_index_batch(
    *, model, field, after_pk, batch_size: int, actor=None
) -> tuple[object, FieldRotation]:
    """Recompute one batch of a ``BlindIndexField`` from its (decrypted) source field."""
    counts = FieldRotation(_label(model, field))
    rows = model._base_manager.select_for_update().order_by("pk")
    if after_pk is not None:
        rows = rows.filter(pk__gt=after_pk)
    batch = list(rows.values_list("pk", field.source, field.attname)[:batch_size])
    for pk, source, stored in batch:
        digest = field.index_of(source)
        if digest == stored:
            if source:
                counts.unchanged += 1
            else:
                counts.empty += 1
            continue
        model._base_manager.filter(pk=pk).update(**{field.attname: digest})
        counts.changed += 1
    if counts.changed:
        _record_batch(
            actor=actor,
            action="privacy.blind_indexes_rebuilt",
            label=counts.label,
            first_pk=batch[0][0],
            last_pk=batch[-1][0],
            changed=counts.changed,
        )
    return (batch[-1][0] if batch else None), counts


def _run(batch_function, fields, *, batch_size: int, actor, progress) -> list[FieldRotation]:
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    results = []
    for model, field in fields:
        total = FieldRotation(_label(model, field))
        after_pk = None
        while True:
            after_pk, counts = batch_function(
                model=model, field=field, after_pk=after_pk, batch_size=batch_size, actor=actor
            )
            total.changed += counts.changed
            total.unchanged += counts.unchanged
            total.empty += counts.empty
            if after_pk is None:
                break
            if progress:
                progress(total)
        results.append(total)
    return results


def rotate_field_keys(
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    actor=None,
    progress: Callable[[FieldRotation], None] | None = None,
) -> list[FieldRotation]:
    """Re-encrypt every ``EncryptedTextField`` value of every model under the first key of
    ``QAWARD_FIELD_KEYS`` (``MultiFernet.rotate``). Afterwards keys other than the first can be
    removed. Raises ``crypto.UndecryptableValue`` if a value opens with none of the keys."""
    return _run(rotate_field_batch, encrypted_fields(), batch_size=batch_size, actor=actor, progress=progress)


def reindex_blind_indexes(
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    actor=None,
    progress: Callable[[FieldRotation], None] | None = None,
) -> list[FieldRotation]:
    """Recompute every ``BlindIndexField`` under the current ``QAWARD_INDEX_KEY``."""
    fields = list(_fields_of(BlindIndexField))
    return _run(reindex_blind_index_batch, fields, batch_size=batch_size, actor=actor, progress=progress)
