"""Staff pages for publicity windows: the windows of the user's programs, per cycle, and one
window with its entries, time left, the extension form and the media-publication form."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qaward.accounts.domain.queries import is_platform_admin, programs_where
from qaward.accounts.models import Role
from qaward.permissions import permission_required
from qaward.programs.calendar import current_work_calendar
from qaward.programs.models import AwardProgram, Cycle
from qaward.programs.views_cycles import BootstrapForm, add_domain_errors
from qaward.publicity.domain import queries
from qaward.publicity.domain.windows import extend_window, record_media_publication
from qaward.publicity.models import PublicityWindow
from qaward.publicity.models.window import Channel


class ExtendForm(BootstrapForm):
    workdays = forms.IntegerField(label=gettext_lazy("New length (working days)"), min_value=1, max_value=200)
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class MediaForm(BootstrapForm):
    media_name = forms.CharField(label=gettext_lazy("Newspaper or website"), max_length=200)
    published_on = forms.DateField(
        label=gettext_lazy("Publication date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    link = forms.URLField(label=gettext_lazy("Link"), required=False, max_length=500, assume_scheme="https")


def _cycle(request, slug, number):
    return get_object_or_404(Cycle.objects.select_related("program"), program__slug=slug, number=number)


def _window(request, pk):
    return get_object_or_404(
        PublicityWindow.objects.select_related("program", "cycle", "recommending_unit", "opened_by"), pk=pk
    )


def _with_countdowns(windows):
    calendar = current_work_calendar()
    windows = list(windows)
    for window in windows:
        window.countdown = queries.countdown(window, calendar=calendar)
    return windows


@permission_required("publicity.view_windows")
def index(request):
    """Windows of every program the user oversees, newest first, grouped by program."""
    if is_platform_admin(request.user):
        programs = AwardProgram.objects.all()
    else:
        programs = programs_where(request.user, Role.OFFICE_STAFF, Role.SUPERVISOR)
    programs = list(programs.select_related("jurisdiction").prefetch_related("cycles").order_by("pk"))
    windows = _with_countdowns(
        PublicityWindow.objects.filter(program__in=programs)
        .select_related("program", "cycle", "recommending_unit")
        .order_by("-starts_on", "-pk")[:200]
    )
    by_program = {p.pk: [] for p in programs}
    for window in windows:
        by_program[window.program_id].append(window)
    groups = [(p, by_program[p.pk]) for p in programs]
    return render(request, "publicity/index.html", {"groups": groups})


@permission_required("publicity.view_windows", fn=_cycle)
def cycle_windows(request, slug, number):
    cycle = request.permission_object
    windows = _with_countdowns(queries.windows_of_cycle(cycle))
    return render(
        request,
        "publicity/cycle_windows.html",
        {"cycle": cycle, "program": cycle.program, "windows": windows},
    )


def _detail(request, window, extend_form=None, media_form=None, status=200):
    import rules

    may_manage = rules.has_perm("publicity.manage_window", request.user, window)
    context = {
        "window": window,
        "program": window.program,
        "entries": queries.entries_of(window),
        "countdown": queries.countdown(window),
        "changes": window.changes.select_related("actor"),
        "may_manage": may_manage,
        "is_open": not queries.window_has_closed(window),
        "extend_form": extend_form or ExtendForm(initial={"workdays": window.workdays + 1}),
        "media_form": media_form
        or MediaForm(
            initial={
                "media_name": window.media_name,
                "published_on": window.media_published_on,
                "link": window.media_link,
            }  # fmt: skip
        ),
        "shows_media": window.channel == Channel.MEDIA or bool(window.media_name),
        "blocked_by_objection": queries.pending_objections_block(window),
    }
    return render(request, "publicity/window_detail.html", context, status=status)


@permission_required("publicity.view_window", fn=_window)
def window_detail(request, pk):
    return _detail(request, request.permission_object)


@require_POST
@permission_required("publicity.manage_window", fn=_window)
def window_extend(request, pk):
    window = request.permission_object
    form = ExtendForm(request.POST)
    if form.is_valid():
        try:
            extend_window(window=window, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(request, _("The publicity period was changed."))
            return redirect("publicity:window", pk=window.pk)
    return _detail(request, window, extend_form=form, status=400)


@require_POST
@permission_required("publicity.manage_window", fn=_window)
def window_media(request, pk):
    window = request.permission_object
    form = MediaForm(request.POST)
    if form.is_valid():
        try:
            record_media_publication(window=window, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(request, _("The media publication was recorded."))
            return redirect("publicity:window", pk=window.pk)
    return _detail(request, window, media_form=form, status=400)
