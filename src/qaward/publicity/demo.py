"""Demo publicity: for each program's running cycle, its acceptance list (受理名单公示) open now,
with a countdown, and the recommending units' publicity that preceded it (closed, for the
portal's past list).

Idempotent: a cycle that already has any publicity window (this demo's, or one the vetting demo
opened) gets none from here. Applications come from the applications demo; only when a cycle
has no accepted application does this demo create a few (through the applications domain), so
the portal never shows an empty list.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from qaward.programs.calendar import current_work_calendar
from qaward.programs.enums import CycleStatus
from qaward.programs.models import AwardProgram
from qaward.rulebooks import registry

RUNNING = (CycleStatus.OPEN, CycleStatus.CLOSED, CycleStatus.REVIEWING)

# Realistic applicants for programs whose cycle has no accepted application yet.
FALLBACK_APPLICANTS = {
    "jilin": ("吉林化纤集团有限责任公司", "中车长春轨道客车股份有限公司", "通化东宝药业股份有限公司"),
    "changchun": ("长春一东离合器股份有限公司", "长春燃气股份有限公司"),
    "tacheng": ("塔城地区天山牧业有限公司", "额敏县乳业有限责任公司"),
    "jinzhong": ("山西平遥牛肉集团有限公司", "晋中开发区智创科技有限公司"),
    "jian": ("江西井冈山红色文化旅游有限公司", "吉安市井开区电子信息有限公司"),
}


def _public_window_ids(book) -> list[str]:
    return [w.id for w in book.publicity if w.channel != "internal"]


def _acceptance_id(book) -> str | None:
    preferred = book.intake.formal_review.acceptance_window
    ids = _public_window_ids(book)
    return preferred if preferred in ids else (ids[0] if ids else None)


def _demo_author(program):
    """Someone of the program to record as the demo applications' author (an applicant contact,
    else the office)."""
    from qaward.accounts.models import Role, RoleAssignment

    for role in (Role.APPLICANT, Role.OFFICE_STAFF):
        assignment = (
            RoleAssignment.objects.filter(program=program, role=role, revoked_at__isnull=True)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if assignment is not None:
            return assignment.user
    return None


def _accepted_applications(cycle, program, report) -> list:
    from qaward.applications.domain.drafts import start_application
    from qaward.applications.domain.transitions import apply_transition
    from qaward.applications.enums import ApplicationState
    from qaward.applications.models import Applicant, Application

    accepted = list(
        Application.objects.filter(cycle=cycle, state=ApplicationState.ACCEPTED)
        .select_related("applicant", "recommending_unit")
        .order_by("reference")[:20]
    )
    if accepted:
        return accepted
    book = registry.get(cycle.rulebook_id)
    tier = book.tiers_by_rank()[0][0]
    unit = program.recommending_units.filter(active=True).order_by("pk").first()
    author = _demo_author(program)
    if author is None:
        return []
    for name in FALLBACK_APPLICANTS.get(program.slug, ()):
        applicant = Applicant.objects.filter(name=name).first() or Applicant.objects.create(
            kind="organization", name=name, region_code=book.jurisdiction.code
        )
        application = start_application(cycle=cycle, applicant=applicant, tier=tier, actor=author)
        if unit is not None:
            application.recommending_unit = unit
            application.save(update_fields=["recommending_unit"])
        for step in ("submit", "recommend", "accept"):
            apply_transition(application=application, name=step, actor=None, system=True, reason="演示数据")
            application.refresh_from_db()
        accepted.append(application)
        report(f"demo application {application.reference} {name} (accepted)")
    return accepted


def load(report) -> None:
    from qaward.publicity.domain.windows import open_window
    from qaward.publicity.models import PublicityWindow

    today = timezone.localdate()
    calendar = current_work_calendar()
    for program in AwardProgram.objects.filter(active=True).order_by("pk"):
        cycle = program.cycles.filter(status__in=RUNNING).order_by("-number").first()
        if cycle is None or PublicityWindow.objects.filter(cycle=cycle).exists():
            continue
        book = registry.get(cycle.rulebook_id)
        acceptance = _acceptance_id(book)
        if acceptance is None:
            continue
        applications = _accepted_applications(cycle, program, report)
        if not applications:
            continue
        recommender = (
            book.intake.recommender_review.publicity_window if book.intake.recommender_review else None
        )
        if recommender in _public_window_ids(book) and recommender != acceptance:
            # Three weeks ago: closed by now, so the portal's past list has something.
            earlier = today - timedelta(days=21)
            while not calendar.is_workday(earlier):
                earlier += timedelta(days=1)
            window = open_window(
                cycle=cycle,
                rule_window_id=recommender,
                applications=applications,
                starts_on=earlier,
                actor=None,
            )
            report(f"publicity window {window} ({window.starts_on} – {window.ends_on})")
        window = open_window(
            cycle=cycle, rule_window_id=acceptance, applications=applications, starts_on=today, actor=None
        )
        report(f"publicity window {window} ({window.starts_on} – {window.ends_on})")
