"""Calls for applications: the office opens a cycle (届) with its call notice (申报通知).

A cycle opens only in a year the rulebook's cycle rule allows (``rulebooks.engine.may_open_cycle``:
every N years from the last cycle). Outside it the opening is refused with the article, unless
the office records why it deviates (an override, audited with the verdict it overrides). Two
cycles in one year are refused even with a reason. The rulebook version in force is pinned to
the cycle when it is created (``cycles.pin_rulebook``).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.audit.domain import record, refuse
from qaward.programs.domain.cycles import create_cycle
from qaward.programs.enums import CycleStatus
from qaward.programs.models import AwardProgram, CallNotice, Cycle
from qaward.rulebooks import registry
from qaward.rulebooks.engine import may_open_cycle


def _clean_materials(materials) -> list[str]:
    if isinstance(materials, str):
        materials = materials.splitlines()
    return [line.strip(" \t-•·") for line in materials or [] if line and line.strip(" \t-•·")]


def cycle_rule_verdict(*, program: AwardProgram, year: int, exclude: Cycle | None = None):
    """The rulebook's verdict on a cycle of ``program`` in ``year`` (pass / fail / needs_reason)."""
    book = registry.get(program.rulebook_id)
    years = program.cycles.exclude(pk=getattr(exclude, "pk", None)).values_list("year", flat=True)
    return may_open_cycle(book, year, list(years))


def _check_cycle_rule(*, program, year, actor, override_reason: str, exclude=None):
    """The verdict, after refusing (audited) when the rule says no and nobody gave a reason."""
    verdict = cycle_rule_verdict(program=program, year=year, exclude=exclude)
    if verdict.outcome == "pass":
        return verdict
    duplicate = "expected_year" not in verdict.details
    if duplicate or not override_reason:
        refuse(actor=actor, action="programs.open_cycle", verdict=verdict, obj=program, field="year")
    return verdict


