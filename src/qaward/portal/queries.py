"""Reads for the public portal: only published things, each with what its page shows."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Max
from django.urls import NoReverseMatch, reverse

from qaward.programs.models import AwardProgram, CallNotice
from qaward.publicity.domain import queries as publicity
from qaward.publicity.models import PublicityWindow
from qaward.publicity.models.window import Channel


def programs() -> list[AwardProgram]:
    return list(
        AwardProgram.objects.filter(active=True).select_related("jurisdiction").order_by("jurisdiction__code")
    )


def notices(program: AwardProgram | None = None, limit: int | None = None):
    qs = CallNotice.objects.select_related("program", "cycle").order_by("-published_on", "-pk")
    if program is not None:
        qs = qs.filter(program=program)
    return qs[:limit] if limit else qs


def current_windows(program: AwardProgram | None = None, at: datetime | None = None):
    qs = publicity.current_public_windows(at)
    return qs.filter(program=program) if program is not None else qs


def past_windows(program: AwardProgram | None = None, at: datetime | None = None):
    qs = publicity.past_public_windows(at)
    return qs.filter(program=program) if program is not None else qs


def public_window(pk: int) -> PublicityWindow | None:
    return publicity.public_windows().filter(pk=pk).first()


def last_change(program: AwardProgram | None = None) -> datetime | None:
    """When anything the portal shows (for ``program``, or at all) last changed."""
    windows = PublicityWindow.objects.exclude(channel=Channel.INTERNAL)
    calls = CallNotice.objects.all()
    if program is not None:
        windows, calls = windows.filter(program=program), calls.filter(program=program)
    stamps = [
        windows.aggregate(m=Max("updated_at"))["m"],
        calls.aggregate(m=Max("created_at"))["m"],
    ]
    stamps = [s for s in stamps if s is not None]
    return max(stamps) if stamps else None


def objection_url(entry_id: int) -> str | None:
    """The objection form for an entry, once the objections app serves ``objections:file``."""
    try:
        return reverse("objections:file", kwargs={"entry_id": entry_id})
    except NoReverseMatch:
        return None
