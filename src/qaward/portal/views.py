"""The public portal (no login): publicity windows with their countdowns, call notices, results.

Everything shown is already public: windows' entries carry only their masked public fields.
Pages are rendered without the request's context processors (no user, no session), so they are
the same for everyone and safe to cache for a minute.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from qaward.permissions import public_view
from qaward.portal import queries
from qaward.portal.caching import public_page
from qaward.programs.calendar import current_work_calendar
from qaward.programs.models import AwardProgram, CallNotice
from qaward.publicity.domain import queries as publicity


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    # No RequestContext: context processors would read the session (Vary: Cookie, per-user pages).
    return HttpResponse(render_to_string(template, context), status=status)


def _program(slug: str) -> AwardProgram:
    return get_object_or_404(AwardProgram.objects.select_related("jurisdiction"), slug=slug, active=True)


def _with_countdowns(windows) -> list:
    calendar = current_work_calendar()
    windows = list(windows)
    for window in windows:
        window.countdown = publicity.countdown(window, calendar=calendar)
    return windows


def _stamp_all(request, *args, **kwargs):
    return queries.last_change()


def _stamp_program(request, slug, *args, **kwargs):
    program = AwardProgram.objects.filter(slug=slug).first()
    return queries.last_change(program) if program else None


def _stamp_window(request, pk):
    window = queries.public_window(pk)
    return window.updated_at if window else None


def _stamp_notice(request, pk):
    return CallNotice.objects.filter(pk=pk).values_list("created_at", flat=True).first()


@public_view
@public_page(_stamp_all)
def home(request):
    context = {
        "programs": queries.programs(),
        "windows": _with_countdowns(queries.current_windows()),
        "notices": list(queries.notices(limit=10)),
    }
    return _render(request, "portal/home.html", context)


@public_view
@public_page(_stamp_program)
def program_home(request, slug):
    program = _program(slug)
    context = {
        "program": program,
        "windows": _with_countdowns(queries.current_windows(program)),
        "notices": list(queries.notices(program)),
        "past_count": queries.past_windows(program).count(),
    }
    return _render(request, "portal/program.html", context)


@public_view
@public_page(_stamp_program, ticking=False)
def past(request, slug):
    program = _program(slug)
    context = {"program": program, "windows": list(queries.past_windows(program)[:200])}
    return _render(request, "portal/past.html", context)


@public_view
@public_page(_stamp_program, ticking=False)
def results(request, slug):
    program = _program(slug)
    return _render(request, "portal/results.html", {"program": program, "results": []})


@public_view
@public_page(_stamp_window)
def window(request, pk):
    found = queries.public_window(pk)
    if found is None:
        raise Http404("No such publicity.")
    entries = list(publicity.entries_of(found))
    is_open = publicity.window_is_open(found)
    for entry in entries:
        entry.objection_url = queries.objection_url(entry.pk) if is_open else None
    context = {
        "program": found.program,
        "window": found,
        "entries": entries,
        "countdown": publicity.countdown(found),
        "is_open": is_open,
    }
    return _render(request, "portal/window.html", context)


@public_view
@public_page(_stamp_notice, ticking=False)
def notice(request, pk):
    found = get_object_or_404(
        CallNotice.objects.select_related("program", "cycle"), pk=pk, program__active=True
    )
    return _render(request, "portal/notice.html", {"program": found.program, "notice": found})
