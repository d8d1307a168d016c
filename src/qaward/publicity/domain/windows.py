"""Opening and changing publicity windows (公示). Every write is audited; every rule-driven "no"
is refused through ``audit.refuse`` with the rulebook's article.

Lengths are in working days on the office calendar (statutory holidays and 调休 from
``programs.calendar.current_work_calendar``), counted the way the rulebook says
(``inclusive``: the day of publication is day 1 if it is a working day).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.audit.domain import record, refuse
from qaward.programs.calendar import current_work_calendar
from qaward.publicity.domain.public_fields import public_fields
from qaward.publicity.models import PublicityEntry, PublicityWindow, WindowChange
from qaward.rulebooks import registry
from qaward.rulebooks.engine.verdict import FAIL, verdict
from qaward.workdays import CalendarYearMissing


def rule_of(*, cycle, rule_window_id: str):
    """(rulebook, the rulebook's publicity rule) for ``rule_window_id`` in the cycle's pinned rulebook."""
    book = registry.get(cycle.rulebook_id)
    try:
        return book, book.window(rule_window_id)
    except KeyError:
        known = "、".join(w.id for w in book.publicity)
        raise ValidationError(
            _("The rulebook %(book)s has no publicity window “%(id)s” (it has: %(known)s).")
            % {"book": book.id, "id": rule_window_id, "known": known}
        ) from None


def compute_end(*, starts_on: date, workdays: int, counting: str) -> date:
    """Last day of a window of ``workdays`` working days from ``starts_on`` on the office calendar.

    A year whose holiday arrangement nobody has entered gives a ValidationError naming the year.
    """
    try:
        return current_work_calendar().add_workdays(starts_on, workdays, counting)
    except CalendarYearMissing as missing:
        raise ValidationError(str(missing), code="calendar_year_missing") from None


def _length_verdict(book, rule, workdays: int):
    """None when ``workdays`` is allowed for this rule; else the failing verdict."""
    if rule.exact and workdays != rule.min_workdays:
        return verdict(
            book, rule, f"publicity_{rule.id}_length", FAIL,
            f"{rule.label}的公示期为{rule.min_workdays}个工作日，不能定为{workdays}个工作日",
            min_workdays=rule.min_workdays, exact=True, requested=workdays,
        )  # fmt: skip
    if workdays < rule.min_workdays:
        return verdict(
            book, rule, f"publicity_{rule.id}_length", FAIL,
            f"{rule.label}的公示时间不少于{rule.min_workdays}个工作日，不能定为{workdays}个工作日",
            min_workdays=rule.min_workdays, exact=False, requested=workdays,
        )  # fmt: skip
    return None


def default_title(*, cycle, rule) -> str:
    return f"{cycle.program.name}{cycle.label}{rule.label}"


def default_body(*, cycle, rule, citation: str, starts_on: date, ends_on: date, workdays: int) -> str:
    """The notice text (公示公告) in the usual wording, naming the article and the dates."""
    program = cycle.program
    fmt = "%Y年%m月%d日"
    return (
        f"根据{citation}的规定，现将{cycle.label}{rule.subject}予以公示，接受社会监督。\n"
        f"公示期为{starts_on.strftime(fmt)}至{ends_on.strftime(fmt)}（{workdays}个工作日）。\n"
        f"对公示名单有异议的，请于公示期内以真实身份和必要的书面证实材料向{program.office_name}提出；"
        "逾期或以匿名方式提出的异议不予受理。"
    )


@transaction.atomic
def _open(*, cycle, book, rule, applications, starts_on, actor, workdays, title, recommending_unit):
    program = cycle.program
    ends_on = compute_end(starts_on=starts_on, workdays=workdays, counting=rule.counting)
    citation = book.cite(rule.cite)
    window = PublicityWindow(
        program=program,
        cycle=cycle,
        rule_window_id=rule.id,
        label=rule.label,
        title=title or default_title(cycle=cycle, rule=rule),
        subject=rule.subject,
        body=default_body(
            cycle=cycle, rule=rule, citation=citation, starts_on=starts_on, ends_on=ends_on, workdays=workdays
        ),
        citation=citation,
        rulebook=f"{book.id}@{book.version}",
        min_workdays=rule.min_workdays,
        exact=rule.exact,
        starts_on=starts_on,
        ends_on=ends_on,
        workdays=workdays,
        counting=rule.counting,
        channel=rule.channel,
        run_by=recommending_unit.name if recommending_unit is not None else rule.run_by,
        recommending_unit=recommending_unit,
        opened_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    window.full_clean()
    window.save()
    entries = [
        PublicityEntry(window=window, application=app, position=i, public_fields=public_fields(app, book))
        for i, app in enumerate(applications, start=1)
    ]
    PublicityEntry.objects.bulk_create(entries)
    record(
        actor=actor,
        action="publicity.open_window",
        obj=window,
        after={
            "rule_window_id": rule.id,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "workdays": workdays,
            "counting": rule.counting,
            "channel": rule.channel,
            "applications": [app.reference for app in applications],
        },
        verdict=verdict(book, rule, f"publicity_{rule.id}", "pass", f"{rule.label}{workdays}个工作日"),
    )
    return window


def open_window(
    *,
    cycle,
    rule_window_id: str,
    applications: list,
    starts_on: date,
    actor,
    workdays: int | None = None,
    title: str = "",
    recommending_unit=None,
) -> PublicityWindow:
    """Publish ``applications`` for the rulebook's window ``rule_window_id``.

    ``workdays`` defaults to the rulebook's minimum; fewer (or, where the regulation fixes the
    length, any other number) is refused with the article. The end date comes from the office
    calendar with the rulebook's counting mode. One ``PublicityEntry`` per application, in the
    order given, with only the public fields (masked).
    """
    book, rule = rule_of(cycle=cycle, rule_window_id=rule_window_id)
    applications = list(applications)
    if workdays is None:
        workdays = rule.min_workdays
    if isinstance(workdays, bool) or not isinstance(workdays, int):
        raise ValidationError(_("Give the length as a whole number of working days."))
    refused = _length_verdict(book, rule, workdays)
    if refused is not None:
        refuse(actor=actor, action="publicity.open_window", verdict=refused, obj=cycle, field="workdays")
    if not applications:
        raise ValidationError(_("A publicity window needs at least one application to publish."))
    foreign = [app.reference for app in applications if app.cycle_id != cycle.pk]
    if foreign:
        raise ValidationError(
            _("These applications belong to another cycle: %(refs)s.") % {"refs": "、".join(foreign)}
        )
    if len({app.pk for app in applications}) != len(applications):
        raise ValidationError(_("An application is listed twice."))
    if recommending_unit is not None:
        if recommending_unit.program_id != cycle.program_id:
            raise ValidationError(_("The recommending unit belongs to another award program."))
        others = [app.reference for app in applications if app.recommending_unit_id != recommending_unit.pk]
        if others:
            raise ValidationError(
                _("These applications are not routed to %(unit)s: %(refs)s.")
                % {"unit": recommending_unit.name, "refs": "、".join(others)}
            )
    return _open(
        cycle=cycle, book=book, rule=rule, applications=applications, starts_on=starts_on, actor=actor,
        workdays=workdays, title=title, recommending_unit=recommending_unit,
    )  # fmt: skip


def extend_window(*, window: PublicityWindow, workdays: int, actor, reason: str) -> PublicityWindow:
    """Set the window's length to ``workdays`` working days in total (from its first day).

    Staff may lengthen a window; a length below the rulebook's minimum — or any change where the
    regulation fixes the length — is refused with the article. A closed window cannot be
    changed, and the new last day cannot already be past. The reason is required and audited.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for changing the publicity period.")})
    if isinstance(workdays, bool) or not isinstance(workdays, int):
        raise ValidationError({"workdays": _("Give the length as a whole number of working days.")})
    book, rule = rule_of(cycle=window.cycle, rule_window_id=window.rule_window_id)
    refused = _length_verdict(book, rule, workdays)
    if refused is not None:
        refuse(actor=actor, action="publicity.extend_window", verdict=refused, obj=window, field="workdays")
    return _extend(window=window, book=book, rule=rule, workdays=workdays, actor=actor, reason=reason)


