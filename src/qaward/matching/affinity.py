"""Affinity of (application, expert) pairs: a scalar explainable version and a vectorised one.

Both compute, in the same floating-point order,
``industry_weight · depth_score + keyword_weight · jaccard − region_penalty`` and round it to an
integer number of 1/scale units, so the solver and the explanation always agree.

Keywords (phrases or free text, Chinese or not) are compared as sets of terms: Han character bigrams
and Latin/digit words (see ``text.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from .availability import AvailabilityMatrix
from .model import Application, Expert, Instance, Parameters, code_depth, code_prefixes
from .text import keyword_similarity, keyword_terms


def _province_city(region: str) -> tuple[str, str]:
    r = "".join(ch for ch in str(region or "") if ch.isdigit())
    return (r[:2] if len(r) >= 2 else "", r[:4] if len(r) >= 4 else "")


def region_penalty(app_region: str, exp_region: str, params: Parameters) -> tuple[float, str]:
    ap, ac = _province_city(app_region)
    ep, ec = _province_city(exp_region)
    if not ap or ap != ep:
        return 0.0, ""
    if ac and ac == ec:
        return params.penalty_same_city, "same_city"
    return params.penalty_same_province, "same_province"


def pair_affinity(app: Application, exp: Expert, params: Parameters) -> dict[str, Any]:
    """Explainable affinity components of one pair (what the audit log stores)."""
    depth, match = 0, None
    for a in sorted(app.industry_codes):
        pa = code_prefixes(a)
        for e in sorted(exp.industry_codes):
            pe = code_prefixes(e)
            d = 0
            while d < min(len(pa), len(pe)) and pa[d] == pe[d]:
                d += 1
            if d > depth:
                depth, match = d, [a, e]
    industry = 0.0 if depth == 0 else params.depth_scores[depth - 1]
    jaccard, shared_terms = keyword_similarity(app.keywords, exp.keywords)
    penalty, why = region_penalty(app.region, exp.region, params)
    total = params.industry_weight * industry + params.keyword_weight * jaccard - penalty
    app_depth = max((code_depth(c) for c in app.industry_codes), default=0)
    return {
        "industry": industry,
        "industry_depth": depth,
        "industry_match": match,
        "exact_code": app_depth > 0 and depth >= app_depth,
        "keyword": jaccard,
        "keywords_shared": sorted(set(app.keywords) & set(exp.keywords)),  # whole keywords in common
        "keyword_terms_shared": shared_terms,  # the terms the similarity counts
        "region_penalty": penalty,
        "region_reason": why,
        "total": total,
        "score": int(round(total * params.scale)),
    }


@dataclass
class Candidates:
    """Candidate edges sorted by (application index, expert index)."""

    app: np.ndarray  # int64 application index (into Instance.applications)
    exp: np.ndarray  # int64 expert index
    score: np.ndarray  # int64 affinity in 1/scale units
    exact: np.ndarray  # bool: matches the application's deepest code
    locked: np.ndarray  # bool
    n_feasible: np.ndarray  # per application: experts left after hard filters (locked included)
    n_conflicts: np.ndarray  # per application: active experts removed by conflicts
    exp_feasible: np.ndarray  # per expert: applications it may review
    n_unavailable: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # per application: active, unconflicted experts removed because they are unavailable on its dates


def _incidence(token_lists: list[list[str]], vocab: dict[str, int]) -> sp.csr_matrix:
    rows, cols = [], []
    for i, toks in enumerate(token_lists):
        for t in set(toks):
            j = vocab.get(t)
            if j is not None:
                rows.append(i)
                cols.append(j)
    data = np.ones(len(rows), dtype=np.float64)
    return sp.csr_matrix((data, (rows, cols)), shape=(len(token_lists), max(len(vocab), 1)))


def _region_ints(regions: list[str]) -> tuple[np.ndarray, np.ndarray]:
    prov, city = [], []
    for r in regions:
        p, c = _province_city(r)
        prov.append(int(p) if p else -1)
        city.append(int(c) if c else -1)
    return np.array(prov, dtype=np.int64), np.array(city, dtype=np.int64)


def _compact(key: np.ndarray) -> np.ndarray:
    """int32 keys when they fit: numpy partitions them about three times faster than int64."""
    return key.astype(np.int32) if key.max(initial=0) < np.iinfo(np.int32).max else key


def build_candidates(inst: Instance, params: Parameters, top_k: int | None, block: int = 256) -> Candidates:
    """Score all pairs block by block (sparse products, dense blocks) and keep the top-k feasible per app.

    Ties are broken by expert order (sorted ids), never by chance. Locked pairs are always kept, and so
    are the best ``max(expert_top_k, min_load)`` applications of every expert with a minimum load, so
    that min loads stay reachable when the lists are cut.
    """
    apps, exps = inst.applications, inst.experts
    n_a, n_e = len(apps), len(exps)
    a_index = {a.id: i for i, a in enumerate(apps)}
    e_index = {e.id: j for j, e in enumerate(exps)}

    depth_mats = []
    e_pre = [[code_prefixes(c) for c in e.industry_codes] for e in exps]
    a_pre = [[code_prefixes(c) for c in a.industry_codes] for a in apps]
    for d in range(1, 5):
        e_tok = [[p[d - 1] for p in pre if len(p) >= d] for pre in e_pre]
        a_tok = [[p[d - 1] for p in pre if len(p) >= d] for pre in a_pre]
        vocab = {t: k for k, t in enumerate(sorted({t for toks in e_tok for t in toks}))}
        depth_mats.append((_incidence(a_tok, vocab), _incidence(e_tok, vocab).T.tocsc()))
    a_terms = [sorted(keyword_terms(a.keywords)) for a in apps]
    e_terms = [sorted(keyword_terms(e.keywords)) for e in exps]
    kw_vocab = {t: k for k, t in enumerate(sorted({t for terms in e_terms for t in terms}))}
    ka = _incidence(a_terms, kw_vocab)
    ke = _incidence(e_terms, kw_vocab).T.tocsc()
    na = np.array([len(t) for t in a_terms], dtype=np.float64)
    ne = np.array([len(t) for t in e_terms], dtype=np.float64)
    availability = AvailabilityMatrix(inst)
    app_depth = np.array([max((code_depth(c) for c in a.industry_codes), default=0) for a in apps])
    depth_score = np.array((0.0, *params.depth_scores), dtype=np.float64)
    pa, ca = _region_ints([a.region for a in apps])
    pe, ce = _region_ints([e.region for e in exps])
    active = np.array([e.active for e in exps], dtype=bool)

    conf = [(a_index[a], e_index[e]) for a, e in inst.conflicts if a in a_index and e in e_index]
    conf_m = sp.csr_matrix(
        (np.ones(len(conf), dtype=bool), ([c[0] for c in conf], [c[1] for c in conf])), shape=(n_a, n_e)
    )
    locked = [(a_index[a], e_index[e]) for a, e in inst.locked if a in a_index and e in e_index]
    lock_m = sp.csr_matrix(
        (np.ones(len(locked), dtype=bool), ([c[0] for c in locked], [c[1] for c in locked])), shape=(n_a, n_e)
    )
    offset = int(round(params.scale * max(params.penalty_same_city, params.penalty_same_province, 0))) + 1
    j_all = np.arange(n_e, dtype=np.int64)

    out_a, out_e, out_s, out_x, out_l = [], [], [], [], []
    min_e = np.array([e.min_load if e.active else 0 for e in exps], dtype=np.int64)
    kk = int(max(params.expert_top_k, min_e.max(initial=0))) if top_k is not None and min_e.any() else 0
    best: dict[str, list[np.ndarray]] = {n: [] for n in ("key", "app", "score", "exact")}  # per block top kk
    n_feasible = np.zeros(n_a, dtype=np.int64)
    n_conflicts = np.zeros(n_a, dtype=np.int64)
    n_unavailable = np.zeros(n_a, dtype=np.int64)
    exp_feasible = np.zeros(n_e, dtype=np.int64)
    for r0 in range(0, n_a, block):
        r1 = min(n_a, r0 + block)
        depth = np.zeros((r1 - r0, n_e), dtype=np.int8)
        for d, (am, emt) in enumerate(depth_mats, start=1):
            depth[(am[r0:r1] @ emt).toarray() > 0] = d
        industry = depth_score[depth]
        inter = (ka[r0:r1] @ ke).toarray()
        union = na[r0:r1, None] + ne[None, :] - inter
        with np.errstate(invalid="ignore", divide="ignore"):
            jaccard = np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)
        same_prov = (pa[r0:r1, None] == pe[None, :]) & (pa[r0:r1, None] >= 0)
        same_city = same_prov & (ca[r0:r1, None] == ce[None, :]) & (ca[r0:r1, None] >= 0)
        penalty = np.where(
            same_city, params.penalty_same_city, np.where(same_prov, params.penalty_same_province, 0.0)
        )
        total = params.industry_weight * industry + params.keyword_weight * jaccard - penalty
        score = np.rint(total * params.scale).astype(np.int64)
        conflicted = conf_m[r0:r1].toarray()
        is_locked = lock_m[r0:r1].toarray()
        allowed = active[None, :] & ~conflicted
        available = availability.block(apps, r0, r1)
        n_unavailable[r0:r1] = (allowed & ~available).sum(axis=1)
        feasible = (allowed & available) | is_locked
        n_feasible[r0:r1] = feasible.sum(axis=1)
        n_conflicts[r0:r1] = (active[None, :] & conflicted).sum(axis=1)
        exp_feasible += feasible.sum(axis=0)
        key = _compact(np.where(feasible, (score + offset) * n_e + (n_e - 1 - j_all)[None, :], -1))
        key = np.where(is_locked, np.iinfo(key.dtype).max, key)  # locked pairs always kept
        if top_k is not None and top_k < n_e:
            idx = np.argpartition(-key, top_k - 1, axis=1)[:, :top_k]
            keep = np.zeros_like(feasible)
            np.put_along_axis(keep, idx, True, axis=1)
            keep &= feasible
            keep |= is_locked
        else:
            keep = feasible
        if kk:  # each expert's best kk applications of this block (keys are unique: they hold the index)
            exact_b = (app_depth[r0:r1, None] > 0) & (depth >= app_depth[r0:r1, None])
            k_app = _compact(
                np.where(feasible, (score + offset) * n_a + (n_a - 1 - np.arange(r0, r1))[:, None], -1)
            )
            if r1 - r0 > kk:  # partition along contiguous rows: an expert's column, transposed
                part = np.argpartition(-np.ascontiguousarray(k_app.T), kk - 1, axis=1)[:, :kk].T
            else:
                part = np.broadcast_to(np.arange(r1 - r0)[:, None], (r1 - r0, n_e))
            cols = j_all[None, :]
            best["key"].append(k_app[part, cols].astype(np.int64))
            best["app"].append(part + r0)
            best["score"].append(score[part, cols])
            best["exact"].append(exact_b[part, cols])
        rows, cols = np.nonzero(keep)  # row-major: sorted by (app, expert)
        out_a.append(rows + r0)
        out_e.append(cols)
        out_s.append(score[rows, cols])
        out_x.append((app_depth[r0:r1][rows] > 0) & (depth[rows, cols] >= app_depth[r0:r1][rows]))
        out_l.append(is_locked[rows, cols])

    if kk:
        best = {n: np.vstack(v) for n, v in best.items()}
        want = np.minimum(np.maximum(min_e, params.expert_top_k), kk)
        order = np.argsort(-best["key"], axis=0, kind="stable")
        rank = np.empty_like(order)
        np.put_along_axis(rank, order, np.arange(len(order))[:, None], axis=0)
        sel = (rank < want[None, :]) & (best["key"] >= 0) & (min_e[None, :] > 0)
        t, j = np.nonzero(sel)
        out_a.append(best["app"][t, j])
        out_e.append(j)
        out_s.append(best["score"][t, j])
        out_x.append(best["exact"][t, j].astype(bool))
        out_l.append(np.zeros(len(j), dtype=bool))

    def cat(parts, dtype):
        return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)

    ea, ee = cat(out_a, np.int64), cat(out_e, np.int64)
    _, first = np.unique(ea * max(n_e, 1) + ee, return_index=True)  # sorted by (app, expert), duplicates gone
    return Candidates(
        app=ea[first],
        exp=ee[first],
        score=cat(out_s, np.int64)[first],
        exact=cat(out_x, bool)[first],
        locked=cat(out_l, bool)[first],
        n_feasible=n_feasible,
        n_conflicts=n_conflicts,
        exp_feasible=exp_feasible,
        n_unavailable=n_unavailable,
    )
