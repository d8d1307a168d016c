"""Official letters as PDF (documents/pdf.py): GB/T 9704 parts present, Chinese text laid out in
a CJK font from the system, page numbers "— n —", no network fetches, kept as a StoredFile."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qaward.documents import pdf

LETTER = "documents/pdf/non_acceptance.html"


def _context(**extra):
    context = {
        "issuer": "吉林省质量奖评审委员会办公室",
        "doc_no": pdf.format_doc_no("吉质奖办函", 2026, 7),
        "addressee": "长春示例精密制造有限公司",
        "award_name": "吉林省质量奖",
        "cycle_label": "（第二届）",
        "reference": "jilin-2026-00007",
        "reason_paragraphs": ["未提供近三年财务审计报告，申报材料不完整。"],
        "citation": "吉政办规〔2023〕3号 第二十条",
        "office_name": "吉林省质量奖评审委员会办公室",
        "date": dt.date(2026, 11, 3),
    }
    context.update(extra)
    return context


def _texts(document):
    """(text, font families) of every text box, page by page."""
    pages = []

    def walk(box, out):
        if hasattr(box, "text") and box.text:
            out.append((box.text, tuple(box.style["font_family"])))
        for child in getattr(box, "children", ()) or ():
            walk(child, out)
        for margin in getattr(box, "margin_boxes", ()) or ():
            walk(margin, out)

    for page in document.pages:
        out: list = []
        walk(page._page_box, out)
        pages.append(out)
    return pages


@pytest.mark.unit
def test_doc_numbers_follow_gbt_9704():
    assert pdf.format_doc_no("吉府发", 2023, 1) == "吉府发〔2023〕1号"
    assert pdf.is_doc_no("吉质奖办函〔2026〕12号")
    assert not pdf.is_doc_no("吉质奖办函〔2026〕第12号")
    assert not pdf.is_doc_no("吉质奖办函[2026]012号")
    with pytest.raises(ValueError):
        pdf.format_doc_no("吉府发", 2023, 0)


@pytest.mark.unit
def test_dates_in_arabic_by_default_and_chinese_on_request():
    day = dt.date(2026, 11, 30)
    assert pdf.official_date(day) == "2026年11月30日"
    assert pdf.official_date(day, "chinese") == "二〇二六年十一月三十日"
    assert pdf.official_date(dt.date(2030, 10, 1), "chinese") == "二〇三〇年十月一日"


@pytest.mark.unit
@given(st.integers(min_value=1, max_value=99))
def test_chinese_numerals_read_back(n):
    text = pdf.chinese_numeral(n)
    digits = "〇一二三四五六七八九"
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (digits.index(tens) if tens else 1) * 10 + (digits.index(ones) if ones else 0)
    else:
        value = digits.index(text)
    assert value == n


@pytest.mark.integration
def test_letter_has_its_parts_in_a_cjk_font():
    document = pdf.layout_official_letter(template=LETTER, context=_context(), title="不予受理通知书")
    pages = _texts(document)
    text = "".join(t for page in pages for t, _ in page)
    for part in (
        "吉林省质量奖评审委员会办公室",
        "吉质奖办函〔2026〕7号",
        "不予受理通知书",
        "长春示例精密制造有限公司：",
        "未提供近三年财务审计报告",
        "吉政办规〔2023〕3号 第二十条",
        "2026年11月3日",
    ):
        assert part in text, part
    assert "— 1 —" in [t for t, _ in pages[0]]
    families = {f for page in pages for _, fonts in page for f in fonts}
    assert "Noto Serif CJK SC" in families
    # The PDF embeds the CJK faces the system supplied (fontconfig found them).
    data = document.write_pdf(uncompressed_pdf=True)
    assert data.startswith(b"%PDF-")
    assert b"Noto-Serif-CJK-SC" in data


@pytest.mark.integration
def test_long_letters_number_every_page():
    reasons = ["申报材料中缺少近三年的财务审计报告，且未提供质量管理体系认证证书。"] * 40
    document = pdf.layout_official_letter(
        template=LETTER, context=_context(reason_paragraphs=reasons), title="不予受理通知书"
    )
    pages = _texts(document)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"— {number} —" in [t for t, _ in page]


@pytest.mark.integration
def test_rendering_fetches_nothing(monkeypatch):
    """An image or stylesheet URL in a letter is refused, never fetched."""
    import urllib.request

    calls = []
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", lambda *a, **k: calls.append(a))
    from weasyprint import HTML

    html = (
        '<link rel="stylesheet" href="https://example.cn/a.css">'
        '<p>外部图片</p><img src="http://127.0.0.1:9/x.png"><img src="file:///etc/passwd">'
    )
    HTML(string=html, base_url="about:blank", url_fetcher=pdf._offline_fetcher()).write_pdf()
    assert calls == []


@pytest.mark.integration
def test_stored_letter_is_a_stored_file(db):
    from tests.applications.makers import make_user

    from qaward.documents.models import StoredFile

    actor = make_user()
    data = pdf.render_official_letter(template=LETTER, context=_context(), title="不予受理通知书")
    stored = pdf.store_generated_pdf(
        data=data, name="不予受理通知书", slot="official_letter", program=None, owner=actor, actor=actor
    )
    stored = StoredFile.objects.get(pk=stored.pk)
    assert stored.original_name == "不予受理通知书.pdf"
    assert stored.content_type == "application/pdf"
    assert stored.size == len(data)
    assert stored.owner == actor