@transaction.atomic
def _extend(*, window, book, rule, workdays, actor, reason):
    window = PublicityWindow.objects.select_for_update().get(pk=window.pk)
    now = timezone.now()
    if window.closes_at <= now:
        raise ValidationError(_("This publicity window has closed; its period can no longer be changed."))
    if workdays == window.workdays:
        raise ValidationError({"workdays": _("The window already has this length.")})
    new_end = compute_end(starts_on=window.starts_on, workdays=workdays, counting=window.counting)
    if new_end < timezone.localdate(now):
        raise ValidationError(
            {"workdays": _("With this length the window would already have ended; choose a longer period.")}
        )
    before = {"workdays": window.workdays, "ends_on": window.ends_on}
    WindowChange.objects.create(
        window=window, old_workdays=window.workdays, new_workdays=workdays, old_ends_on=window.ends_on,
        new_ends_on=new_end, reason=reason, actor=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip
    window.workdays = workdays
    window.ends_on = new_end
    window.body = default_body(
        cycle=window.cycle, rule=rule, citation=window.citation, starts_on=window.starts_on,
        ends_on=new_end, workdays=workdays,
    )  # fmt: skip
    window.save(update_fields=["workdays", "ends_on", "body", "updated_at"])
    record(
        actor=actor,
        action="publicity.extend_window",
        obj=window,
        before=before,
        after={"workdays": workdays, "ends_on": new_end, "reason": reason},
        verdict=verdict(
            book, rule, f"publicity_{rule.id}_length", "pass", f"{rule.label}改为{workdays}个工作日"
        ),
    )
    return window


@transaction.atomic
def record_media_publication(
    *, window: PublicityWindow, media_name: str, published_on: date, link: str = "", actor
) -> PublicityWindow:
    """The office records where and when the list also appeared in the news media (Jilin 第二十七条)."""
    errors = {}
    if not (media_name or "").strip():
        errors["media_name"] = _("Name the newspaper or website.")
    if published_on is None:
        errors["published_on"] = _("Give the publication date.")
    elif published_on > timezone.localdate():
        errors["published_on"] = _("The publication date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    window = PublicityWindow.objects.select_for_update().get(pk=window.pk)
    before = {"media_name": window.media_name, "media_published_on": window.media_published_on,
              "media_link": window.media_link}  # fmt: skip
    window.media_name = media_name.strip()
    window.media_published_on = published_on
    window.media_link = (link or "").strip()
    window.full_clean()
    window.save(update_fields=["media_name", "media_published_on", "media_link", "updated_at"])
    record(
        actor=actor,
        action="publicity.record_media",
        obj=window,
        before=before,
        after={
            "media_name": window.media_name,
            "media_published_on": published_on,
            "media_link": window.media_link,
        },
    )
    return window