def _notice(*, program, cycle, title, doc_no, published_on, body, materials, contact, actor, override_reason):
    notice = CallNotice(
        program=program,
        cycle=cycle,
        title=(title or "").strip(),
        doc_no=(doc_no or "").strip(),
        issuer=program.office_name,
        published_on=published_on,
        body=(body or "").strip(),
        materials=_clean_materials(materials),
        contact=(contact or "").strip(),
        cycle_rule_override=override_reason,
        published_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    notice.full_clean(exclude=["cycle"] if cycle.pk is None else None)
    return notice


def _validate_dates(*, year: int, call_opens: date, call_closes: date, published_on: date) -> None:
    errors = {}
    if call_opens and call_closes and call_closes < call_opens:
        errors["call_closes"] = _("Applications cannot close before they open.")
    if published_on and call_opens and published_on > call_opens:
        errors["published_on"] = _("The notice must be published on or before the day applications open.")
    if call_opens and abs(call_opens.year - year) > 1:
        errors["call_opens"] = _("Applications should open in or near the cycle's year.")
    if errors:
        raise ValidationError(errors)


def open_cycle(
    *,
    program: AwardProgram,
    year: int,
    call_opens: date,
    call_closes: date,
    title: str,
    doc_no: str,
    body: str,
    materials,
    contact: str,
    actor,
    published_on: date | None = None,
    override_reason: str = "",
) -> CallNotice:
    """Open the next cycle of ``program`` in ``year`` and publish its call notice.

    Refused with the rulebook's article when the cycle rule does not allow ``year`` and no
    ``override_reason`` is given (never for a second cycle in the same year). Returns the notice;
    the new cycle is ``notice.cycle`` (status open, rulebook pinned).
    """
    override_reason = (override_reason or "").strip()
    published_on = published_on or timezone.localdate()
    verdict = _check_cycle_rule(program=program, year=year, actor=actor, override_reason=override_reason)
    _validate_dates(year=year, call_opens=call_opens, call_closes=call_closes, published_on=published_on)
    return _open(
        program=program, year=year, call_opens=call_opens, call_closes=call_closes, title=title, doc_no=doc_no,
        body=body, materials=materials, contact=contact, actor=actor, published_on=published_on,
        override_reason=override_reason if verdict.outcome != "pass" else "", verdict=verdict,
    )  # fmt: skip


@transaction.atomic
def _open(*, program, year, call_opens, call_closes, actor, verdict, override_reason, **notice_fields):
    # Lock the program row so two offices' clicks cannot both take the same cycle number.
    program = AwardProgram.objects.select_for_update().get(pk=program.pk)
    number = (program.cycles.aggregate(top=Max("number"))["top"] or 0) + 1
    # Validate the notice before creating anything, so a bad 发文字号 leaves no empty cycle behind.
    probe = Cycle(program=program, number=number, year=year, call_opens=call_opens, call_closes=call_closes)
    _notice(program=program, cycle=probe, actor=actor, override_reason=override_reason, **notice_fields)
    cycle = create_cycle(
        program=program, number=number, year=year, call_opens=call_opens, call_closes=call_closes,
        status=CycleStatus.OPEN,
    )  # fmt: skip
    notice = _notice(
        program=program, cycle=cycle, actor=actor, override_reason=override_reason, **notice_fields
    )
    notice.save()
    after = {
        "cycle": cycle.number,
        "year": year,
        "call_opens": call_opens,
        "call_closes": call_closes,
        "rulebook": f"{cycle.rulebook_id}@{cycle.rulebook_version}",
        "doc_no": notice.doc_no,
    }
    if override_reason:
        after["override_reason"] = override_reason
        record(actor=actor, action="programs.open_cycle.override", obj=cycle, after=after, verdict=verdict)
    record(actor=actor, action="programs.open_cycle", obj=cycle, after=after, verdict=verdict)
    return notice


def publish_call_notice(
    *,
    cycle: Cycle,
    title: str,
    doc_no: str,
    body: str,
    materials,
    contact: str,
    actor,
    published_on: date | None = None,
    override_reason: str = "",
) -> CallNotice:
    """Publish a call notice for an existing cycle; a draft cycle is thereby opened for applications
    (after the same cycle-rule check as ``open_cycle``)."""
    override_reason = (override_reason or "").strip()
    published_on = published_on or timezone.localdate()
    verdict = None
    if cycle.status == CycleStatus.DRAFT:
        verdict = _check_cycle_rule(
            program=cycle.program,
            year=cycle.year,
            actor=actor,
            override_reason=override_reason,
            exclude=cycle,
        )
        if verdict.outcome == "pass":
            override_reason = ""
    else:
        override_reason = ""
    return _publish(
        cycle=cycle, title=title, doc_no=doc_no, body=body, materials=materials, contact=contact, actor=actor,
        published_on=published_on, override_reason=override_reason, verdict=verdict,
    )  # fmt: skip


@transaction.atomic
def _publish(*, cycle, actor, override_reason, verdict, **notice_fields):
    cycle = Cycle.objects.select_for_update().select_related("program").get(pk=cycle.pk)
    notice = _notice(
        program=cycle.program, cycle=cycle, actor=actor, override_reason=override_reason, **notice_fields
    )
    notice.save()
    after = {"cycle": cycle.number, "doc_no": notice.doc_no, "title": notice.title}
    if cycle.status == CycleStatus.DRAFT:
        cycle.status = CycleStatus.OPEN
        cycle.save(update_fields=["status"])
        after["status"] = CycleStatus.OPEN
        if override_reason:
            after["override_reason"] = override_reason
            record(
                actor=actor, action="programs.open_cycle.override", obj=cycle, after=after, verdict=verdict
            )
        record(actor=actor, action="programs.open_cycle", obj=cycle, after=after, verdict=verdict)
    record(actor=actor, action="programs.publish_call_notice", obj=notice, after=after)
    return notice
