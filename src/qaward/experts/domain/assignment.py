"""The solver, fed from the database: build a ``qaward.matching`` instance from panels, experts
and conflicts, run it, store the run and turn its proposal into invitations.

A panel is one unit of the solver (its "application"): its industry codes and keywords are those
of the applications it reviews, and an expert conflicted with any of them is filtered out. Hard
filters: blocking conflicts, expert status, availability (panel dates vs. windows), a separate
panel's exclusion of the experts of earlier stages (Jilin 第二十五条), and experts who already
declined or left the panel. Accepted and staff-locked members are kept on every re-run.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from qaward import matching
from qaward.experts.domain.common import acting_role, check_actor, record_event, split_list
from qaward.experts.domain.conflicts import blocking_pairs
from qaward.experts.enums import MemberSource, MemberStatus
from qaward.experts.models import Expert, Panel, PanelMember, SolverRun
from qaward.experts.models.panels import SEATED

DEFAULT_PARAMETERS = matching.Parameters(time_limit=20.0)


def panel_id(panel: Panel) -> str:
    return f"P{panel.pk}"


def _codes(application) -> list[str]:
    codes = []
    for raw in [application.applicant.industry_code]:
        try:
            if raw:
                codes.append(matching.normalise_code(raw))
        except ValueError:
            continue
    return codes


def panel_unit(panel: Panel) -> matching.Application:
    codes, keywords, regions = [], [], set()
    for application in panel.applications.select_related("applicant"):
        codes.extend(_codes(application))
        keywords.extend(split_list(application.keywords))
        regions.add(application.applicant.region_code)
    dates = (panel.starts, panel.ends) if panel.starts and panel.ends else None
    return matching.Application(
        id=panel_id(panel),
        industry_codes=tuple(dict.fromkeys(codes)),
        keywords=tuple(dict.fromkeys(keywords)),
        panel_size=panel.size,
        require_exact_code=panel.require_exact_code,
        region=regions.pop() if len(regions) == 1 else "",
        review_dates=dates,
    )


def expert_unit(expert: Expert, load_elsewhere: int) -> matching.Expert:
    windows = tuple((w.starts, w.ends) for w in expert.availability.all())
    return matching.Expert(
        id=expert.code,
        employer_id=expert.employer_uscc or expert.employer_name,
        industry_codes=tuple(expert.industry_codes),
        keywords=tuple(expert.keywords),
        may_lead=expert.may_lead,
        max_load=max(0, expert.max_load - load_elsewhere),
        region=expert.region_code,
        active=expert.is_active,
        available=windows,
    )


def _earlier_stage_experts(panel: Panel) -> set[int]:
    """Experts seated on other stages' panels of the cycle that review the same applications."""
    return set(
        PanelMember.objects.filter(
            panel__cycle_id=panel.cycle_id,
            panel__applications__in=panel.applications.all(),
            status__in=[MemberStatus.INVITED, MemberStatus.ACCEPTED],
        )
        .exclude(panel__stage=panel.stage)
        .values_list("expert_id", flat=True)
    )


def build_instance(panels: list[Panel], *, keep_all_seated: bool = False):
    """(instance, experts by code, panels by id) for ``panels`` (same cycle and stage)."""
    from qaward.experts.domain.queries import pool_of

    cycle, stage = panels[0].cycle, panels[0].stage
    experts = {e.code: e for e in pool_of(cycle.program).prefetch_related("availability")}
    busy = dict(
        PanelMember.objects.filter(
            panel__cycle=cycle, panel__stage=stage, status__in=[MemberStatus.INVITED, MemberStatus.ACCEPTED]
        )
        .exclude(panel__in=panels)
        .values("expert_id")
        .annotate(n=Count("id"))
        .values_list("expert_id", "n")
    )
    conflicts, locked, leaders = set(), set(), set()
    for panel in panels:
        pid = panel_id(panel)
        blocked = {e for _a, e in blocking_pairs(panel.applications.all())}
        blocked |= set(panel.members.exclude(status__in=SEATED).values_list("expert_id", flat=True))
        if panel.separate:
            blocked |= _earlier_stage_experts(panel)
        conflicts |= {(pid, e.code) for e in experts.values() if e.pk in blocked}
        for member in panel.members.filter(status__in=SEATED).select_related("expert"):
            code = member.expert.code
            experts.setdefault(code, member.expert)
            if keep_all_seated or member.locked or member.status == MemberStatus.ACCEPTED:
                locked.add((pid, code))
                if member.is_leader:
                    leaders.add((pid, code))
    units = [expert_unit(e, busy.get(e.pk, 0)) for e in experts.values()]
    instance = matching.Instance(
        applications=tuple(panel_unit(p) for p in panels),
        experts=tuple(units),
        conflicts=frozenset(conflicts),
        locked=frozenset(locked),
        locked_leaders=frozenset(leaders),
    )
    return instance, experts, {panel_id(p): p for p in panels}


def humanise(text: str, experts: dict, panels: dict) -> str:
    """Replace solver ids (「P12」, 「E00007」) in a message with panel and expert names."""

    def name(match):
        key = match.group(1)
        if key in panels:
            return f"「{panels[key].name}」"
        if key in experts:
            return f"「{experts[key].name}」"
        return match.group(0)

    return re.sub(r"「([PE]\d+)」", name, text)


