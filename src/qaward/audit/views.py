"""The audit trail for staff: a filterable list and its Excel export. Thin: permissions from
``qaward.audit.rules`` (through ``qaward.permissions``: outsiders get 404 and the denial is
audited), reads from ``domain.queries``; the export is itself audited."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from qaward.audit.domain import log_trail_export
from qaward.audit.domain.queries import filter_events, trail_program_ids, visible_events
from qaward.audit.export import write_workbook
from qaward.audit.forms import TrailFilterForm
from qaward.permissions import check_permission, permission_required
from qaward.programs.models import AwardProgram

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtered(request: HttpRequest):
    """The filter form and the events it selects among those the user may see. A program the
    user may not see is answered with 404 (and the denial audited), like one that does not exist."""
    program_ids = trail_program_ids(request.user)
    programs = (
        AwardProgram.objects.all() if program_ids is None else AwardProgram.objects.filter(id__in=program_ids)
    )
    raw_program = request.GET.get("program", "")
    if raw_program:
        program = AwardProgram.objects.filter(pk=raw_program).first() if raw_program.isdigit() else None
        if program is None:
            raise Http404
        check_permission(request, "audit.view_program_trail", program)
    form = TrailFilterForm(request.GET or None, programs=programs)
    events = visible_events(request.user)
    if not form.is_bound:
        return form, filter_events(events)
    if not form.is_valid():
        return form, events.none()
    return form, filter_events(events, **form.filters())


@require_GET
@permission_required("audit.view_trail")
def trail(request: HttpRequest) -> HttpResponse:
    form, events = _filtered(request)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/trail.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@require_GET
@permission_required("audit.view_trail")
def export(request: HttpRequest) -> HttpResponse:
    form, events = _filtered(request)
    limit = settings.AUDIT_EXPORT_MAX_ROWS
    count = events.count()
    if count > limit:
        messages.error(
            request,
            _("%(count)s events match; an export holds at most %(limit)s. Narrow the filter and try again.")
            % {"count": count, "limit": limit},
        )
        return redirect(f"{reverse('audit:trail')}?{request.GET.urlencode()}")
    content = write_workbook(events.iterator(chunk_size=2000))
    filters = (
        {k: str(v.pk if hasattr(v, "pk") else v) for k, v in form.filters().items()} if form.is_bound else {}
    )
    log_trail_export(
        actor=request.user,
        filters=filters,
        row_count=count,
        program=form.cleaned_data.get("program") if form.is_bound else None,
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.xlsx"'
    return response
