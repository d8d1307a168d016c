"""The regulation texts the rulebooks encode, split into articles so every citation can link to
the words it stands for. The texts are public government documents shipped with the package."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SOURCES_DIR = Path(__file__).parent / "sources"
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ARTICLE_START = re.compile(r"^[\s*　]*(第([〇零一二三四五六七八九十百]+)条)")
_CHAPTER = re.compile(r"^第[一二三四五六七八九十]+章\s*\S")
_MARKUP = re.compile(r"^(?:#+\s*|-\s+)|\*\*")
_ITEM_START = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
_CITE_ARTICLE = re.compile(r"第([〇零一二三四五六七八九十百]+)条")


def chinese_number(text: str) -> int:
    """Chinese numerals as used for article numbers (一 … 九十九, 一百 …)."""
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[ch]
    return total + current


@dataclass(frozen=True)
class Article:
    number: int
    heading: str
    text: str
    chapter: str = ""  # the 第X章 heading that opens before this article, if any

    @property
    def anchor(self) -> str:
        return f"art-{self.number}"


@dataclass(frozen=True)
class SourceText:
    preamble: str
    articles: tuple[Article, ...]


@cache
def source_text(rulebook_id: str) -> SourceText | None:
    path = SOURCES_DIR / f"{rulebook_id}.txt"
    if not path.is_file():
        return None
    preamble: list[str] = []
    articles: list[tuple[int, str, list[str], str]] = []
    chapter = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = _MARKUP.sub("", raw.strip()).strip(" 　")  # the converted texts carry some Markdown
        match = _ARTICLE_START.match(line)
        # Only the next number starts an article: a wrapped line may begin with a cross-reference.
        if match and chinese_number(match.group(2)) == len(articles) + 1:
            articles.append((len(articles) + 1, match.group(1), [line[match.end() :].strip(" *　")], chapter))
            chapter = ""
        elif _CHAPTER.match(line.replace(" ", "")) and len(line) < 30:
            chapter = re.sub(r"\s+", " ", line)
        elif articles:
            articles[-1][2].append(line.strip())
        else:
            preamble.append(line.strip())
    return SourceText(
        preamble="\n".join(p for p in preamble if p),
        articles=tuple(Article(n, h, _paragraphs(body), chapter) for n, h, body, chapter in articles),
    )


def _paragraphs(lines: list[str]) -> str:
    """Re-join lines a PDF conversion wrapped mid-sentence; keep items (（一）…) on their own lines."""
    out: list[str] = []
    for line in (x for x in lines if x):
        starts_item = bool(_ITEM_START.match(line)) or line.startswith("抄送")
        if out and not starts_item and out[-1][-1] not in "；。：:;":
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def article_anchors(cite: str | None) -> list[tuple[str, str]]:
    """(label, anchor) for each article a citation names: 第三十七条(四)、第四十条 → art-37, art-40."""
    if not cite:
        return []
    return [
        (part, f"art-{chinese_number(m.group(1))}")
        for part in cite.split("、")
        if (m := _CITE_ARTICLE.search(part))
    ]
