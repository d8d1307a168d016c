"""A quick feasible assignment from the min-cost flow (the column generation's first incumbent) or from
a rounded master LP (each panel's likeliest pattern; overloaded experts lose their weakest panels first).

The flow fills every seat it can within the loads but ignores the panel rules. Panel by panel (in
application order, so the result is deterministic), members from the same employer are dropped
(the lower score goes), then each unmet rule — leader, exact-code member — is met by swapping in the
best candidate that obeys it, has spare capacity and keeps the employer rule and the rules already
met; the member swapped out is the weakest one whose expert stays at or above its minimum load, if
there is one. Empty seats are filled the same way. What cannot be repaired stays penalised, and the
result reports it.
"""

from __future__ import annotations

import numpy as np

from .pricing import PanelData


def repair(pd: PanelData, flow_chosen: np.ndarray, max_e: np.ndarray, min_e: np.ndarray) -> np.ndarray:
    """Edge indices of a penalised-feasible assignment (loads within limits, every panel obeys the
    employer rule) from the flow's — or a rounded LP's, whose loads may be too high — edges."""
    c = pd.cands
    chosen = np.zeros(len(c.app), dtype=bool)
    chosen[flow_chosen] = True
    load = np.bincount(c.exp[flow_chosen], minlength=len(max_e)).astype(np.int64)
    for e in np.nonzero(load > max_e)[0].tolist():  # overloaded (a rounded LP): drop the weakest unlocked
        mine = [k for k in np.nonzero(chosen & (c.exp == e))[0].tolist() if not c.locked[k]]
        for k in sorted(mine, key=lambda k: (c.score[k], -k))[: load[e] - max_e[e]]:
            chosen[k] = False
            load[e] -= 1
    score, emp, lead, exact, exp = c.score, pd.emp, pd.lead, c.exact, c.exp
    for a in range(pd.n_a):
        lo, hi = int(pd.starts[a]), int(pd.starts[a + 1])
        members = [lo + k for k in np.nonzero(chosen[lo:hi])[0].tolist()]
        employers: set[int] = set()
        for k in sorted(members, key=lambda k: (not c.locked[k], -score[k], exp[k])):  # locked ones stay
            if emp[k] in employers:
                chosen[k] = False
                load[exp[k]] -= 1
                members.remove(k)
            employers.add(int(emp[k]))
        rules = []
        if pd.need_lead[a]:
            rules.append(lead)
        if pd.need_exact[a]:
            rules.append(exact)
        wanted = [r for r in rules if not any(r[k] for k in members)]
        if not wanted and len(members) >= pd.panel[a]:
            continue
        pool = sorted(range(lo, hi), key=lambda k: (-score[k], exp[k]))
        for rule in wanted + [None] * int(pd.panel[a] - len(members)):
            if rule is None and len(members) >= pd.panel[a]:
                break
            for k in pool:
                if chosen[k] or load[exp[k]] >= max_e[exp[k]] or (rule is not None and not rule[k]):
                    continue
                out = _victim(
                    members, k, int(pd.panel[a]), rules, rule, emp, c.locked, load, min_e, exp, score
                )
                if out is False:
                    continue
                if out is not None:
                    chosen[out] = False
                    load[exp[out]] -= 1
                    members.remove(out)
                chosen[k] = True
                load[exp[k]] += 1
                members.append(k)
                break
    _raise_min_loads(pd, chosen, load, min_e)
    return np.nonzero(chosen)[0]


def _raise_min_loads(pd: PanelData, chosen: np.ndarray, load: np.ndarray, min_e: np.ndarray) -> None:
    """Experts below their minimum load take a seat (their best first) from a member above theirs."""
    c = pd.cands
    by_exp = np.argsort(c.exp, kind="stable")
    first = np.searchsorted(c.exp[by_exp], np.arange(len(load) + 1))
    for e in np.nonzero(load < min_e)[0].tolist():
        mine = by_exp[first[e] : first[e + 1]]
        for k in mine[np.lexsort((c.app[mine], -c.score[mine]))].tolist():
            if load[e] >= min_e[e]:
                break
            if chosen[k]:
                continue
            a = int(c.app[k])
            lo, hi = int(pd.starts[a]), int(pd.starts[a + 1])
            members = [lo + m for m in np.nonzero(chosen[lo:hi])[0].tolist()]
            rules = [r for r, need in ((pd.lead, pd.need_lead[a]), (c.exact, pd.need_exact[a])) if need]
            above = [m for m in members if load[c.exp[m]] > min_e[c.exp[m]]] + [None]
            out = _victim(members, k, int(pd.panel[a]), rules, None, pd.emp, c.locked, load, min_e, c.exp,
                          c.score, allowed=above)  # fmt: skip
            if out is False:
                continue
            if out is not None:
                chosen[out] = False
                load[c.exp[out]] -= 1
            chosen[k] = True
            load[e] += 1


def _victim(members, k, size, rules, target, emp, locked, load, min_e, exp, score, allowed=None):
    """The member to swap out for k (None: k takes an empty seat; False: no valid swap)."""
    met = [r for r in rules if r is not target and any(r[m] for m in members)]
    options = [None] if len(members) < size else []
    options += sorted(
        (m for m in members if not locked[m]), key=lambda m: (load[exp[m]] <= min_e[exp[m]], score[m], exp[m])
    )
    for v in options:
        if allowed is not None and v not in allowed:
            continue
        rest = [m for m in members if m != v]
        if len(rest) >= size or emp[k] in {emp[m] for m in rest}:
            continue
        if all(r[k] or any(r[m] for m in rest) for r in met):
            return v
    return False
