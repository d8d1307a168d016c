"""Official letters (公文) as PDF, laid out after GB/T 9704-2012, rendered by WeasyPrint.

``render_official_letter`` turns a template under ``documents/pdf/`` into PDF bytes;
``store_generated_pdf`` keeps them as a ``StoredFile`` (downloadable through ``/files/<uuid>/``,
never deleted). Rendering takes a noticeable fraction of a second, so a decision records its
letter (number, context, template) in its transaction and renders the PDF after commit:
``context_to_json`` / ``context_from_json`` keep a letter's context on the letter row. A letter template extends ``documents/pdf/official_letter.html`` and fills the
``body`` block; the base lays out the 版头 (发文机关标志, 发文字号, red separator), the title, the
主送机关, the 落款 (issuing body and date) and page numbers "— 1 —".

Rendering never touches the network: resources may only be ``data:`` URIs, and the fonts come
from the system through fontconfig (Debian ``fonts-noto-cjk``; the official 仿宋/小标宋 faces are
licensed). An office can put its own fonts first with the settings ``QAWARD_PDF_SERIF_FONTS`` and
``QAWARD_PDF_SANS_FONTS`` (lists of family names).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

SERIF_FONTS = ("Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "AR PL UMing CN", "serif")
SANS_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "sans-serif")

_CSS_PATH = Path(__file__).parent / "templates" / "documents" / "pdf" / "official_letter.css"
_DIGITS = "〇一二三四五六七八九"
_DOC_NO = re.compile(r"^\S+〔\d{4}〕[1-9]\d*号$")


def format_doc_no(code: str, year: int, number: int) -> str:
    """发文字号 per GB/T 9704-2012 7.2.4: 机关代字〔年份〕序号号 — six-cornered brackets, no 第, no
    leading zeros (``吉质奖办函〔2026〕3号``)."""
    if not code or number < 1:
        raise ValueError("a document number needs an agency code and a positive serial number")
    return f"{code}〔{year:04d}〕{number}号"


def is_doc_no(text: str) -> bool:
    return bool(_DOC_NO.match(text or ""))


def chinese_numeral(n: int) -> str:
    """1..31 as 一..三十一 (days and months of a date)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    text = ("" if tens == 1 else _DIGITS[tens]) + "十" if tens else ""
    return text + (_DIGITS[ones] if ones else "")


def official_date(day: dt.date, numerals: str = "arabic") -> str:
    """成文日期. GB/T 9704-2012 7.3.5.1 writes it in Arabic numerals (``2026年11月3日``); the
    1999 edition and many offices still use Chinese ones (``二〇二六年十一月三日``)."""
    if numerals == "chinese":
        year = "".join(_DIGITS[int(c)] for c in f"{day.year:04d}")
        return f"{year}年{chinese_numeral(day.month)}月{chinese_numeral(day.day)}日"
    return f"{day.year}年{day.month}月{day.day}日"


def _font_chain(names) -> str:
    return ", ".join(f'"{n}"' if " " in n or not n.isascii() else n for n in names)


def _stylesheet() -> str:
    serif = getattr(settings, "QAWARD_PDF_SERIF_FONTS", None) or SERIF_FONTS
    sans = getattr(settings, "QAWARD_PDF_SANS_FONTS", None) or SANS_FONTS
    css = _CSS_PATH.read_text(encoding="utf-8")
    return css.replace("var(--serif)", _font_chain(serif)).replace("var(--sans)", _font_chain(sans))


def _offline_fetcher():
    from weasyprint.urls import URLFetcher

    class OfflineFetcher(URLFetcher):
        """Only ``data:`` URIs: a letter must never make the server fetch anything (SSRF, and
        no internet at run time). A refused URL is logged and left out of the document."""

        def fetch(self, url, headers=None):
            if not url.startswith("data:"):
                logger.warning("PDF rendering refused to fetch %s", url[:200])
                raise ValueError(f"fetching {url[:80]} is not allowed in generated PDFs")
            return super().fetch(url, headers)

    return OfflineFetcher(allowed_protocols=("data",), timeout=1)


