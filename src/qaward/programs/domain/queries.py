"""Reads for the programs app."""

from __future__ import annotations

from django.db.models import Prefetch

from qaward.programs.enums import JurisdictionLevel
from qaward.programs.models import AwardProgram, Cycle


def programs_with_current_cycle(*, active_only: bool = True) -> list[AwardProgram]:
    """Programs with their jurisdiction, each with ``current_cycle`` (highest number, or None)."""
    programs = AwardProgram.objects.select_related("jurisdiction").prefetch_related(
        Prefetch("cycles", queryset=Cycle.objects.order_by("-number"), to_attr="cycles_newest_first")
    )
    if active_only:
        programs = programs.filter(active=True)
    # Province first, then prefecture, city and county; by region code within a level.
    levels = list(JurisdictionLevel.values)
    result = sorted(programs, key=lambda p: (levels.index(p.jurisdiction.level), p.jurisdiction.code, p.name))
    for program in result:
        program.current_cycle = program.cycles_newest_first[0] if program.cycles_newest_first else None
    return result
