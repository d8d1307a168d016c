"""Pool pages for the office: list, profile, add and edit, status and credit, import/export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qaward.accounts.domain.queries import programs_where
from qaward.accounts.models import Role
from qaward.experts import forms
from qaward.experts.domain import credit, excel, pool, queries
from qaward.experts.enums import ExpertStatus
from qaward.experts.views.common import add_errors, expert_from_url, program_from_slug
from qaward.permissions import permission_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@permission_required("experts.browse_pools")
def home(request):
    programs = programs_where(request.user, Role.OFFICE_STAFF, Role.SUPERVISOR).order_by("name")
    if programs.count() == 1:
        return redirect("experts:pool", slug=programs.first().slug)
    return render(request, "experts/home.html", {"programs": programs})


@require_GET
@permission_required("experts.view_pool", fn=program_from_slug)
def pool_list(request, slug):
    program = request.permission_object
    text, code, status = (request.GET.get(k, "").strip() for k in ("q", "code", "status"))
    experts = queries.search_pool(program, text=text, code=code, status=status)
    return render(
        request,
        "experts/pool.html",
        {
            "program": program,
            "experts": experts,
            "q": text,
            "code": code,
            "status": status,
            "statuses": ExpertStatus.choices,
            "import_form": forms.ImportForm(),
            "cycles": program.cycles.order_by("-number"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("experts.manage_pool", fn=program_from_slug)
def expert_new(request, slug):
    program = request.permission_object
    form = forms.ExpertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            expert = pool.create_expert(program=program, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been added to the pool.") % {"name": expert.name})
            return redirect("experts:expert", slug=slug, pk=expert.pk)
    return render(request, "experts/expert_form.html", {"program": program, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required("experts.manage_expert", fn=expert_from_url)
def expert_edit(request, slug, pk):
    expert = request.permission_object
    program = program_from_slug(request, slug)
    form = forms.ExpertForm(request.POST or None, initial=forms.ExpertForm.initial_from(expert))
    if request.method == "POST" and form.is_valid():
        try:
            pool.update_expert(expert=expert, program=program, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The profile has been saved."))
            return redirect("experts:expert", slug=slug, pk=expert.pk)
    return render(request, "experts/expert_form.html", {"program": program, "form": form, "expert": expert})


def _profile_context(request, program, expert, **forms_given) -> dict:
    context = {
        "program": program,
        "expert": expert,
        "credit": queries.credit_record(expert, [program]),
        "seats": queries.seats_of(expert).filter(panel__cycle__program=program),
        "conflicts": expert.conflicts.filter(application__cycle__program=program).select_related(
            "application"
        ),
        "status_form": forms.StatusForm(initial={"status": expert.status}),
        "sanction_form": forms.SanctionForm(),
        "evaluation_form": forms.EvaluationForm(),
        "relationship_form": forms.RelationshipForm(),
        "former_form": forms.FormerEmploymentForm(),
        "availability_form": forms.AvailabilityForm(),
    }
    context.update(forms_given)
    return context


@require_GET
@permission_required("experts.view_expert", fn=expert_from_url)
def expert_detail(request, slug, pk):
    program = program_from_slug(request, slug)
    return render(
        request, "experts/expert.html", _profile_context(request, program, request.permission_object)
    )


# Each profile form: (form class, domain call, context key).
PROFILE_ACTIONS = {
    "status": (forms.StatusForm, lambda e, p, u, d: pool.set_status(expert=e, program=p, actor=u, **d), "status_form"),
    "sanction": (forms.SanctionForm, lambda e, p, u, d: credit.impose_sanction(expert=e, program=p, actor=u, **d),
                 "sanction_form"),
    "evaluation": (forms.EvaluationForm,
                   lambda e, p, u, d: credit.record_evaluation(expert=e, program=p, actor=u, **d), "evaluation_form"),
    "relationship": (forms.RelationshipForm,
                     lambda e, p, u, d: pool.declare_relationship(expert=e, program=p, actor=u, **d),
                     "relationship_form"),
    "former": (forms.FormerEmploymentForm,
               lambda e, p, u, d: pool.add_former_employment(expert=e, program=p, actor=u, **d), "former_form"),
    "availability": (forms.AvailabilityForm,
                     lambda e, p, u, d: pool.add_availability(expert=e, program=p, actor=u, **d),
                     "availability_form"),
}  # fmt: skip


@require_POST
@permission_required("experts.manage_expert", fn=expert_from_url)
def expert_action(request, slug, pk, action):
    expert = request.permission_object
    program = program_from_slug(request, slug)
    if action not in PROFILE_ACTIONS:
        from django.http import Http404

        raise Http404
    form_class, call, key = PROFILE_ACTIONS[action]
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(expert, program, request.user, form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("experts:expert", slug=slug, pk=expert.pk)
    context = _profile_context(request, program, expert, **{key: form})
    return render(request, "experts/expert.html", context, status=200)


@require_GET
@permission_required("experts.view_pool", fn=program_from_slug)
def export(request, slug):
    program = request.permission_object
    data = excel.export_pool(queries.pool_of(program).prefetch_related("former_employments"))
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="experts-{program.slug}.xlsx"'
    return response


@require_POST
@permission_required("experts.manage_pool", fn=program_from_slug)
def import_pool(request, slug):
    program = request.permission_object
    form = forms.ImportForm(request.POST, request.FILES)
    report = None
    if form.is_valid():
        upload = form.cleaned_data["workbook"]
        if upload.size > excel.MAX_BYTES:
            form.add_error("workbook", _("The workbook is larger than 5 MB; split it into several files."))
        else:
            report = excel.import_pool(program=program, data=upload.read(), actor=request.user)
            if report.ok:
                messages.success(
                    request,
                    _("Imported: %(created)s new, %(updated)s updated.")
                    % {"created": len(report.created), "updated": len(report.updated)},
                )
                return redirect("experts:pool", slug=slug)
    return render(request, "experts/import_report.html", {"program": program, "form": form, "report": report})
