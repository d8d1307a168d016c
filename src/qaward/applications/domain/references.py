"""Application numbers: ``<program slug>-<year>-<5 digits>``, e.g. ``jilin-2026-00017``."""

from __future__ import annotations

from qaward.applications.models import Application


def next_reference(cycle) -> str:
    """The next free number in ``cycle``; call inside the transaction that creates the row (the
    unique constraint on ``reference`` turns a concurrent duplicate into an IntegrityError, never
    into two applications with one number)."""
    prefix = f"{cycle.program.slug}-{cycle.year}-"
    last = (
        Application.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:05d}"
