"""Staff pages about rulebooks: the list, one regulation's text by article, and a side-by-side
comparison of two rulebooks in which every statement links to the article it rests on."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from qaward.permissions import permission_required
from qaward.rulebooks import registry
from qaward.rulebooks.sources import article_anchors, source_text
from qaward.rulebooks.summary import Topic, compare, summarize


def _book(rulebook_id: str):
    try:
        return registry.get(rulebook_id)
    except registry.RulebookNotFound:
        raise Http404(rulebook_id) from None


def _cell(book, topic: Topic | None) -> list[dict] | None:
    if topic is None:
        return None
    text_url = reverse("staff:rulebook_text", args=[book.id])
    return [
        {
            "text": s.text,
            "discretion": s.discretion,
            "articles": [(label, f"{text_url}#{anchor}") for label, anchor in article_anchors(s.cite)],
        }
        for s in topic.statements
    ]


@permission_required("qaward.view_staff_pages")
def rulebook_list(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/rulebooks.html", {"books": registry.all_rulebooks()})


# The regulations are published documents: anyone signed in may read them (applicants too, from
# their landing page); the list and the comparison are staff tools.
@permission_required("qaward.use_site")
def rulebook_text(request: HttpRequest, rulebook_id: str) -> HttpResponse:
    book = _book(rulebook_id)
    text = source_text(book.id)
    if text is None:
        raise Http404(rulebook_id)
    cited = {anchor for t in summarize(book) for s in t.statements for _, anchor in article_anchors(s.cite)}
    return render(request, "staff/rulebook_text.html", {"book": book, "text": text, "cited": cited})


@permission_required("qaward.view_staff_pages")
def rulebook_compare(request: HttpRequest) -> HttpResponse:
    ids = registry.list_ids()
    left_id = request.GET.get("a") or "jilin-2023"
    right_id = request.GET.get("b") or "tacheng-2023"
    only_diff = request.GET.get("only") == "1"
    left, right = _book(left_id), _book(right_id)
    rows = [
        {
            "section": p.section,
            "title": p.title,
            "differs": p.differs,
            "left": _cell(left, p.left),
            "right": _cell(right, p.right),
        }
        for p in compare(left, right)
        if p.differs or not only_diff
    ]
    context = {
        "ids": ids,
        "books": registry.all_rulebooks(),
        "left": left,
        "right": right,
        "rows": rows,
        "only_diff": only_diff,
    }
    template = "staff/_compare_table.html" if request.htmx else "staff/rulebook_compare.html"
    return render(request, template, context)
