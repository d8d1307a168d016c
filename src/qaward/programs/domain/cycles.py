from __future__ import annotations

from datetime import date

from django.db import transaction

from qaward.programs.enums import CycleStatus
from qaward.programs.models import AwardProgram, Cycle


def pin_rulebook(cycle: Cycle) -> None:
    """Copy the program's current rulebook onto a cycle that is being created."""
    if cycle.pk is not None:
        raise ValueError("a cycle's rulebook is pinned at creation and cannot be changed")
    cycle.rulebook_id = cycle.program.rulebook_id
    cycle.rulebook_version = cycle.program.rulebook_version


@transaction.atomic
def create_cycle(
    *,
    program: AwardProgram,
    number: int,
    year: int,
    call_opens: date,
    call_closes: date,
    status: str = CycleStatus.DRAFT,
) -> Cycle:
    """Create cycle 第``number``届 of ``program``, pinned to the program's rulebook version."""
    cycle = Cycle(
        program=program,
        number=number,
        year=year,
        call_opens=call_opens,
        call_closes=call_closes,
        status=status,
    )
    pin_rulebook(cycle)
    cycle.full_clean()
    cycle.save()
    return cycle
