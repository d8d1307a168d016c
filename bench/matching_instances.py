"""Synthetic assignment instances and the figures printed by the matching benchmark.

Run directly:  .venv/bin/python bench/matching_instances.py [--large] [--csv DIR]
(``QAWARD_BENCH_LARGE=1`` also enables the 10,000 × 5,000 case.)
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import gc
import os
import random
import resource
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

from qaward.matching import (
    Application,
    Expert,
    Instance,
    Parameters,
    build_candidates,
    solve_flow,
    solve_milp,
)
from qaward.matching.model import _SECTIONS

# keyword phrases built from two-character domain words, so that Han bigrams overlap as in real data
_STEMS = [
    "汽车",
    "零件",
    "钢铁",
    "化工",
    "医药",
    "食品",
    "纺织",
    "电子",
    "机械",
    "装备",
    "精益",
    "质量",
    "管理",
    "标准",
    "检测",
    "物流",
    "能源",
    "环保",
    "数字",
    "智能",
    "安全",
    "服务",
    "建筑",
    "材料",
    "农业",
    "冶金",
    "电力",
    "通信",
    "软件",
    "金融",
    "物业",
    "旅游",
    "卫生",
    "教育",
    "交通",
    "仓储",
    "包装",
    "模具",
    "仪器",
    "焊接",
]
WORDS = sorted({a + b for a in _STEMS for b in _STEMS if a != b})[::5]  # 312 phrases


def _random_code(rng: random.Random, depth: int) -> str:
    letter, lo, hi = rng.choices(_SECTIONS, weights=[3 if s[0] == "C" else 1 for s in _SECTIONS])[0]
    if depth == 1:
        return letter
    div = f"{rng.randint(lo, hi):02d}"
    return letter + div + "".join(str(rng.randint(0, 3 if k == 0 else 9)) for k in range(depth - 2))


def generate(
    n_apps: int,
    n_exps: int,
    *,
    seed: int = 0,
    panel: int = 3,
    loads: tuple[int, int] = (0, 5),
    conflict_rate: float = 0.01,
    lead_rate: float = 0.3,
    exact_rate: float = 0.5,
) -> Instance:
    """Applications with 1–2 mostly 4-digit codes; experts with 1–3 codes of any depth; 1% conflicts."""
    rng = random.Random(seed)
    pool = sorted({_random_code(rng, 4) for _ in range(400)})  # the industries present in this province
    cities = [f"22{c:02d}00" for c in range(1, 10)] + ["110100", "310100", ""]
    apps = tuple(
        Application(
            f"P{i:05d}",
            tuple(rng.choice(pool)[: rng.choice((4, 5, 5, 5))] for _ in range(rng.randint(1, 2))),
            tuple(rng.sample(WORDS, rng.randint(2, 5))),
            panel,
            rng.random() < exact_rate,
            rng.choice(cities),
        )
        for i in range(n_apps)
    )
    exps = tuple(
        Expert(
            f"R{j:05d}",
            f"U{rng.randrange(max(1, n_exps // 3)):05d}",
            tuple(rng.choice(pool)[: rng.choice((1, 3, 4, 5, 5))] for _ in range(rng.randint(1, 3))),
            tuple(rng.sample(WORDS, rng.randint(2, 6))),
            rng.random() < lead_rate,
            loads[0],
            loads[1],
            rng.choice(cities),
        )
        for j in range(n_exps)
    )
    n_conf = int(round(conflict_rate * n_apps * n_exps))
    conflicts = set()
    while len(conflicts) < n_conf:
        conflicts.add((apps[rng.randrange(n_apps)].id, exps[rng.randrange(n_exps)].id))
    return Instance(apps, exps, frozenset(conflicts))


def write_csvs(inst: Instance, params: Parameters, directory: Path) -> tuple[Path, Path]:
    """``paper,reviewer,score`` over the candidate edges and ``paper,reviewer,-1`` for conflicts."""
    directory.mkdir(parents=True, exist_ok=True)
    c = build_candidates(inst, params, params.flow_top_k)
    scores, conflicts = directory / "scores.csv", directory / "constraints.csv"
    with scores.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        for a, e, s in zip(c.app.tolist(), c.exp.tolist(), c.score.tolist(), strict=True):
            w.writerow((inst.applications[a].id, inst.experts[e].id, s / params.scale))
    with conflicts.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows((a, e, -1) for a, e in sorted(inst.conflicts))
    return scores, conflicts


TRACE = os.environ.get("QAWARD_BENCH_TRACEMALLOC") == "1"


def _rss_mib() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux: the process-wide peak so far
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(fn):
    """Wall time and memory: the peak resident set size sampled every 20 ms during the call (``peak_rss``)
    and, with QAWARD_BENCH_TRACEMALLOC=1, Python's own peak (tracemalloc slows HiGHS' wrapper ~2.5×)."""
    gc.collect()
    peak = [_rss_mib()]
    done = threading.Event()

    def sample():
        while not done.wait(0.02):
            peak[0] = max(peak[0], _rss_mib())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if TRACE:
        tracemalloc.start()
    t0 = time.perf_counter()
    out = fn()
    wall = time.perf_counter() - t0
    py_peak = tracemalloc.get_traced_memory()[1] / 2**20 if TRACE else float("nan")
    if TRACE:
        tracemalloc.stop()
    done.set()
    sampler.join()
    return out, wall, py_peak, max(peak[0], _rss_mib())


def run_case(name: str, inst: Instance, params: Parameters, *, small: bool = True) -> list[dict]:
    """Network model and side-constrained model on one instance. ``small``: also the flow on all edges and
    the LP relaxations by HiGHS on the same edges (too big at 10k × 5k, where the bounds come from the
    solvers: the flow is exact, the column generation reports its Lagrangian bound)."""
    rows = []

    def record(label, res, wall, peak, rss, lp_bound=None):
        gap_lp = None
        if lp_bound is not None and res.objective:
            gap_lp = (lp_bound - res.objective) / abs(res.objective)
        row = {
            "case": name, "model": label, "status": res.status, "objective": res.objective,
            "bound": res.bound, "gap": res.gap, "lp_bound": lp_bound, "gap_vs_lp": gap_lp,
            "unfilled": sum(u.seats for u in res.unfilled),
            "min_unmet": sum(i.code == "min_load_unmet" for i in res.issues),
            "no_leader": sum(i.code == "no_leader" for i in res.issues),
            "no_exact": sum(i.code == "no_exact_code" for i in res.issues),
            "edges": res.stats.get("edges", res.stats.get("edges_total")),
            "wall_s": wall, "time_limit": res.parameters["time_limit"], "solve_s": res.stats.get("solve_s"),
            "candidates_s": res.stats.get("candidates_s"), "tracemalloc_peak_mib": peak, "peak_rss_mib": rss,
        }  # fmt: skip
        rows.append(row)
        print(_fmt(row), flush=True)

    if small:
        res, wall, peak, rss = measure(lambda: solve_flow(inst, params))
        record("network (flow), all edges", res, wall, peak, rss)
    topk = dataclasses.replace(params, flow_top_k=params.top_k)
    flow, wall, peak, rss = measure(lambda: solve_flow(inst, topk))
    record(f"network (flow), top-{params.top_k}", flow, wall, peak, rss)
    if small:
        net_lp, lw, lpk, lrss = measure(lambda: solve_milp(inst, params, side_constraints=False, relax=True))
        record(f"network LP, top-{params.top_k}", net_lp, lw, lpk, lrss, net_lp.bound)
    res, wall, peak, rss = measure(lambda: solve_milp(inst, params))
    record(f"side constraints ({res.stats.get('method')}), top-{params.top_k}", res, wall, peak, rss)
    if small:  # the column generation too, on the instance the full MILP solves
        dec = dataclasses.replace(params, method="decomposed")
        cg, cw, cpk, crss = measure(lambda: solve_milp(inst, dec))
        record(f"side constraints (decomposed), top-{params.top_k}", cg, cw, cpk, crss)
        side_lp, lw, lpk, lrss = measure(lambda: solve_milp(inst, params, relax=True))
        record(f"side LP relaxation, top-{params.top_k}", side_lp, lw, lpk, lrss, side_lp.bound)
        print(f"{name}: flow vs network LP gap {(net_lp.bound - flow.objective) / abs(flow.objective):.2e}; "
              f"side vs side LP gap {(side_lp.bound - res.objective) / abs(res.objective):.2e}", flush=True)  # fmt: skip
    else:
        net = res.stats.get("network_bound")
        print(f"{name}: network bound {net}, Lagrangian bound {res.stats.get('lagrangian_bound')}, "
              f"column-generation rounds {len(res.stats.get('rounds', []))}, patterns {res.stats.get('columns')}",
              flush=True)  # fmt: skip
    print(f"{name}: side-constrained / network objective {res.objective / flow.objective:.4f}", flush=True)
    return rows


def _fmt(row: dict) -> str:
    def f(v, spec):
        return "-" if v is None else format(v, spec)

    return (
        f"{row['case']:<24} {row['model']:<34} {row['status']:<9} obj={f(row['objective'], '.3f')} "
        f"bound={f(row['bound'], '.3f')} gap={f(row['gap'], '.2e')} lp={f(row['lp_bound'], '.3f')} "
        f"gap_vs_lp={f(row['gap_vs_lp'], '.2e')} unfilled={row['unfilled']} min_unmet={row['min_unmet']} "
        f"no_leader={row['no_leader']} no_exact={row['no_exact']} edges={row['edges']} "
        f"wall={row['wall_s']:.2f}s (limit {row['time_limit']:.0f}s) scoring={f(row['candidates_s'], '.2f')}s "
        f"solve={f(row['solve_s'], '.2f')}s peak_rss={row['peak_rss_mib']:.0f}MiB"
        + (
            ""
            if row["tracemalloc_peak_mib"] != row["tracemalloc_peak_mib"]
            else f" peak_py={row['tracemalloc_peak_mib']:.0f}MiB"
        )
    )


CASES = {
    "1k×1k loads[0,5]": dict(n_apps=1000, n_exps=1000, loads=(0, 5), top_k=30),
    "1k×1k loads[1,5]": dict(n_apps=1000, n_exps=1000, loads=(1, 5), top_k=30),
}
LARGE = {"10k×5k loads[2,8]": dict(n_apps=10_000, n_exps=5_000, loads=(2, 8), top_k=100, time_limit=120.0)}


def cases(large: bool) -> dict[str, dict]:
    return {**CASES, **(LARGE if large else {})}


def is_small(spec: dict) -> bool:
    return spec["n_apps"] * spec["n_exps"] <= 2_000_000


def build(spec: dict, seed: int = 0) -> tuple[Instance, Parameters]:
    inst = generate(spec["n_apps"], spec["n_exps"], seed=seed, loads=spec["loads"])
    params = Parameters(top_k=spec["top_k"], time_limit=spec.get("time_limit", 300.0), seed=seed)
    return inst, params


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--large", action="store_true", default=os.environ.get("QAWARD_BENCH_LARGE") == "1")
    ap.add_argument("--csv", type=Path, default=None)
    ap.add_argument("--only", default=None, help="substring of a case name")
    args = ap.parse_args(argv)
    out = args.csv or Path(tempfile.mkdtemp(prefix="qaward-matching-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs", flush=True)
    for name, spec in cases(args.large).items():
        if args.only and args.only not in name:
            continue
        t0 = time.perf_counter()
        inst, params = build(spec)
        print(f"{name}: generated in {time.perf_counter() - t0:.1f}s", flush=True)
        s, c = write_csvs(inst, dataclasses.replace(params, flow_top_k=params.top_k), out / name.split()[0])
        print(f"{name}: CSVs {s} {c}", flush=True)
        run_case(name, inst, params, small=is_small(spec))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
