"""Admissibility of an objection (异议) and its deadlines, read from the rulebook. Pure: no Django.

The rulebook's ``objections`` section says which publicity windows the office takes objections
on, whether late or anonymous ones are refused, which identity items an individual or a unit
must give, whether evidence is required, and the periods for the admissibility review and the
recommending unit's verification. Each refusal is a ``Verdict`` naming the rule and its article
(e.g. 吉林 第三十七条(一)). The Django side (``objections.domain``) records and raises them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

from qaward.rulebooks.engine.verdict import FAIL, Verdict, verdict
from qaward.rulebooks.schema import Rulebook
from qaward.workdays import WorkCalendar

OFFICE_TZ = ZoneInfo("Asia/Shanghai")

ObjectorKind = Literal["individual", "unit", "anonymous"]

# The identity items the rulebooks list (identity_individual / identity_unit), as the fields the
# objection form collects. A label not in this table is a rulebook the form cannot serve:
# tests/objections/test_admissibility.py checks every shipped rulebook against it.
IDENTITY_ITEMS: dict[str, str] = {
    "姓名": "name",
    "本人签名": "name",
    "身份证号码": "id_number",
    "联系电话": "phone",
    "通讯地址": "address",
    "住所": "address",
    "身份证明": "id_proof",
    "单位名称": "unit_name",
    "加盖公章的异议材料": "sealed_letter",
    "加盖单位公章": "sealed_letter",
}

# When a rulebook requires real names but lists no items (吉安: by reference to the national
# award's rules), the office asks for what 吉林 第三十七条(一) lists.
DEFAULT_INDIVIDUAL_ITEMS = ("姓名", "身份证号码", "联系电话", "通讯地址", "身份证明")
DEFAULT_UNIT_ITEMS = ("单位名称", "住所", "联系电话", "加盖公章的异议材料")

# What makes an objector identified at all (otherwise the objection is anonymous).
NAME_FIELD = {"individual": "name", "unit": "unit_name"}


@dataclass(frozen=True)
class Filing:
    """What an objection brought with it, as plain facts.

    ``received_at`` is the moment an online objection arrived; a paper objection has only its
    receipt date (``received_on``) and is judged on that date.
    """

    rule_window_id: str
    window_ends_on: dt.date
    received_on: dt.date
    objector_kind: ObjectorKind
    provided: frozenset[str] = frozenset()  # field names from IDENTITY_ITEMS' values
    evidence_count: int = 0
    received_at: dt.datetime | None = None
    window_closes_at: dt.datetime | None = None


@dataclass(frozen=True)
class Refusal:
    """One reason an objection is not admissible; ``field`` is the form field it concerns."""

    verdict: Verdict
    field: str | None = None


@dataclass(frozen=True)
class Admissibility:
    refusals: tuple[Refusal, ...] = field(default_factory=tuple)

    @property
    def admissible(self) -> bool:
        return not self.refusals


def covers_window(book: Rulebook, rule_window_id: str) -> bool:
    windows = book.objections.windows
    return windows == "all" or rule_window_id in windows


def is_late(filing: Filing) -> bool:
    if filing.received_at is not None and filing.window_closes_at is not None:
        return filing.received_at > filing.window_closes_at
    return filing.received_on > filing.window_ends_on


def identity_items(book: Rulebook, kind: ObjectorKind) -> tuple[tuple[str, str], ...]:
    """(label, field) pairs an objector of ``kind`` must give; empty when real names are not
    required by the rulebook (and for anonymous objectors, who give nothing)."""
    rules = book.objections
    if kind == "anonymous" or (rules.real_name_required is None and rules.anonymous_refused is None):
        return ()
    if kind == "individual":
        labels = rules.identity_individual or DEFAULT_INDIVIDUAL_ITEMS
    else:
        labels = rules.identity_unit or DEFAULT_UNIT_ITEMS
    items = [(label, IDENTITY_ITEMS[label]) for label in labels]
    # The name itself is asked for even where the list leaves it implicit (塔城's unit list).
    name_field = NAME_FIELD[kind]
    if all(f != name_field for _, f in items):
        items.insert(0, ("姓名" if kind == "individual" else "单位名称", name_field))
    seen: set[str] = set()
    return tuple((label, f) for label, f in items if not (f in seen or seen.add(f)))


def is_anonymous(filing: Filing) -> bool:
    return filing.objector_kind == "anonymous" or NAME_FIELD[filing.objector_kind] not in filing.provided


def check_admissibility(book: Rulebook, filing: Filing) -> Admissibility:
    """Every rule of ``book`` the filing breaks, each as a cited verdict (empty: admissible by
    rule; the office still reviews whether the evidence is sufficient)."""
    rules = book.objections
    if not covers_window(book, filing.rule_window_id):
        window = book.window(filing.rule_window_id)
        message = f"对“{window.label}”的异议不由{rules.submitted_to}受理，请向该公示的组织单位（{window.run_by}）提出"
        return Admissibility((Refusal(verdict(book, rules, "objections.window", FAIL, message)),))
    refusals: list[Refusal] = []
    if rules.late_refused is not None and is_late(filing):
        if filing.received_at is not None and filing.window_closes_at is not None:
            when = filing.received_at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M")
            closes = filing.window_closes_at.astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M")
            message = f"异议于{when}提出，晚于公示期结束时间{closes}，逾公示期提出的异议不予受理"
        else:
            message = (
                f"异议材料于{filing.received_on.isoformat()}收到，公示期已于{filing.window_ends_on.isoformat()}结束，"
                "逾公示期提出的异议不予受理"
            )
        refusals.append(Refusal(verdict(book, rules.late_refused, "objections.late_refused", FAIL, message)))
    anonymous = is_anonymous(filing)
    if anonymous and rules.anonymous_refused is not None:
        refusals.append(
            Refusal(
                verdict(
                    book,
                    rules.anonymous_refused,
                    "objections.anonymous_refused",
                    FAIL,
                    "以匿名方式提出的异议不予受理，请以真实身份提出",
                ),
                field=NAME_FIELD.get(filing.objector_kind),
            )
        )
    if not anonymous and rules.real_name_required is not None:
        for label, name in identity_items(book, filing.objector_kind):
            if name not in filing.provided:
                message = f"以真实身份提出异议须提供{label}"
                refusals.append(
                    Refusal(
                        verdict(
                            book, rules.real_name_required, "objections.real_name_required", FAIL, message
                        ),
                        field=name,
                    )
                )
    if rules.evidence_required is not None and filing.evidence_count < 1:
        refusals.append(
            Refusal(
                verdict(
                    book,
                    rules.evidence_required,
                    "objections.evidence_required",
                    FAIL,
                    "提出异议须附书面证实材料（证据文件）",
                ),
                field="evidence",
            )
        )
    return Admissibility(tuple(refusals))


def admissibility_due(book: Rulebook, received_on: dt.date, calendar: WorkCalendar) -> dt.date | None:
    """Last day for the office's admissibility decision (塔城 第二十四条: 5 working days from
    receipt, not counting the day of receipt); None when the rulebook sets no period."""
    review = book.objections.admissibility_review
    if review.workdays is None:
        return None
    return calendar.add_workdays(received_on, review.workdays, review.counting)


def verification_due(
    book: Rulebook, sent_on: dt.date, calendar: WorkCalendar, workdays: int | None = None
) -> dt.date | None:
    """Last day for the recommending unit's verification report (吉林 第三十七条(三)、(四));
    ``workdays`` overrides the rulebook's default where the regulation leaves it to the office."""
    rule = book.objections.recommender_verification
    days = workdays or (rule.workdays if rule is not None else None)
    if days is None:
        return None
    counting = rule.counting if rule is not None else "exclusive"
    return calendar.add_workdays(sent_on, days, counting)


def workdays_left(calendar: WorkCalendar, today: dt.date, due: dt.date) -> int:
    """Working days left before ``due`` counting today (0 once overdue)."""
    return calendar.workdays_remaining(today, due)
