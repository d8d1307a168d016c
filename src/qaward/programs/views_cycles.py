"""Staff pages for cycles (届) and their call notices: list a program's cycles, open the next one
with its call notice, publish the notice of a draft cycle. Thin: forms in, domain functions do
the work (``programs.domain.calls``)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qaward.permissions import permission_required
from qaward.programs.domain.calls import cycle_rule_verdict, open_cycle, publish_call_notice
from qaward.programs.enums import CycleStatus
from qaward.programs.models import AwardProgram, CallNotice, Cycle

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BootstrapForm(forms.Form):
    """Bootstrap classes on every widget, ``is-invalid`` on fields with errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")

    def __getitem__(self, name):
        bound = super().__getitem__(name)
        if self.is_bound and name in self.errors:
            classes = bound.field.widget.attrs.get("class", "")
            if "is-invalid" not in classes:
                bound.field.widget.attrs["class"] = f"{classes} is-invalid".strip()
        return bound


class NoticeForm(BootstrapForm):
    title = forms.CharField(label=gettext_lazy("Notice title"), max_length=200)
    doc_no = forms.CharField(
        label=gettext_lazy("Document number"),
        max_length=60,
        help_text=gettext_lazy("E.g. 吉质奖办〔2026〕1号."),
    )
    published_on = forms.DateField(label=gettext_lazy("Publication date"), widget=_DATE)
    body = forms.CharField(label=gettext_lazy("Notice text"), widget=forms.Textarea(attrs={"rows": 8}))
    materials = forms.CharField(
        label=gettext_lazy("Materials to submit"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("One item per line."),
    )
    contact = forms.CharField(
        label=gettext_lazy("Contact"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Contact person, telephone, address."),
    )
    override_reason = forms.CharField(
        label=gettext_lazy("Reason for opening outside the cycle rule"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Only needed when the rulebook's cycle rule does not allow this year."),
    )


class OpenCycleForm(NoticeForm):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    call_opens = forms.DateField(label=gettext_lazy("Applications open"), widget=_DATE)
    call_closes = forms.DateField(label=gettext_lazy("Applications close"), widget=_DATE)

    field_order = ["year", "call_opens", "call_closes", "title", "doc_no", "published_on", "body", "materials",
                   "contact", "override_reason"]  # fmt: skip


def add_domain_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a domain refusal at the field it names (or above the form), keeping what was typed."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _program(request, slug):
    return get_object_or_404(AwardProgram, slug=slug)


def _cycle(request, slug, number):
    return get_object_or_404(Cycle.objects.select_related("program"), program__slug=slug, number=number)


@permission_required("programs.view_cycles", fn=_program)
def cycle_list(request, slug):
    program = request.permission_object
    cycles = list(program.cycles.order_by("-number").prefetch_related("call_notices"))
    years = [c.year for c in cycles]
    next_year = (max(years) + registry_years(program)) if years else timezone.localdate().year
    context = {
        "program": program,
        "cycles": cycles,
        "next_verdict": cycle_rule_verdict(program=program, year=next_year),
        "next_year": next_year,
    }
    return render(request, "programs/cycle_list.html", context)


def registry_years(program) -> int:
    from qaward.rulebooks import registry

    return registry.get(program.rulebook_id).cycle.years


@permission_required("programs.open_cycle", fn=_program)
def cycle_open(request, slug):
    program = request.permission_object
    verdict = None
    if request.method == "POST":
        form = OpenCycleForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                notice = open_cycle(program=program, actor=request.user, **data)
            except ValidationError as error:
                add_domain_errors(form, error)
                verdict = getattr(error, "verdict", None)
            else:
                messages.success(
                    request,
                    _("%(cycle)s is open for applications; the call notice is on the public portal.")
                    % {"cycle": notice.cycle.label},
                )
                return redirect("programs:cycles", slug=program.slug)
    else:
        years = list(program.cycles.values_list("year", flat=True))
        year = max(years) + registry_years(program) if years else timezone.localdate().year
        form = OpenCycleForm(initial={"year": year, "published_on": timezone.localdate()})
    context = {"program": program, "form": form, "verdict": verdict, "mode": "open"}
    return render(request, "programs/cycle_open.html", context)


@permission_required("programs.open_cycle", fn=_cycle)
def cycle_notice(request, slug, number):
    cycle = request.permission_object
    program = cycle.program
    verdict = None
    if request.method == "POST":
        form = NoticeForm(request.POST)
        if form.is_valid():
            try:
                publish_call_notice(cycle=cycle, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_domain_errors(form, error)
                verdict = getattr(error, "verdict", None)
            else:
                messages.success(request, _("The call notice is published on the public portal."))
                return redirect("programs:cycles", slug=program.slug)
    else:
        form = NoticeForm(initial={"published_on": timezone.localdate()})
    context = {
        "program": program,
        "cycle": cycle,
        "form": form,
        "verdict": verdict,
        "mode": "notice",
        "opens_cycle": cycle.status == CycleStatus.DRAFT,
        "notices": CallNotice.objects.filter(cycle=cycle),
    }
    return render(request, "programs/cycle_open.html", context)
