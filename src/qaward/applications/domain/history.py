"""The program's history of an applicant, for the bans and re-application bars at submission.

Bans are read from ``ApplicantBan`` (written by the objection and revocation workflows from
``rulebooks.engine.ban_until``, so they carry their own end and article). Past awards come from
``AwardRecord`` and go through ``rulebooks.engine.may_apply`` (re-application rules, transitional
awards under a superseded regulation). A revoked award bars nothing by itself: the revocation's
consequence is its ban.
"""

from __future__ import annotations

import datetime as dt

from qaward.applications.models import ApplicantBan, AwardRecord
from qaward.programs.models import Cycle
from qaward.rulebooks.engine import CycleRef, HistoryEvent, MayApply, Verdict, may_apply
from qaward.rulebooks.engine.verdict import FAIL


def _cycle_number_on(program, day: dt.date) -> int | None:
    """The number of the program's cycle running (or last opened) on ``day``."""
    return (
        Cycle.objects.filter(program=program, call_opens__lte=day)
        .order_by("-call_opens")
        .values_list("number", flat=True)
        .first()
    )


def ban_in_force(ban: ApplicantBan, cycle, today: dt.date) -> bool:
    if ban.lifted_at is not None or ban.starts_on > today:
        return False
    if ban.cycles:
        source = ban.source_application.cycle.number if ban.source_application_id else None
        source = source or _cycle_number_on(ban.program, ban.starts_on) or 0
        return source < cycle.number <= source + ban.cycles
    return ban.ends_on is None or today <= ban.ends_on


def ban_verdicts(applicant, cycle, today: dt.date) -> list[Verdict]:
    verdicts = []
    bans = ApplicantBan.objects.filter(applicant=applicant, program=cycle.program).select_related(
        "source_application__cycle"
    )
    for ban in bans:
        if not ban_in_force(ban, cycle, today):
            continue
        if ban.cycles:
            until = f"自{ban.starts_on.isoformat()}起{ban.cycles}个评选周期内不得申报"
        elif ban.ends_on:
            until = f"{ban.ends_on.isoformat()}前不得申报"
        else:
            until = "不得申报"
        verdicts.append(
            Verdict(
                rule_id=ban.rule_id,
                outcome=FAIL,
                message=f"申报主体被禁止申报：{ban.reason}，{until}（{ban.citation}）",
                cite=None,
                citation=ban.citation,
                rulebook=ban.rulebook,
                details={"ban": ban.pk},
            )
        )
    return verdicts


def history_events(applicant, program) -> list[HistoryEvent]:
    records = AwardRecord.objects.filter(applicant=applicant, program=program, revoked_on__isnull=True)
    return [
        HistoryEvent(
            event="award",
            date=r.awarded_on,
            tier=r.tier,
            cycle_number=r.cycle_number or _cycle_number_on(program, r.awarded_on),
            under=r.under or None,
        )
        for r in records
    ]


def reapplication(book, application) -> MayApply:
    cycle = application.cycle
    ref = CycleRef(number=cycle.number, year=cycle.year, opens=cycle.call_opens)
    return may_apply(book, history_events(application.applicant, cycle.program), ref, kind=application.kind)
