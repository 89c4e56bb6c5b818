"""Weighted set cover (and budgeted maximum coverage) by greedy and by MILP (HiGHS).

Rows are sample points (after merging points that the same candidates meet),
columns are candidate cameras with a cost. :func:`solve_cover` starts HiGHS
from the greedy answer and returns the best layout found within the time
limit, the proven bound and the gap. With a budget (a number of cameras or a
total cost) it maximises the covered weight instead.

>>> p = CoverProblem.build([[0, 1, 2, 3], [0, 1, 4], [2, 3, 5], [4], [5]], [1.0, 1.0, 1.0, 0.6, 0.6], np.ones(6))
>>> sorted(greedy(p))
[0, 3, 4]
>>> s = solve_cover(p, time_limit=5)
>>> sorted(s.chosen), round(s.objective, 6), round(s.bound, 6), s.optimal
([1, 2], 2.0, 2.0, True)
>>> s = solve_cover(p, time_limit=5, max_cameras=1)
>>> sorted(s.chosen), s.covered_weight
([0], 4.0)
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["CoverProblem", "Solution", "greedy", "improve", "solve_cover"]


@dataclass
class CoverProblem:
    """A set-cover instance over merged rows.

    ``col_start``/``col_rows`` hold each column's rows (compressed columns),
    ``costs`` the column costs, ``weights`` each merged row's weight (the
    number or area of the samples it stands for), ``row_of_sample`` maps the
    original samples to merged rows (-1: met by no candidate).
    """

    col_start: np.ndarray
    col_rows: np.ndarray
    costs: np.ndarray
    weights: np.ndarray
    row_of_sample: np.ndarray
    column_of: np.ndarray  # merged column -> original candidate index

    @property
    def n_cols(self) -> int:
        return len(self.costs)

    @property
    def n_rows(self) -> int:
        return len(self.weights)

    def rows(self, j: int) -> np.ndarray:
        return self.col_rows[self.col_start[j]:self.col_start[j + 1]]

    @classmethod
    def build(cls, columns: Sequence[np.ndarray | Sequence[int]], costs: Sequence[float],
              sample_weights: np.ndarray, *, reduce_rows: bool = True) -> CoverProblem:
        """Merge identical rows and identical columns (keeping the cheapest) of a raw instance.

        With ``reduce_rows`` (only for the plain cover: weights then no longer
        add up) a row met by every column that meets another row is dropped:
        covering the other covers it.
        """
        n_samples = len(sample_weights)
        cols = [np.unique(np.asarray(c, dtype=np.int64)) for c in columns]
        lengths = np.array([len(c) for c in cols], dtype=np.int64)
        flat = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        owner = np.repeat(np.arange(len(cols), dtype=np.int64), lengths)
        # group samples by the set of columns that meet them
        order = np.lexsort((owner, flat))
        s_sorted, c_sorted = flat[order], owner[order]
        sig: dict[bytes, int] = {}
        row_of_sample = np.full(n_samples, -1, dtype=np.int64)
        bounds = np.flatnonzero(np.diff(s_sorted)) + 1
        starts = np.concatenate([[0], bounds]) if len(s_sorted) else np.zeros(0, dtype=np.int64)
        ends = np.concatenate([bounds, [len(s_sorted)]]) if len(s_sorted) else np.zeros(0, dtype=np.int64)
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
            key = c_sorted[a:b].tobytes()
            row_of_sample[s_sorted[a]] = sig.setdefault(key, len(sig))
        weights = np.zeros(len(sig))
        met = row_of_sample >= 0
        np.add.at(weights, row_of_sample[met], np.asarray(sample_weights, dtype=float)[met])
        # columns over merged rows, identical ones merged
        best: dict[bytes, int] = {}
        merged_rows: list[np.ndarray] = []
        for j, c in enumerate(cols):
            rows = np.unique(row_of_sample[c]) if len(c) else c
            if not len(rows):
                continue
            key = rows.tobytes()
            k = best.get(key)
            if k is None or costs[j] < costs[k]:
                best[key] = j
            if k is None:
                merged_rows.append(rows)
        keep = sorted(best.values())
        row_sets = {j: np.unique(row_of_sample[cols[j]]) for j in keep}
        if reduce_rows and keep:
            alive = _rows_needed([row_sets[j] for j in keep], len(sig))
            new_index = np.cumsum(alive) - 1
            row_sets = {j: new_index[r[alive[r]]] for j, r in row_sets.items()}
            weights = weights[alive]
            keep = [j for j in keep if len(row_sets[j])]
        keep = _undominated(keep, row_sets, np.asarray(costs, dtype=float), len(weights))
        lengths = np.array([len(row_sets[j]) for j in keep], dtype=np.int64)
        col_start = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        col_rows = np.concatenate([row_sets[j] for j in keep]) if keep else np.zeros(0, dtype=np.int64)
        return cls(col_start, col_rows, np.asarray([costs[j] for j in keep], dtype=float), weights,
                   row_of_sample, np.asarray(keep, dtype=np.int64))


def _bitsets(sets: Sequence[np.ndarray], size: int) -> np.ndarray:
    words = (size + 63) // 64
    bits = np.zeros((len(sets), words), dtype=np.uint64)
    lengths = np.array([len(r) for r in sets], dtype=np.int64)
    if not lengths.sum():
        return bits
    flat = np.concatenate(sets).astype(np.int64)
    owner = np.repeat(np.arange(len(sets), dtype=np.int64), lengths)
    np.bitwise_or.at(bits, (owner, flat // 64), np.left_shift(np.uint64(1), (flat % 64).astype(np.uint64)))
    return bits


def _rows_needed(col_sets: Sequence[np.ndarray], n_rows: int) -> np.ndarray:
    """Flag the rows to keep: a row whose columns include all the columns of another row is implied."""
    lengths = np.array([len(r) for r in col_sets], dtype=np.int64)
    flat = np.concatenate(col_sets).astype(np.int64)
    owner = np.repeat(np.arange(len(col_sets), dtype=np.int64), lengths)
    order = np.argsort(flat, kind="stable")
    row_cols_flat = owner[order]
    row_start = np.searchsorted(flat[order], np.arange(n_rows + 1))
    row_sets = [row_cols_flat[row_start[i]:row_start[i + 1]] for i in range(n_rows)]
    size = np.diff(row_start)
    bits = _bitsets(row_sets, len(col_sets))
    alive = size > 0
    for k in np.argsort(size, kind="stable").tolist():
        if not alive[k]:
            continue
        cols = row_sets[k]
        rare = int(cols[np.argmin(lengths[cols])])
        others = col_sets[rare]
        others = others[alive[others] & (others != k)]
        if not len(others):
            continue
        supersets = others[~(bits[k][None, :] & ~bits[others]).any(axis=1)]
        alive[supersets] = False
    return alive


def _undominated(keep: list[int], row_sets: dict[int, np.ndarray], costs: np.ndarray, n_rows: int) -> list[int]:
    """Drop every column whose rows another column holds at no greater cost.

    Only columns through the column's rarest row can hold it, so each test
    looks at few others; rows are compared as bit sets. Of two equal columns
    at equal cost the one met first stays.
    """
    if len(keep) < 2 or n_rows == 0:
        return keep
    n = len(keep)
    sets = [row_sets[j] for j in keep]
    size = np.array([len(r) for r in sets], dtype=np.int64)
    flat = np.concatenate(sets)
    owner = np.repeat(np.arange(n, dtype=np.int64), size)
    bits = _bitsets(sets, n_rows)
    order = np.argsort(flat, kind="stable")
    by_row = owner[order]
    row_start = np.searchsorted(flat[order], np.arange(n_rows + 1))
    degree = np.diff(row_start)
    cost = costs[keep]
    alive = np.ones(n, dtype=bool)
    for a in np.argsort(size, kind="stable").tolist():
        rows = sets[a]
        rare = int(rows[np.argmin(degree[rows])])
        others = by_row[row_start[rare]:row_start[rare + 1]]
        others = others[alive[others] & (others != a) & (size[others] >= size[a])]
        if not len(others):
            continue
        ca, co = cost[a], cost[others]
        others = others[(co < ca) | ((co == ca) & ((size[others] > size[a]) | (others < a)))]
        if len(others) and not (bits[a][None, :] & ~bits[others]).any(axis=1).all():
            alive[a] = False
    return [j for a, j in enumerate(keep) if alive[a]]


@dataclass
class Solution:
    """Chosen columns (indices into the merged problem), objective, bound and gap."""

    chosen: list[int]
    objective: float
    bound: float
    lp_bound: float | None
    gap: float
    method: str
    optimal: bool
    seconds: float
    covered_weight: float
    budgeted: bool = False


def _covered(p: CoverProblem, chosen: Sequence[int]) -> np.ndarray:
    cov = np.zeros(p.n_rows, dtype=bool)
    for j in chosen:
        cov[p.rows(j)] = True
    return cov


def greedy(p: CoverProblem, *, max_cameras: int | None = None, max_cost: float | None = None,
           among: np.ndarray | None = None) -> list[int]:
    """Weighted greedy: pick the column with the most newly met weight per cost, then drop redundant ones.

    With ``among`` (column indices, e.g. the support of the LP relaxation) those
    columns are tried first and the others only for what they leave.
    """
    uncovered = np.ones(p.n_rows, dtype=bool)
    chosen: list[int] = []
    spent = 0.0
    gains = np.array([p.weights[p.rows(j)].sum() for j in range(p.n_cols)])
    stale = np.zeros(p.n_cols, dtype=bool)
    preferred = np.zeros(p.n_cols, dtype=bool)
    if among is not None:
        preferred[np.asarray(among, dtype=np.int64)] = True
    while uncovered.any():
        ratio = gains / p.costs
        if preferred.any() and (ratio[preferred] > 0).any():
            ratio = np.where(preferred, ratio, -1.0)
        if max_cost is not None:
            ratio[p.costs + spent > max_cost + 1e-9] = -1.0
        j = int(np.argmax(ratio))
        if ratio[j] <= 0:
            break
        if stale[j]:  # lazy update: recompute this column's gain and try again
            gains[j] = p.weights[p.rows(j)[uncovered[p.rows(j)]]].sum()
            stale[j] = False
            continue
        chosen.append(j)
        spent += p.costs[j]
        newly = p.rows(j)[uncovered[p.rows(j)]]
        uncovered[newly] = False
        gains[j] = 0.0
        stale[:] = True
        stale[j] = False
        if max_cameras is not None and len(chosen) >= max_cameras:
            break
    if max_cameras is None and max_cost is None:
        # drop columns whose rows the others meet, dearest first
        for j in sorted(chosen, key=lambda k: -p.costs[k]):
            rest = [k for k in chosen if k != j]
            if _covered(p, rest)[p.rows(j)].all():
                chosen = rest
    return chosen


def improve(p: CoverProblem, chosen: list[int], *, max_rounds: int = 200) -> list[int]:
    """Local search on a cover: replace one chosen column, or two that some column reaches both of, by one
    cheaper column that meets what only they meet (or by nothing), until no such swap is left.

    Replacements are looked for among the columns through the rarest of the rows to be met.
    """
    if p.n_cols == 0 or not chosen:
        return chosen
    bits = _bitsets([p.rows(j) for j in range(p.n_cols)], p.n_rows)
    order = np.argsort(p.col_rows, kind="stable")
    owner = np.repeat(np.arange(p.n_cols, dtype=np.int64), np.diff(p.col_start))
    by_row = owner[order]
    row_start = np.searchsorted(p.col_rows[order], np.arange(p.n_rows + 1))
    degree = np.diff(row_start)
    chosen = list(dict.fromkeys(chosen))
    for _ in range(max_rounds):
        count = np.zeros(p.n_rows, dtype=np.int64)
        for j in chosen:
            count[p.rows(j)] += 1
        groups: list[tuple[int, ...]] = [(a,) for a in chosen]
        touch = np.zeros((len(chosen), p.n_cols), dtype=np.float32)
        for i, j in enumerate(chosen):
            rows = p.rows(j)
            touch[i, np.concatenate([by_row[row_start[r]:row_start[r + 1]] for r in rows.tolist()])] = 1.0
        near = (touch @ touch.T) > 0
        groups += [(chosen[i], chosen[k]) for i, k in zip(*np.nonzero(np.triu(near, 1)), strict=True)]
        swaps: list[tuple[float, tuple[int, ...], int]] = []
        for group in groups:
            found = _swap(p, group, count, bits, by_row, row_start, degree)
            if found is not None:
                swaps.append((found[0], group, found[1]))
        if not swaps:
            break
        # apply every swap that still holds, best first (each checked again against the cover as it stands)
        current = set(chosen)
        for _gain, group, _k in sorted(swaps, key=lambda t: -t[0]):
            if not all(j in current for j in group):
                continue
            found = _swap(p, group, count, bits, by_row, row_start, degree)
            if found is None:
                continue
            k = found[1]
            for j in group:
                current.discard(j)
                count[p.rows(j)] -= 1
            if k >= 0 and k not in current:
                current.add(k)
                count[p.rows(k)] += 1
        chosen = [j for j in chosen if j in current] + sorted(current - set(chosen))
    return chosen


def _swap(p: CoverProblem, group: tuple[int, ...], count: np.ndarray, bits: np.ndarray, by_row: np.ndarray,
          row_start: np.ndarray, degree: np.ndarray) -> tuple[float, int] | None:
    """``(saving, replacement or -1)`` of the best swap of ``group`` for one column, or None."""
    drop = np.zeros(p.n_rows, dtype=np.int64)
    for j in group:
        drop[p.rows(j)] += 1
    need = np.flatnonzero((drop > 0) & (count == drop))
    saving = float(sum(p.costs[j] for j in group))
    if not len(need):
        return saving, -1
    rare = int(need[np.argmin(degree[need])])
    through = by_row[row_start[rare]:row_start[rare + 1]]
    through = through[p.costs[through] < saving - 1e-9]
    if not len(through):
        return None
    need_bits = _bitsets([need], p.n_rows)[0]
    fits = through[~(need_bits[None, :] & ~bits[through]).any(axis=1)]
    if not len(fits):
        return None
    k = int(fits[np.argmin(p.costs[fits])])
    return saving - float(p.costs[k]), k


def _highs(time_limit: float, threads: int | None):  # -> highspy.Highs
    import highspy

    # the core class: the wrapper prints a banner on stdout when it is made
    h = getattr(highspy, "_Highs", highspy.Highs)()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("log_to_console", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 1e-6)
    if threads:
        h.setOptionValue("threads", int(threads))
    return h


def _pass(h, n: int, cost: np.ndarray, lower: np.ndarray, upper: np.ndarray, integer: np.ndarray,
          row_lower: np.ndarray, row_upper: np.ndarray, start: np.ndarray, index: np.ndarray,
          value: np.ndarray, maximise: bool) -> None:
    import highspy

    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = len(row_lower)
    lp.col_cost_ = cost
    lp.col_lower_ = lower
    lp.col_upper_ = upper
    lp.row_lower_ = row_lower
    lp.row_upper_ = row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = start
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = value
    lp.sense_ = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
    if integer.any():
        lp.integrality_ = [highspy.HighsVarType.kInteger if k else highspy.HighsVarType.kContinuous
                           for k in integer]
    h.passModel(lp)


def _model(p: CoverProblem, max_cameras: int | None, max_cost: float | None) -> dict:
    n, m = p.n_cols, p.n_rows
    inf = math.inf
    if max_cameras is None and max_cost is None:
        return {"n": n, "cost": p.costs, "lower": np.zeros(n), "upper": np.ones(n), "integer": np.ones(n, bool),
                "row_lower": np.ones(m), "row_upper": np.full(m, inf), "start": p.col_start,
                "index": p.col_rows, "value": np.ones(len(p.col_rows)), "maximise": False}
    # max sum w_i y_i : y_i - sum_{j meets i} x_j <= 0, sum c_j x_j <= B (or sum x_j <= N)
    budget_row = m
    starts = [0]
    index: list[np.ndarray] = []
    value: list[np.ndarray] = []
    cap = float(max_cameras) if max_cameras is not None else float(max_cost)  # type: ignore[arg-type]  # one of the two caps is given
    for j in range(n):
        rows = p.rows(j)
        index.append(np.append(rows, budget_row))
        value.append(np.append(-np.ones(len(rows)), 1.0 if max_cameras is not None else p.costs[j]))
        starts.append(starts[-1] + len(rows) + 1)
    for i in range(m):
        index.append(np.array([i]))
        value.append(np.array([1.0]))
        starts.append(starts[-1] + 1)
    return {"n": n + m, "cost": np.concatenate([np.zeros(n), p.weights]),
            "lower": np.zeros(n + m), "upper": np.ones(n + m),
            "integer": np.concatenate([np.ones(n, bool), np.zeros(m, bool)]),
            "row_lower": np.full(m + 1, -inf), "row_upper": np.concatenate([np.zeros(m), [cap]]),
            "start": np.asarray(starts, dtype=np.int32), "index": np.concatenate(index).astype(np.int32),
            "value": np.concatenate(value), "maximise": True}


def solve_cover(
    p: CoverProblem,
    *,
    time_limit: float = 30.0,
    max_cameras: int | None = None,
    max_cost: float | None = None,
    threads: int | None = None,
    lp_bound: bool = True,
    use_milp: bool = True,
    local_search: bool = True,
) -> Solution:
    """Solve ``p`` (min cost cover, or max covered weight under a budget); greedy start, HiGHS MILP."""
    t0 = time.perf_counter()
    start = greedy(p, max_cameras=max_cameras, max_cost=max_cost)
    budgeted = max_cameras is not None or max_cost is not None
    if not budgeted and local_search:
        start = improve(p, start)
    g_cov = _covered(p, start)
    g_obj = float(p.weights[g_cov].sum()) if budgeted else float(p.costs[start].sum())
    if not use_milp or p.n_cols == 0:
        return Solution(start, g_obj, math.nan, None, math.nan, "greedy+swaps" if local_search and not budgeted
                        else "greedy", p.n_cols == 0,
                        time.perf_counter() - t0, float(p.weights[g_cov].sum()), budgeted)
    model = _model(p, max_cameras, max_cost)
    lp_value = None
    if lp_bound:
        h = _highs(max(1.0, 0.8 * time_limit), threads)  # the LP gives the bound and the start: it comes first
        _pass(h, **{**model, "integer": np.zeros(model["n"], bool)})
        h.run()
        if h.getModelStatus() == h.getModelStatus().kOptimal:
            lp_value = float(h.getInfo().objective_function_value)
            # LP rounding: greedy over the columns the relaxation uses, often much better than plain greedy
            x = np.asarray(h.getSolution().col_value)[:p.n_cols]
            alt = greedy(p, max_cameras=max_cameras, max_cost=max_cost, among=np.flatnonzero(x > 1e-6))
            if not budgeted and local_search:
                alt = improve(p, alt)
            a_cov = _covered(p, alt)
            a_obj = float(p.weights[a_cov].sum()) if budgeted else float(p.costs[alt].sum())
            if (a_obj > g_obj + 1e-9) if budgeted else (a_obj < g_obj - 1e-9):
                start, g_cov, g_obj = alt, a_cov, a_obj
    remaining = max(1.0, time_limit - (time.perf_counter() - t0))
    h = _highs(remaining, threads)
    _pass(h, **model)
    x0 = np.zeros(model["n"])
    x0[start] = 1.0
    if budgeted:
        x0[p.n_cols:] = g_cov.astype(float)
    h.setSolution(_solution(x0))
    h.run()
    info = h.getInfo()
    status = h.getModelStatus()
    values = np.asarray(h.getSolution().col_value) if info.primal_solution_status else None
    if values is None or len(values) < p.n_cols:
        chosen = start
        obj = g_obj
    else:
        chosen = [int(j) for j in np.flatnonzero(values[:p.n_cols] > 0.5)]
        obj = float(info.objective_function_value)
        if budgeted:
            obj = float(p.weights[_covered(p, chosen)].sum())
        if (obj > g_obj + 1e-9) if not budgeted else (obj < g_obj - 1e-9):
            chosen, obj = start, g_obj
    bound = float(info.mip_dual_bound)
    if not math.isfinite(bound):
        bound = lp_value if lp_value is not None else math.nan
    if lp_value is not None:
        bound = max(bound, lp_value) if not budgeted else min(bound, lp_value)
    gap = abs(obj - bound) / max(abs(obj), 1e-9) if math.isfinite(bound) else math.nan
    optimal = status == status.kOptimal or (math.isfinite(gap) and gap <= 1e-6)
    return Solution(chosen, obj, bound, lp_value, gap, "milp", optimal, time.perf_counter() - t0,
                    float(p.weights[_covered(p, chosen)].sum()), budgeted)


def _solution(x: np.ndarray):  # -> highspy.HighsSolution
    import highspy

    sol = highspy.HighsSolution()
    sol.col_value = x.tolist()
    sol.value_valid = True
    return sol