def layout_official_letter(*, template: str, context: dict, title: str):
    """The laid-out WeasyPrint ``Document`` of a letter (pages and boxes), before it is written;
    ``render_official_letter`` documents the context."""
    from weasyprint import CSS, HTML

    data = dict(context)
    data["title"] = title
    data.setdefault("signatory", data.get("issuer", ""))
    day = data.get("date") or dt.date.today()
    data["date_text"] = official_date(day, data.get("date_numerals", "arabic"))
    with translation.override("zh-hans"):
        html = render_to_string(template, data)
    fetcher = _offline_fetcher()
    document = HTML(string=html, base_url="about:blank", url_fetcher=fetcher)
    stylesheet = CSS(string=_stylesheet(), url_fetcher=fetcher)
    return document.render(stylesheets=[stylesheet])


def render_official_letter(*, template: str, context: dict, title: str) -> bytes:
    """Render ``template`` (extending ``documents/pdf/official_letter.html``) to PDF bytes.

    Context keys the base layout reads: ``issuer`` (发文机关标志, e.g. "吉林省质量奖评审委员会办公室"),
    ``doc_no`` (发文字号, see ``format_doc_no``), ``addressee`` (主送机关, without the colon),
    ``signatory`` (落款 body; defaults to the issuer), ``date`` (成文日期, a date; today when
    missing) and ``date_numerals`` ("arabic", the default per GB/T 9704-2012, or "chinese").
    ``title`` is the document title, shown centred and kept as the PDF's title. Always rendered
    in Chinese, whatever the language of the request that caused it.
    """
    return layout_official_letter(template=template, context=context, title=title).write_pdf()


def store_generated_pdf(*, data: bytes, name: str, slot: str, program, owner, actor):
    """Keep generated PDF bytes as a ``StoredFile`` of ``slot`` owned by ``owner`` (e.g. the
    application a letter is about), through the same checks, scan and audit as an upload.
    ``actor`` is the user whose decision produced the document (also when it is rendered later,
    e.g. on first download), or None for a document the system issued by itself (e.g. after a
    deadline passed): the file then has no uploader and the audit event no actor."""
    from qaward.documents.domain.uploads import store_upload

    if not name.lower().endswith(".pdf"):
        name = f"{name}.pdf"
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    return store_upload(
        uploaded_file=upload, slot=slot, actor=actor, program=program, owner=owner, public=actor is None
    )


_DATE_KEY = "$date"


def context_to_json(context):
    """``context`` as JSON-safe data: dates become ``{"$date": "2026-11-03"}`` (restored by
    ``context_from_json``); dicts, lists and tuples are walked; anything else must already be a
    JSON value (str, int, float, bool, None) — a model instance is refused, since a letter must
    render the same facts later, whatever happens to the rows it was written from."""
    if isinstance(context, dt.datetime):
        raise TypeError("a letter's context keeps dates, not datetimes")
    if isinstance(context, dt.date):
        return {_DATE_KEY: context.isoformat()}
    if isinstance(context, dict):
        return {str(key): context_to_json(value) for key, value in context.items()}
    if isinstance(context, (list, tuple)):
        return [context_to_json(value) for value in context]
    if context is None or isinstance(context, (str, int, float, bool)):
        return context
    raise TypeError(f"{type(context).__name__} cannot be kept in a letter's context")


def context_from_json(data):
    """The context ``context_to_json`` stored, with its dates back."""
    if isinstance(data, dict):
        if set(data) == {_DATE_KEY}:
            return dt.date.fromisoformat(data[_DATE_KEY])
        return {key: context_from_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [context_from_json(value) for value in data]
    return data


class _RenderedMeanwhile(Exception):
    """Another request linked a PDF to the letter first: ours is rolled back."""


def render_once(letter, produce):
    """The PDF of a letter row with a nullable one-to-one ``file``: ``produce(locked_letter)``
    renders and stores it (returning the StoredFile) the first time; later calls return the
    linked file. Safe when two requests race: the row is locked while rendering and the link is
    written only where none exists yet (a late loser's file is rolled back with its transaction).
    ``letter.file`` is refreshed either way."""
    from django.db import transaction

    model = type(letter)
    if letter.file_id is None:
        try:
            with transaction.atomic():
                locked = model.objects.select_for_update().get(pk=letter.pk)
                if locked.file_id is None:
                    stored = produce(locked)
                    if not model.objects.filter(pk=locked.pk, file__isnull=True).update(file=stored):
                        raise _RenderedMeanwhile
        except _RenderedMeanwhile:
            pass
        letter.refresh_from_db(fields=["file"])
    return letter.file