def _explain(result, experts, panels) -> dict:
    data = result.to_dict()
    data["unfilled"] = [
        {**u, "panel": panels[u["application_id"]].name, "reason": humanise(u["reason"], experts, panels)}
        for u in data["unfilled"]
    ]
    data["issues"] = [{**i, "message": humanise(i["message"], experts, panels)} for i in data["issues"]]
    data["names"] = {code: e.name for code, e in experts.items()}
    data["panel_names"] = {pid: p.name for pid, p in panels.items()}
    return data


def _apply(result, experts, panels, run: SolverRun, actor) -> None:
    pairs = {(p.application_id, p.expert_id): p for p in result.pairs}
    for pid, panel in panels.items():
        wanted = set(result.assignments.get(pid, ()))
        leader = result.leaders.get(pid)
        seated = {m.expert.code: m for m in panel.members.filter(status__in=SEATED).select_related("expert")}
        for code, member in seated.items():
            if code not in wanted and not member.locked and member.status == MemberStatus.INVITED:
                member.status, member.is_leader = MemberStatus.REMOVED, False
                member.note = "重新求解后调出"
                member.save(update_fields=["status", "is_leader", "note"])
        if leader:
            panel.members.filter(status__in=SEATED, is_leader=True).exclude(
                expert__in=[experts[leader]]
            ).update(is_leader=False)
        for code in sorted(wanted):
            pair = pairs.get((pid, code))
            components = pair.components if pair else {}
            member = seated.get(code)
            if member is None or member.status == MemberStatus.REMOVED:
                member = PanelMember(panel=panel, expert=experts[code], source=MemberSource.SOLVER)
            member.components = components
            member.affinity = components.get("total")
            member.solver_run = run
            member.is_leader = code == leader if leader else member.is_leader
            member.save()


@transaction.atomic
def run_solver(*, panels, actor, params: matching.Parameters | None = None, keep_all_seated: bool = False):
    """Propose members for ``panels`` (one cycle and stage; none dissolved) and invite them."""
    panels = list(panels)
    if not panels:
        raise ValidationError(_("There is no panel to fill."))
    program = panels[0].cycle.program
    check_actor(actor, "experts.build_panels", program)
    if any(p.is_dissolved for p in panels) or len({(p.cycle_id, p.stage) for p in panels}) > 1:
        raise ValidationError(_("The solver fills working panels of one stage at a time."))
    params = params or DEFAULT_PARAMETERS
    instance, experts, by_id = build_instance(panels, keep_all_seated=keep_all_seated)
    try:
        result = matching.solve_milp(instance, params, side_constraints=True)
    except matching.MatchingInputError as error:
        raise ValidationError([humanise(m, experts, by_id) for m in error.messages]) from None
    explained = _explain(result, experts, by_id)
    run = SolverRun.objects.create(
        cycle=panels[0].cycle,
        stage=panels[0].stage,
        solver=result.solver,
        status=result.status,
        input_hash=result.input_hash,
        parameters=result.parameters,
        objective=result.objective,
        bound=result.bound,
        gap=result.gap,
        result=explained,
        started_by=actor,
    )
    run.panels.set(panels)
    _apply(result, experts, by_id, run, actor)
    record_event(
        actor=actor,
        action="experts.solver_run",
        obj=run,
        after={
            "solver": result.solver,
            "status": result.status,
            "input_hash": result.input_hash,
            "parameters": result.parameters,
            "objective": result.objective,
            "bound": result.bound,
            "gap": result.gap,
            "assignments": explained["assignments"],
            "leaders": explained["leaders"],
            "unfilled": explained["unfilled"],
            "issues": explained["issues"],
        },
        role=acting_role(actor, program),
        program=program,
    )
    return run


def refill_seat(*, panel: Panel, actor) -> SolverRun | None:
    """After a decline or a conflict: fill the free seat(s) of ``panel`` only, every other
    seat kept as it is (the solver re-runs around them as locked pairs)."""
    panel = Panel.objects.get(pk=panel.pk)
    if (
        panel.is_dissolved
        or panel.seated().count() >= panel.size
        and panel.seated().filter(is_leader=True).exists()
    ):
        return None
    return run_solver(
        panels=[panel], actor=None if actor is None else _system_or(actor, panel), keep_all_seated=True
    )


def _system_or(actor, panel):
    """The re-fill runs on the office's behalf even when an expert's decline triggered it."""
    import rules

    return actor if rules.has_perm("experts.build_panels", actor, panel.cycle.program) else None


def workload(cycle) -> list[dict]:
    """Per expert of the program's pool: seats per stage in ``cycle`` (invited or accepted)."""
    from qaward.experts.domain.queries import pool_of

    rows = []
    counts = (
        PanelMember.objects.filter(panel__cycle=cycle)
        .values("expert_id", "panel__stage")
        .annotate(
            seated=Count("id", filter=Q(status__in=SEATED)),
            accepted=Count("id", filter=Q(status=MemberStatus.ACCEPTED)),
            declined=Count("id", filter=Q(status=MemberStatus.DECLINED)),
            leading=Count("id", filter=Q(status__in=SEATED, is_leader=True)),
        )
    )
    by_expert: dict[int, dict] = {}
    for row in counts:
        by_expert.setdefault(row["expert_id"], {})[row["panel__stage"]] = row
    for expert in pool_of(cycle.program):
        stages = by_expert.get(expert.pk, {})
        rows.append(
            {
                "expert": expert,
                "stages": stages,
                "seated": sum(s["seated"] for s in stages.values()),
                "accepted": sum(s["accepted"] for s in stages.values()),
                "declined": sum(s["declined"] for s in stages.values()),
                "leading": sum(s["leading"] for s in stages.values()),
            }
        )
    return sorted(rows, key=lambda r: (-r["seated"], r["expert"].name))
