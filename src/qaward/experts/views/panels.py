"""The panel builder (office): panels per stage, the solver, manual adjustment, workload."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qaward.experts import forms
from qaward.experts.domain import assignment, panels, queries
from qaward.experts.domain.conflicts import reviewable_applications
from qaward.experts.enums import PanelStage, PanelStatus
from qaward.experts.models import Panel
from qaward.experts.views.common import add_errors, cycle_from_url, member_from_pk, panel_from_pk
from qaward.permissions import permission_required


def _builder_context(cycle, stage: str, **given) -> dict:
    stage_panels = list(queries.panels_of_cycle(cycle, stage))
    last_run = cycle.solver_runs.filter(stage=stage).first()
    context = {
        "program": cycle.program,
        "cycle": cycle,
        "stage": stage,
        "stages": PanelStage.choices,
        "panels": stage_panels,
        "working": [p for p in stage_panels if p.status != PanelStatus.DISSOLVED],
        "applications": reviewable_applications(cycle),
        "create_form": forms.PanelsForStageForm(initial={"stage": stage}),
        "add_form": forms.AddMemberForm(pool=queries.pool_of(cycle.program)),
        "last_run": last_run,
    }
    context.update(given)
    return context


@require_GET
@permission_required("experts.view_panels", fn=cycle_from_url)
def builder(request, slug, number):
    cycle = request.permission_object
    stage = request.GET.get("stage") or PanelStage.MATERIAL_REVIEW
    if stage not in PanelStage.values:
        stage = PanelStage.MATERIAL_REVIEW
    return render(request, "experts/panels.html", _builder_context(cycle, stage))


def _back(cycle, stage):
    from django.urls import reverse

    return redirect(f"{reverse('experts:panels', args=[cycle.program.slug, cycle.number])}?stage={stage}")


@require_POST
@permission_required("experts.build_panels", fn=cycle_from_url)
def create(request, slug, number):
    cycle = request.permission_object
    form = forms.PanelsForStageForm(request.POST)
    stage = request.POST.get("stage", PanelStage.MATERIAL_REVIEW)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["one_panel"]:
                made = [
                    panels.create_panel(
                        cycle=cycle, stage=data["stage"], name=str(PanelStage(data["stage"]).label),
                        applications=reviewable_applications(cycle), actor=request.user, size=data["size"],
                        starts=data["starts"], ends=data["ends"],
                    )
                ]  # fmt: skip
            else:
                made = panels.create_panels_per_application(
                    cycle=cycle, stage=data["stage"], actor=request.user, size=data["size"],
                    starts=data["starts"], ends=data["ends"],
                )  # fmt: skip
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(n)s panels created.") % {"n": len(made)})
            return _back(cycle, data["stage"])
    return render(request, "experts/panels.html", _builder_context(cycle, stage, create_form=form))


@require_POST
@permission_required("experts.build_panels", fn=cycle_from_url)
def solve(request, slug, number):
    cycle = request.permission_object
    stage = request.POST.get("stage", "")
    working = Panel.objects.filter(cycle=cycle, stage=stage).exclude(status=PanelStatus.DISSOLVED)
    try:
        run = assignment.run_solver(panels=working, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Solver finished (%(status)s): invitations sent for the proposed seats.")
            % {"status": run.status},
        )
    return _back(cycle, stage)


@require_POST
@permission_required("experts.build_panels", fn=panel_from_pk)
def panel_action(request, pk, action):
    panel = request.permission_object
    try:
        if action == "add":
            form = forms.AddMemberForm(request.POST, pool=queries.pool_of(panel.cycle.program))
            if not form.is_valid():
                raise ValidationError([e for errs in form.errors.values() for e in errs])
            panels.add_member(panel=panel, actor=request.user, **form.cleaned_data)
        elif action == "activate":
            panels.activate_panel(panel=panel, actor=request.user)
        elif action == "close_stage":
            panels.close_stage(cycle=panel.cycle, stage=panel.stage, actor=request.user)
        else:
            from django.http import Http404

            raise Http404
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"{panel.name}：{message}")
    else:
        messages.success(request, _("Saved."))
    return _back(panel.cycle, panel.stage)


@require_POST
@permission_required("experts.build_panels", fn=member_from_pk)
def member_action(request, pk, action):
    member = request.permission_object
    try:
        if action == "lead":
            panels.set_leader(member=member, actor=request.user)
        elif action in ("lock", "unlock"):
            panels.set_locked(member=member, locked=action == "lock", actor=request.user)
        elif action == "remove":
            panels.remove_member(member=member, actor=request.user, reason=request.POST.get("reason", ""))
        else:
            from django.http import Http404

            raise Http404
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"{member.expert.name}：{message}")
    else:
        messages.success(request, _("Saved."))
    return _back(member.panel.cycle, member.panel.stage)


@require_GET
@permission_required("experts.view_panels", fn=cycle_from_url)
def workload(request, slug, number):
    cycle = request.permission_object
    return render(
        request,
        "experts/workload.html",
        {
            "program": cycle.program,
            "cycle": cycle,
            "rows": assignment.workload(cycle),
            "stages": PanelStage.choices,
        },
    )
