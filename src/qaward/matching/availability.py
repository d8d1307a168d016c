"""Hard filters of a pair (application, expert) and their Chinese explanations."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from .model import Application, DateRange, Expert, Instance, format_range


def _covered(window: DateRange, ranges: tuple[DateRange, ...]) -> bool:
    """Whether the union of ``ranges`` (sorted) covers every day of ``window``."""
    day = window[0]
    for start, end in ranges:
        if start > day:
            break
        if end >= day:
            day = end + timedelta(days=1)
            if day > window[1]:
                return True
    return day > window[1]


def unavailable_reason(app: Application, exp: Expert) -> str | None:
    """Why the expert cannot review on the application's review dates, or None when available."""
    window = app.review_dates
    if window is None:
        return None
    for start, end in exp.unavailable:
        if start <= window[1] and end >= window[0]:
            return (
                f"专家「{exp.id}」{format_range((start, end))}不可用，"
                f"与申报「{app.id}」的评审日期（{format_range(window)}）重叠"
            )
    if exp.available and not _covered(window, exp.available):
        spans = "、".join(format_range(r) for r in exp.available)
        return f"专家「{exp.id}」的可评审时段（{spans}）未覆盖申报「{app.id}」的评审日期（{format_range(window)}）"
    return None


def exclusion_reasons(inst: Instance, application_id: str, expert_id: str) -> list[str]:
    """Every hard filter that keeps this expert off this application (empty: the pair is allowed).

    Locked pairs are not exempt here: this is what staff see before locking a pair by hand.
    """
    app = next(a for a in inst.applications if a.id == str(application_id))
    exp = next(e for e in inst.experts if e.id == str(expert_id))
    out = []
    if (app.id, exp.id) in inst.conflicts:
        out.append(f"专家「{exp.id}」与申报「{app.id}」存在回避关系")
    if not exp.active:
        out.append(f"专家「{exp.id}」已停用或取消资格")
    why = unavailable_reason(app, exp)
    if why:
        out.append(why)
    return out


class AvailabilityMatrix:
    """Availability of every expert for each distinct review window, computed once per window."""

    def __init__(self, inst: Instance):
        self.inst = inst
        self.restricted = [j for j, e in enumerate(inst.experts) if e.available or e.unavailable]
        self._cache: dict[DateRange, np.ndarray] = {}

    def row(self, app: Application) -> np.ndarray | None:
        """Bool vector over experts, or None when everyone is available (no dates or no restriction)."""
        if app.review_dates is None or not self.restricted:
            return None
        got = self._cache.get(app.review_dates)
        if got is None:
            got = np.ones(len(self.inst.experts), dtype=bool)
            for j in self.restricted:
                got[j] = unavailable_reason(app, self.inst.experts[j]) is None
            self._cache[app.review_dates] = got
        return got

    def block(self, apps: tuple[Application, ...], r0: int, r1: int) -> np.ndarray:
        out = np.ones((r1 - r0, len(self.inst.experts)), dtype=bool)
        for i in range(r0, r1):
            row = self.row(apps[i])
            if row is not None:
                out[i - r0] = row
        return out
