"""``qaward rulebook diff``: the topics on which two rulebooks differ, side by side with articles."""

from __future__ import annotations

import unicodedata

from .schema import Rulebook
from .summary import Pair, Topic, compare


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, width: int) -> list[str]:
    lines, line, used = [], "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width:
            lines.append(line)
            line, used = "", 0
        line, used = line + ch, used + w
    return [*lines, line] if line or not lines else lines


def _cell(topic: Topic | None) -> str:
    if topic is None:
        return "（未规定）"
    parts = []
    for s in topic.statements:
        source = "评委办确定" if s.discretion and not s.cite else (s.cite or "")
        if s.discretion and s.cite:
            source += "，值由评委办确定"
        parts.append(f"{s.text}〔{source}〕" if source else s.text)
    return "；".join(parts)


def differing(left: Rulebook, right: Rulebook) -> list[Pair]:
    return [p for p in compare(left, right) if p.differs]


def render_table(left: Rulebook, right: Rulebook, pairs: list[Pair], width: int = 46) -> str:
    """A plain-text table that keeps its columns with Chinese (double-width) characters."""
    name_w = 24

    def pad(text: str, w: int) -> str:
        return text + " " * (w - _width(text))

    head = (left.id + " " + (left.doc_no or "草案"), right.id + " " + (right.doc_no or "草案"))
    out = [f"{pad('规则', name_w)} │ {pad(head[0], width)} │ {head[1]}", "─" * (name_w + 2 * width + 6)]
    for pair in pairs:
        name = _wrap(f"{pair.section}·{pair.title}", name_w)
        a, b = _wrap(_cell(pair.left), width), _wrap(_cell(pair.right), width)
        for i in range(max(len(name), len(a), len(b))):
            row = [x[i] if i < len(x) else "" for x in (name, a, b)]
            out.append(f"{pad(row[0], name_w)} │ {pad(row[1], width)} │ {row[2]}")
        out.append("")
    out.append(f"共 {len(pairs)} 处不同")
    return "\n".join(out)
