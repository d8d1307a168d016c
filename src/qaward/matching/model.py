"""Input and output records of the assignment solver (pure Python, no Django)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

# GB/T 4754-2017: 门类 (section letter) by 大类 (2-digit division) range.
_SECTIONS = (
    ("A", 1, 5), ("B", 6, 12), ("C", 13, 43), ("D", 44, 46), ("E", 47, 50), ("F", 51, 52),
    ("G", 53, 60), ("H", 61, 62), ("I", 63, 65), ("J", 66, 69), ("K", 70, 70), ("L", 71, 72),
    ("M", 73, 75), ("N", 76, 79), ("O", 80, 82), ("P", 83, 83), ("Q", 84, 85), ("R", 86, 90),
    ("S", 91, 96), ("T", 97, 97),
)  # fmt: skip
_CODE = re.compile(r"^([A-T])?(\d{2,4})?$")


class MatchingInputError(ValueError):
    """Invalid input; ``messages`` are actionable Chinese sentences for the award office."""

    def __init__(self, messages: list[str]):
        super().__init__("；".join(messages))
        self.messages = messages


def section_of(division: int) -> str | None:
    for letter, lo, hi in _SECTIONS:
        if lo <= division <= hi:
            return letter
    return None


def normalise_code(code: str) -> str:
    """Return a GB/T 4754 code as section letter + 0, 2, 3 or 4 digits: "c 2614" → "C2614", "26" → "C26".

    Raises ``ValueError`` for anything that is not a section letter and/or a 2–4 digit code, or whose
    letter contradicts the division.
    """
    text = re.sub(r"[\s.\-]", "", str(code)).upper()
    m = _CODE.match(text)
    if not text or not m:
        raise ValueError(f"行业代码「{code}」不是 GB/T 4754 格式（门类字母或 2–4 位数字，如 C、C26、C2614）")
    letter, digits = m.group(1), m.group(2) or ""
    if digits:
        expected = section_of(int(digits[:2]))
        if expected is None:
            raise ValueError(f"行业代码「{code}」的大类 {digits[:2]} 不存在")
        if letter and letter != expected:
            raise ValueError(f"行业代码「{code}」的门类应为 {expected}")
        letter = expected
    return letter + digits


def code_prefixes(code: str) -> list[str]:
    """Hierarchy tokens of a normalised code, from section to its own depth: C2614 → C, C26, C261, C2614."""
    return [code[:1]] + [code[: n + 1] for n in range(2, len(code))]


def code_depth(code: str) -> int:
    """1 = section, 2 = division (2 digits), 3 = group, 4 = class (4 digits)."""
    return len(code_prefixes(code))


DateRange = tuple[date, date]  # inclusive: (first day, last day)


def date_range(value) -> DateRange:
    """A (first, last) inclusive date range from dates or ISO strings; raises ``ValueError`` if reversed."""
    try:
        start, end = value
    except (TypeError, ValueError):
        raise ValueError(f"日期范围「{value}」应为（开始日期, 结束日期）") from None
    start, end = (d if isinstance(d, date) else date.fromisoformat(str(d)) for d in (start, end))
    if end < start:
        raise ValueError(f"日期范围 {start.isoformat()} 至 {end.isoformat()} 的结束日期早于开始日期")
    return (start, end)


def format_range(r: DateRange) -> str:
    return r[0].isoformat() if r[0] == r[1] else f"{r[0].isoformat()} 至 {r[1].isoformat()}"


def _ranges(values) -> tuple[DateRange, ...]:
    return tuple(sorted({date_range(v) for v in values}))


@dataclass(frozen=True)
class Application:
    id: str
    industry_codes: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    panel_size: int = 3
    require_exact_code: bool = False
    region: str = ""  # 6-digit 行政区划代码 of the applicant; "" when unknown
    review_dates: DateRange | None = None  # the review stage's dates (e.g. the on-site visit), inclusive

    def __post_init__(self):
        object.__setattr__(self, "id", str(self.id))
        object.__setattr__(self, "industry_codes", tuple(normalise_code(c) for c in self.industry_codes))
        object.__setattr__(
            self, "keywords", tuple(dict.fromkeys(str(k).strip() for k in self.keywords if str(k).strip()))
        )
        if self.review_dates is not None:
            object.__setattr__(self, "review_dates", date_range(self.review_dates))


@dataclass(frozen=True)
class Expert:
    id: str
    employer_id: str = ""
    industry_codes: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    may_lead: bool = False
    min_load: int = 0
    max_load: int = 5
    region: str = ""
    active: bool = True
    # Availability (inclusive date ranges). Empty ``available`` means "any day not listed as unavailable";
    # otherwise the review dates must lie inside the union of the available ranges.
    available: tuple[DateRange, ...] = ()
    unavailable: tuple[DateRange, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "id", str(self.id))
        object.__setattr__(self, "employer_id", str(self.employer_id or ""))
        object.__setattr__(self, "industry_codes", tuple(normalise_code(c) for c in self.industry_codes))
        object.__setattr__(
            self, "keywords", tuple(dict.fromkeys(str(k).strip() for k in self.keywords if str(k).strip()))
        )
        object.__setattr__(self, "available", _ranges(self.available))
        object.__setattr__(self, "unavailable", _ranges(self.unavailable))


@dataclass(frozen=True)
class Parameters:
    """Solver parameters; every field is recorded with the result."""

    load_penalty: float = 0.02  # convex load-balance penalty: load_penalty × load² per expert
    industry_weight: float = 1.0
    keyword_weight: float = 1.0
    depth_scores: tuple[float, float, float, float] = (0.25, 0.5, 0.75, 1.0)  # section, 2, 3, 4 digits
    penalty_same_province: float = 0.05  # same province, different city
    penalty_same_city: float = 0.10
    scale: int = 1000  # affinities are rounded to 1/scale before solving
    top_k: int | None = 30  # candidates per application in the MILP (None = all)
    flow_top_k: int | None = None  # candidates per application in the flow model (None = all)
    expert_top_k: int = (
        5  # with top-k: also keep each min-load expert's best max(this, min_load) applications
    )
    time_limit: float = 60.0  # seconds for the whole solve_milp call (scoring and result included)
    mip_rel_gap: float = 1e-4
    method: str = "auto"  # MILP: "full", "decomposed" or "auto" (full up to full_milp_max_edges edges)
    full_milp_max_edges: int = 100_000
    repair_top_k: int = 6  # unused since the column generation (kept: recorded parameters still load)
    seed: int = 0  # recorded; the solvers use no randomness (ties are broken by sorted ids)


@dataclass(frozen=True)
class Instance:
    applications: tuple[Application, ...]
    experts: tuple[Expert, ...]
    conflicts: frozenset[tuple[str, str]] = frozenset()  # (application id, expert id)
    locked: frozenset[tuple[str, str]] = frozenset()  # pairs kept on re-runs
    locked_leaders: frozenset[tuple[str, str]] = frozenset()  # leader pairs kept (MILP mode)

    def __post_init__(self):
        object.__setattr__(self, "applications", tuple(sorted(self.applications, key=lambda a: a.id)))
        object.__setattr__(self, "experts", tuple(sorted(self.experts, key=lambda e: e.id)))
        for name in ("conflicts", "locked", "locked_leaders"):
            object.__setattr__(self, name, frozenset((str(a), str(e)) for a, e in getattr(self, name)))

    def canonical(self, params: Parameters) -> dict[str, Any]:
        """Order-independent JSON-ready view of the inputs (entities sorted by id, pairs sorted)."""

        def rec(obj) -> dict[str, Any]:  # shallow: every field is a str, number, bool or tuple of str
            return {f.name: getattr(obj, f.name) for f in fields(obj)}

        return {
            "applications": [rec(a) for a in self.applications],
            "experts": [rec(e) for e in self.experts],
            "conflicts": sorted(self.conflicts),
            "locked": sorted(self.locked),
            "locked_leaders": sorted(self.locked_leaders),
            "parameters": asdict(params),
        }

    def input_hash(self, params: Parameters) -> str:
        text = json.dumps(
            self.canonical(params),
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
            default=_json_value,
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _json_value(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")


@dataclass(frozen=True)
class Issue:
    """A pre-check finding. ``level`` is "error" (input must be fixed) or "warning" (seats will stay unfilled)."""

    code: str
    level: str
    message: str
    subject: str = ""


@dataclass(frozen=True)
class Pair:
    application_id: str
    expert_id: str
    locked: bool
    leader: bool
    components: dict[str, Any]


@dataclass(frozen=True)
class Unfilled:
    application_id: str
    seats: int
    reason: str


@dataclass
class Result:
    solver: str
    status: str  # optimal / feasible (time limit) / infeasible / not_solved
    assignments: dict[str, tuple[str, ...]]
    leaders: dict[str, str | None]
    pairs: list[Pair]
    unfilled: list[Unfilled]
    issues: list[Issue]
    objective: float  # Σ affinity − load_penalty · Σ load² over the assignment (unscaled)
    affinity_total: float
    penalty_total: float
    bound: float | None  # best proven upper bound on the objective (maximisation)
    gap: float | None
    parameters: dict[str, Any]
    input_hash: str
    stats: dict[str, Any] = field(default_factory=dict)

    def loads(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for experts in self.assignments.values():
            for e in experts:
                out[e] = out.get(e, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready record for the audit log."""
        d = asdict(self)
        d["assignments"] = {k: list(v) for k, v in self.assignments.items()}
        return d
