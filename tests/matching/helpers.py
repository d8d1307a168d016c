"""Small random instances for the solver tests."""

from __future__ import annotations

import random
from datetime import date, timedelta

from qaward.matching import Application, Expert, Instance

CODES = ["C", "C26", "C261", "C2614", "C2619", "C27", "C2710", "F", "F51", "F5121", "I65", "I6510"]
WORDS = ["质量", "管理", "精益", "六西格玛", "标准化", "供应链", "数字化", "安全", "环保", "物流"]
REGIONS = ["", "220102", "220104", "220203", "110101"]
DAY0 = date(2025, 6, 2)


def _window(rng: random.Random, longest: int = 3) -> tuple[date, date]:
    start = DAY0 + timedelta(days=rng.randrange(10))
    return (start, start + timedelta(days=rng.randrange(longest)))


def random_instance(
    seed: int,
    n_apps: int,
    n_exps: int,
    *,
    conflict_rate: float = 0.15,
    n_locked: int = 0,
    loads: tuple[int, int] = (0, 3),
    min_load_rate: float = 0.3,
    panel: tuple[int, int] = (1, 3),
    employers: int = 4,
    inactive_rate: float = 0.1,
    dated_rate: float = 0.0,
) -> Instance:
    """``dated_rate``: share of applications with review dates and of experts with availability ranges."""
    rng = random.Random(seed)
    apps = [
        Application(
            f"A{i:02d}",
            tuple(rng.sample(CODES, rng.randint(0, 2))),
            tuple(rng.sample(WORDS, rng.randint(0, 3))),
            rng.randint(*panel),
            rng.random() < 0.5,
            rng.choice(REGIONS),
            _window(rng) if rng.random() < dated_rate else None,
        )
        for i in range(n_apps)
    ]
    exps = []
    for j in range(n_exps):
        hi = rng.randint(max(loads[0], 1), loads[1])
        exps.append(
            Expert(
                f"E{j:02d}",
                f"U{rng.randrange(employers)}" if employers else f"U{j}",
                tuple(rng.sample(CODES, rng.randint(1, 3))),
                tuple(rng.sample(WORDS, rng.randint(0, 3))),
                rng.random() < 0.4,
                rng.randint(loads[0], min(hi, 1)) if rng.random() < min_load_rate else 0,
                hi,
                rng.choice(REGIONS),
                rng.random() >= inactive_rate,
                tuple(_window(rng, 6) for _ in range(rng.randint(1, 2)))
                if rng.random() < dated_rate / 2
                else (),
                tuple(_window(rng) for _ in range(rng.randint(1, 2))) if rng.random() < dated_rate else (),
            )
        )
    conflicts = {(a.id, e.id) for a in apps for e in exps if rng.random() < conflict_rate}
    locked: set[tuple[str, str]] = set()
    per_exp: dict[str, int] = {}
    for a in rng.sample(apps, min(n_locked, n_apps)):
        ok = [
            e
            for e in exps
            if e.active
            and (a.id, e.id) not in conflicts
            and per_exp.get(e.id, 0) < e.max_load
            and available(a, e)
        ]
        if ok:
            e = rng.choice(ok)
            locked.add((a.id, e.id))
            per_exp[e.id] = per_exp.get(e.id, 0) + 1
    return Instance(tuple(apps), tuple(exps), frozenset(conflicts), frozenset(locked))


def available(a: Application, e: Expert) -> bool:
    """Independent day-by-day availability check (the solver's uses interval arithmetic)."""
    if a.review_dates is None:
        return True
    days = {
        a.review_dates[0] + timedelta(days=k) for k in range((a.review_dates[1] - a.review_dates[0]).days + 1)
    }

    def covered(ranges):
        return {r[0] + timedelta(days=k) for r in ranges for k in range((r[1] - r[0]).days + 1)}

    if days & covered(e.unavailable):
        return False
    return not e.available or days <= covered(e.available)


def allowed(inst: Instance, a: Application, e: Expert) -> bool:
    """The hard filters, written out independently of the solver."""
    return (a.id, e.id) in inst.locked or (
        e.active and (a.id, e.id) not in inst.conflicts and available(a, e)
    )
