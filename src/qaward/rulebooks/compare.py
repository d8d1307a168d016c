"""Compare two rulebooks rule by rule: the differing values, each with its article."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from .schema import Rulebook

# Fields that describe the document rather than a rule; kept out of the comparison.
_SKIP = {
    "id",
    "version",
    "source_file",
    "supersedes",
    "issued",
    "note",
    "discretionary",
    "cite",
    "office_discretion",
}


@dataclass(frozen=True)
class Cell:
    value: Any
    cite: str | None
    office_discretion: bool

    def text(self) -> str:
        if self.value is None:
            return "—"
        if isinstance(self.value, bool):
            return "是" if self.value else "否"
        if isinstance(self.value, list | tuple):
            return "、".join(str(v) for v in self.value) or "（无）"
        return str(self.value)

    def source(self) -> str:
        if self.office_discretion:
            return "评委办确定"
        return self.cite or ""


@dataclass(frozen=True)
class Row:
    path: str
    left: Cell | None
    right: Cell | None


def _key(item: dict[str, Any], index: int) -> str:
    for name in ("id", "stage"):
        if name in item:
            return str(item[name])
    if "kinds" in item and "tiers" in item:
        return f"{'+'.join(item['kinds'])}/{'+'.join(item['tiers'])}"
    if "tier" in item and "kind" in item:
        return f"{item['tier']}/{item['kind']}"
    if "kind" in item:
        return f"{item['kind']}/{item.get('track') or ''}".rstrip("/")
    if "by" in item:
        return str(item["by"])
    return str(index)


def flatten(node: Any, path: str = "", cite: str | None = None, disc: bool = False) -> dict[str, Cell]:
    """Leaf path → value with the nearest enclosing citation."""
    out: dict[str, Cell] = {}
    if isinstance(node, dict):
        cite = node.get("cite") or cite
        disc = bool(node.get("office_discretion")) or disc
        discretionary = set(node.get("discretionary") or ())
        for key, value in node.items():
            if key in _SKIP:
                continue
            sub = f"{path}.{key}" if path else str(key)
            out.update(flatten(value, sub, cite, disc or key in discretionary))
        return out
    if isinstance(node, list | tuple) and node and all(isinstance(i, dict) for i in node):
        for index, item in enumerate(node):
            out.update(flatten(item, f"{path}[{_key(item, index)}]", cite, disc))
        return out
    out[path] = Cell(node, cite, disc)
    return out


def diff(left: Rulebook, right: Rulebook) -> list[Row]:
    a = flatten(left.model_dump(mode="json"))
    b = flatten(right.model_dump(mode="json"))
    rows = []
    for path in sorted(set(a) | set(b), key=_order(a, b)):
        ca, cb = a.get(path), b.get(path)
        if ca is None or cb is None or ca.value != cb.value:
            rows.append(Row(path, ca, cb))
    return rows


def _order(a: dict[str, Cell], b: dict[str, Cell]):
    positions = {p: i for i, p in enumerate(list(a) + [p for p in b if p not in a])}
    return lambda path: positions[path]


def side_by_side(left: Rulebook, right: Rulebook) -> list[Row]:
    """Every rule of either rulebook, aligned, for the staff comparison page."""
    a = flatten(left.model_dump(mode="json"))
    b = flatten(right.model_dump(mode="json"))
    return [Row(path, a.get(path), b.get(path)) for path in sorted(set(a) | set(b), key=_order(a, b))]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1 and len(text) > len(out) + 1:
            return out + "…" + " " * (width - used - 1)
        out, used = out + ch, used + w
    return out + " " * (width - used)


def render_table(left: Rulebook, right: Rulebook, rows: list[Row], width: int = 44) -> str:
    def cell(c: Cell | None) -> str:
        if c is None:
            return "（未规定）"
        return f"{c.text()} 〔{c.source()}〕" if c.source() else c.text()

    header = f"{_fit('规则', 36)} │ {_fit(left.id + ' ' + (left.doc_no or '草案'), width)} │ {right.id} {right.doc_no or '草案'}"
    lines = [header, "─" * _width(header)]
    for row in rows:
        lines.append(f"{_fit(row.path, 36)} │ {_fit(cell(row.left), width)} │ {cell(row.right)}")
    lines.append(f"共 {len(rows)} 处不同")
    return "\n".join(lines)
