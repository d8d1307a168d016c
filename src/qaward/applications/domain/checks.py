"""The eligibility self-check: every condition of the rulebook and every rule of intake, each as
pass / fail / needs evidence with its article. Submission refuses on any failure (see
``domain.submission``); the applicant sees the same list before submitting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from qaward.applications.domain.editing import book_of, rubric_of
from qaward.applications.domain.facts import application_facts
from qaward.applications.domain.history import ban_verdicts, reapplication
from qaward.applications.domain.materials import active_materials
from qaward.applications.domain.publicity import requirement_of
from qaward.applications.enums import ApplicationState
from qaward.applications.forms.application import build_form
from qaward.applications.spec import requirements
from qaward.applications.spec.form import DERIVED_FACTS, facts_asked
from qaward.programs.enums import CycleStatus
from qaward.rulebooks.engine import Verdict, check_eligibility
from qaward.rulebooks.engine.verdict import FAIL, NEEDS_EVIDENCE, NOT_APPLICABLE, PASS, combine
from qaward.rulebooks.engine.verdict import verdict as make_verdict


@dataclass
class CheckItem:
    verdict: Verdict
    tab: str = ""  # where the applicant fixes it: profile, form, self_evaluation, materials, publicity

    @property
    def outcome(self) -> str:
        return self.verdict.outcome


@dataclass
class Section:
    title: str
    items: list[CheckItem] = field(default_factory=list)

    def add(self, verdict: Verdict, tab: str = "") -> None:
        self.items.append(CheckItem(verdict, tab))


@dataclass
class SelfCheck:
    as_of: dt.date
    rulebook: str
    sections: list[Section]

    @property
    def items(self) -> list[CheckItem]:
        return [item for section in self.sections for item in section.items]

    @property
    def outcome(self) -> str:
        return combine([i.outcome for i in self.items if i.outcome != NOT_APPLICABLE])

    @property
    def blocking(self) -> list[Verdict]:
        return [i.verdict for i in self.items if i.outcome == FAIL]

    def counts(self) -> dict[str, int]:
        counts = {PASS: 0, FAIL: 0, NEEDS_EVIDENCE: 0, NOT_APPLICABLE: 0}
        for item in self.items:
            counts[item.outcome] = counts.get(item.outcome, 0) + 1
        return counts

    def as_json(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "rulebook": self.rulebook,
            "outcome": self.outcome,
            "sections": [
                {"title": s.title, "items": [{**i.verdict.to_dict(), "tab": i.tab} for i in s.items]}
                for s in self.sections
            ],
        }


def _call_window(book, application, today: dt.date, at_the_time: bool = False) -> Verdict:
    cycle = application.cycle
    if application.state == ApplicationState.RETURNED:
        rule = book.intake.recommender_review or book.intake.formal_review
        due = application.correction_due
        if due and today > due:
            return make_verdict(
                book, rule, "correction_due", FAIL, f"补正期限已于{due.isoformat()}届满，不能重新提交"
            )
        shown = f"，补正期限至{due.isoformat()}" if due else ""
        return make_verdict(book, rule, "correction_due", PASS, f"退回补正后重新提交{shown}")
    window = f"{cycle.call_opens.isoformat()}至{cycle.call_closes.isoformat()}"
    # Recreating a past submission (the demo loader), the cycle was open then: judge by its dates.
    was_open = at_the_time and cycle.status not in (CycleStatus.DRAFT, CycleStatus.ARCHIVED)
    if cycle.status != CycleStatus.OPEN and not was_open:
        outcome, text = FAIL, f"本届（{cycle.label}）当前不接受申报（{cycle.get_status_display()}）"
    elif today < cycle.call_opens:
        outcome, text = FAIL, f"本届申报时间为{window}，尚未开始"
    elif today > cycle.call_closes:
        outcome, text = FAIL, f"本届申报已于{cycle.call_closes.isoformat()}截止，不能再提交"
    else:
        outcome, text = PASS, f"在本届申报时间（{window}）内"
    return make_verdict(book, book.intake.call, "call_window", outcome, f"按本届申报通知，{text}")


def _eligibility(book, application, today, section: Section, facts) -> dict[str, str]:
    report = check_eligibility(
        book, application.kind, facts.values, as_of=today, track=application.track or None
    )
    derived = DERIVED_FACTS.get(application.kind, frozenset())
    tab_of = {}
    for fact_name, conditions in facts_asked(book, application.kind).items():
        for condition in conditions:
            tab_of.setdefault(condition.id, "profile" if fact_name in derived else "form")
    for verdict in report.verdicts:
        section.add(verdict, tab_of.get(verdict.rule_id, "profile" if verdict.rule_id == "team_size" else ""))
    return {v.rule_id: v.outcome for v in report.verdicts}


def _branch(book, application, section: Section, publicity) -> None:
    applicant = application.applicant
    if not applicant.is_branch:
        return
    kind = book.applicant_kinds.get("organization")
    branches = kind.branches if kind else None
    if branches is None:
        return
    if not branches.allowed:
        section.add(
            make_verdict(book, branches, "branch_allowed", FAIL, "本奖项不接受分支机构申报"), "profile"
        )
        return
    if branches.parent_recommendation_required:
        ok = bool(publicity and publicity.opinion_recommends and publicity.opinion_letter_id)
        text = f"分支机构须取得上级组织（{applicant.parent.name}）出具的申报推荐意见"
        section.add(
            make_verdict(
                book,
                branches,
                "branch_parent_recommendation",
                PASS if ok else FAIL,
                ("已" if ok else "") + text,
            ),
            "publicity",
        )


def _history(book, application, today, section: Section) -> None:
    for verdict in ban_verdicts(application.applicant, application.cycle, today):
        section.add(verdict)
    result = reapplication(book, application)
    tier_label = book.tiers[application.tier].label
    for verdict in result.verdicts:
        if verdict.outcome == FAIL and application.tier in result.allowed_tiers:
            # A bar on other tiers only: the tier sought is open.
            verdict = make_verdict(
                book, None, verdict.rule_id, NOT_APPLICABLE, f"不影响申报{tier_label}：{verdict.message}"
            )
        section.add(verdict)
    bar = result.grant_bars.get(application.tier)
    if bar is not None:
        section.add(Verdict(**{**bar.to_dict(), "outcome": NEEDS_EVIDENCE}))


def _completeness(book, application, today, section: Section, outcomes: dict, publicity) -> None:
    intake_rule = book.intake.self_evaluation
    form = build_form(book, application.kind, application.form_data or {}, strict=True)
    form.is_valid()
    bad = [form.fields[name].label for name in form.errors if name in form.fields]
    if bad:
        text = f"申报表尚有{len(bad)}项未填写或填写有误：{'、'.join(bad)}"
        section.add(make_verdict(book, intake_rule, "application_form", FAIL, text), "form")
    else:
        section.add(make_verdict(book, intake_rule, "application_form", PASS, "申报表已填写完整"), "form")

    rubric = rubric_of(application)
    missing = [f"{i.id} {i.label}" if i.id[0].isdigit() else i.label for i in rubric.items
               if not (application.self_evaluation or {}).get(i.id, "").strip()]  # fmt: skip
    if missing:
        text = f"自我评价报告尚未填写：{'、'.join(missing)}"
        section.add(make_verdict(book, intake_rule, "self_evaluation", FAIL, text), "self_evaluation")
    else:
        text = f"自我评价报告已按“{rubric.title}”的{len(rubric.items)}个条目填写"
        section.add(make_verdict(book, intake_rule, "self_evaluation", PASS, text), "self_evaluation")

    accepted = application.declarations or {}
    for declaration in requirements.declarations(book):
        ok = bool(accepted.get(declaration.id))
        text = ("已承诺：" if ok else "尚未作出承诺：") + declaration.text
        section.add(
            make_verdict(book, declaration.rule, f"declaration_{declaration.id}", PASS if ok else FAIL, text),
            "submit",
        )

    present = set(active_materials(application).values_list("item", flat=True))
    for item in requirements.material_items(book, application.kind):
        if not item.required:
            continue
        if item.condition and outcomes.get(item.condition) == NOT_APPLICABLE:
            continue
        ok = item.id in present
        text = ("已上传：" if ok else "缺少申报材料：") + item.label
        section.add(
            make_verdict(book, item.rule, f"material_{item.id}", PASS if ok else FAIL, text), "materials"
        )

    requirement = requirement_of(application)
    if requirement is not None:
        for verdict in publicity_verdicts(book, requirement, publicity, today):
            section.add(verdict, "publicity")


def publicity_verdicts(book, requirement, publicity, today: dt.date) -> list[Verdict]:
    window, rule = requirement.window, requirement.rule
    need = f"{'恰为' if window.exact else '不少于'}{window.min_workdays}个工作日"
    if publicity is None or not publicity.starts_on or not publicity.ends_on:
        return [make_verdict(book, rule, "internal_publicity", FAIL, f"尚未录入{window.label}（{need}）")]
    found = []
    days = publicity.workdays
    span = f"{publicity.starts_on.isoformat()}至{publicity.ends_on.isoformat()}"
    if days is None:
        found.append(make_verdict(book, window, "internal_publicity_days", NEEDS_EVIDENCE,
                                  f"{window.label}{span}：缺少该年度的节假日安排，无法计算工作日"))  # fmt: skip
    elif days < window.min_workdays or (window.exact and days != window.min_workdays):
        found.append(make_verdict(book, window, "internal_publicity_days", FAIL,
                                  f"{window.label}{span}只有{days}个工作日，应{need}"))  # fmt: skip
    else:
        found.append(
            make_verdict(
                book, window, "internal_publicity_days", PASS, f"{window.label}{span}，共{days}个工作日"
            )
        )
    if publicity.ends_on >= today:
        found.append(make_verdict(book, window, "internal_publicity_ended", FAIL,
                                  f"{window.label}至{publicity.ends_on.isoformat()}，公示期结束后才能提交"))  # fmt: skip
    if not publicity.outcome:
        found.append(
            make_verdict(book, rule, "internal_publicity_outcome", FAIL, f"尚未填写{window.label}的结果")
        )
    if publicity.proof_id is None:
        found.append(
            make_verdict(book, rule, "internal_publicity_proof", FAIL, f"缺少{window.label}的证明材料")
        )
    if requirement.opinion_by:
        if publicity.opinion_recommends is False:
            found.append(
                make_verdict(
                    book,
                    rule,
                    "recommendation_opinion",
                    FAIL,
                    f"申报推荐意见为不推荐（{requirement.opinion_by}）",
                )
            )
        elif not (publicity.opinion_recommends and publicity.opinion_letter_id):
            found.append(make_verdict(book, rule, "recommendation_opinion", FAIL,
                                      f"缺少申报推荐意见（{requirement.opinion_by}），须上传签字盖章的意见"))  # fmt: skip
    return found


def run_self_check(application, today: dt.date, *, at_the_time: bool = False) -> SelfCheck:
    """The self-check as of ``today``; ``at_the_time`` judges a past day's call by its dates only
    (the cycle has since moved on), for recreating past submissions."""
    book = book_of(application)
    publicity = getattr(application, "internal_publicity", None)
    facts = application_facts(book, application, today)
    call = Section("申报时间")
    call.add(_call_window(book, application, today, at_the_time))
    eligibility = Section("申报条件")
    outcomes = _eligibility(book, application, today, eligibility, facts)
    _branch(book, application, eligibility, publicity)
    history = Section("禁止申报与再次申报")
    _history(book, application, today, history)
    complete = Section("申报材料与程序")
    _completeness(book, application, today, complete, outcomes, publicity)
    return SelfCheck(today, f"{book.id}@{book.version}", [call, eligibility, history, complete])
