"""Submission and withdrawal.

Submission re-runs the self-check and refuses on the first failing rule, then on the route: the
route must be one the rulebook allows (``intake.routes``), the recommending unit must take that
route for this program and, for a regional route, cover the applicant's registered region. Each
refusal is audited with its verdict (``audit.refuse``) before it is raised. A direct route moves
the application straight to the award office (``submit_direct``).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from qaward.applications.domain.checks import run_self_check
from qaward.applications.domain.editing import book_of
from qaward.applications.domain.facts import application_facts, jurisdiction_prefix
from qaward.applications.domain.today import local_today
from qaward.applications.domain.transitions import apply_transition, check_transition
from qaward.applications.enums import ApplicationState
from qaward.applications.models import Application
from qaward.audit.domain import refuse
from qaward.programs.models import RecommendingUnit, RecommendingUnitKind
from qaward.rulebooks.engine.verdict import FAIL, PASS
from qaward.rulebooks.engine.verdict import verdict as make_verdict

ACTION = "application.submit"


def transition_name(application: Application, via: str) -> str:
    direct = via == "direct"
    if application.state == ApplicationState.RETURNED:
        return "resubmit_direct" if direct else "resubmit"
    return "submit_direct" if direct else "submit"


def _route_verdict(book, application, route_id: str, unit):
    """(verdict, route, unit): a failing verdict when the route or unit is not allowed."""
    route = next((r for r in book.intake.routes if r.id == route_id), None)
    routes_rule = book.intake.routes[0]
    if route is None:
        names = "；".join(r.label for r in book.intake.routes)
        return (
            make_verdict(book, routes_rule, "route_allowed", FAIL, f"请选择办法规定的申报途径：{names}"),
            None,
            None,
        )
    if route.via == "direct":
        unit = RecommendingUnit.objects.filter(
            program=application.cycle.program, kind=RecommendingUnitKind.DIRECT_OFFICE, active=True
        ).first()
        return make_verdict(book, route, "route_allowed", PASS, f"申报途径：{route.label}"), route, unit
    if unit is None:
        return make_verdict(book, route, "route_unit", FAIL, f"请选择推荐单位（{route.label}）"), route, None
    if unit.program_id != application.cycle.program_id or not unit.active or unit.kind != route.via:
        text = f"“{unit.name}”不是本奖项“{route.label}”途径的推荐单位"
        return make_verdict(book, route, "route_unit", FAIL, text), route, None
    region = application.applicant.region_code
    if route.via == "region" and unit.region_code:
        if not region:
            text = "属地推荐须先在申报主体信息中填写注册地（行政区划代码）"
            return make_verdict(book, route, "route_region", FAIL, text), route, None
        if not region.startswith(jurisdiction_prefix(unit.region_code)):
            text = f"属地推荐：“{unit.name}”不负责注册地为{region}的申报主体，请选择注册地的推荐单位"
            return make_verdict(book, route, "route_region", FAIL, text), route, None
    return (
        make_verdict(book, route, "route_allowed", PASS, f"申报途径：{route.label}，推荐单位：{unit.name}"),
        route,
        unit,
    )


def submit_application(
    *,
    application: Application,
    actor,
    route_id: str = "",
    recommending_unit=None,
    today: dt.date | None = None,
) -> Application:
    """Submit (or resubmit after correction) ``application``.

    ``today`` is for tests and the demo (the office's today by default); views never pass it.
    A resubmission keeps the route and unit it was first submitted by.
    """
    at_the_time = today is not None and today < local_today()
    today = today or local_today()
    application = Application.objects.select_related("cycle__program", "applicant").get(pk=application.pk)
    book = book_of(application)
    program = application.cycle.program
    if application.state == ApplicationState.RETURNED:
        route_id, recommending_unit = application.route, application.recommending_unit
    route_check, route, unit = _route_verdict(book, application, route_id, recommending_unit)
    name = transition_name(application, route.via if route else "")
    check_transition(application=application, name=name, actor=actor)
    check = run_self_check(application, today, at_the_time=at_the_time)
    if check.blocking:
        refuse(actor=actor, action=ACTION, verdict=check.blocking[0], obj=application, program=program)
    if route_check.outcome == FAIL:
        refuse(
            actor=actor, action=ACTION, verdict=route_check, obj=application, program=program, field="route"
        )
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        locked.facts = application_facts(book, application, today).as_json()
        locked.self_check = check.as_json()
        locked.save(update_fields=["facts", "self_check", "updated_at"])
        apply_transition(
            application=locked,
            name=name,
            actor=actor,
            verdict=route_check,
            extra={"route": route.id, "recommending_unit": unit, "correction_due": None},
        )
    application.refresh_from_db()
    return application


def withdraw_application(*, application: Application, actor, reason: str) -> Application:
    """The applicant withdraws (a state, with the reason; nothing is deleted)."""
    apply_transition(application=application, name="withdraw", actor=actor, reason=reason)
    application.refresh_from_db()
    return application
