"""Disclosure control for published counts: which cells to hide so that no small count can be
recovered, and an auditor that tries to recover them.

The data are nested sums: a community's total is the sum of its grids, a grid's the sum of its
compounds. Each `Group` says "parent = sum of children". Community totals are published exactly
(they are the programme's headline figures); cells below them are published unless hidden.

Primary suppression hides every count of 1 or 2 (shown "<3": the reader knows it is 1 or 2).
Secondary suppression (the method, after the usual cell-suppression practice of statistical
offices): while the auditor can pin down any hidden cell, hide one more cell in a group that pins
it — the smallest published one, a zero first (it costs the reader least) — and check again. A
secondarily hidden cell is shown "*" and says nothing of its value; where nothing is left to
hide (a community whose whole total is 1), the "<3" that gives a cell away is shown "*" too. Zeros are otherwise published:
an empty cell identifies nobody. The pattern is computed for a whole community at
once and every view (tables, map circles, a card over chosen grids) shows the same pattern, so
comparing two views gives nothing new: a figure over several grids is published only when every
one of those grids is.

The auditor reasons with bounds as a careful reader would: each published cell is a fixed
number, each "<3" lies in [1, 2], each "*" in [0, ∞); for every group, a cell cannot be lower
than the parent's lower bound minus the other cells' upper bounds, nor higher than the parent's
upper bound minus their lower bounds, and a parent lies between the sums of its children's
bounds. It tightens bounds across all groups until nothing changes; a hidden cell whose lower
and upper bound meet is disclosed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field

Key = Hashable
PRIMARY, SECONDARY = "<3", "*"
SMALL = (1, 2)  # counts shown as "<3"
INF = math.inf


@dataclass(frozen=True)
class Group:
    """parent = sum(children)."""

    parent: Key
    children: tuple[Key, ...]


@dataclass
class Pattern:
    """Which cells are hidden, and how (PRIMARY "<3" or SECONDARY "*")."""

    hidden: dict[Key, str] = field(default_factory=dict)

    def marker(self, key: Key) -> str | None:
        return self.hidden.get(key)

    def is_open(self, keys: Iterable[Key]) -> bool:
        """A figure over these cells may be published: none of them is hidden."""
        return not any(k in self.hidden for k in keys)


def bounds_of(published: Mapping[Key, int | str]) -> dict[Key, tuple[float, float]]:
    """What a reader knows of each cell from what is shown."""
    out: dict[Key, tuple[float, float]] = {}
    for key, shown in published.items():
        if shown == PRIMARY:
            out[key] = (1, 2)
        elif shown == SECONDARY:
            out[key] = (0, INF)
        else:
            out[key] = (float(shown), float(shown))
    return out


def tighten(
    bounds: dict[Key, tuple[float, float]], groups: Iterable[Group], rounds: int = 100
) -> dict[Key, tuple[float, float]]:
    """Propagate the sums' constraints until the bounds stop changing."""
    b = dict(bounds)
    groups = list(groups)
    for _ in range(rounds):
        changed = False
        for g in groups:
            keys = [k for k in g.children if k in b]
            if g.parent not in b or not keys:
                continue
            p_lo, p_hi = b[g.parent]
            lo_sum = sum(b[k][0] for k in keys)
            hi_sum = sum(b[k][1] for k in keys)
            new_parent = (max(p_lo, lo_sum), min(p_hi, hi_sum))
            if new_parent != b[g.parent]:
                b[g.parent], changed = new_parent, True
                p_lo, p_hi = new_parent
            for k in keys:
                lo, hi = b[k]
                others_lo, others_hi = lo_sum - lo, hi_sum - hi
                new = (max(lo, p_lo - others_hi), min(hi, p_hi - others_lo))
                if new != (lo, hi):
                    b[k], changed = new, True
                    lo_sum += new[0] - lo
                    hi_sum += new[1] - hi
        if not changed:
            break
    return b


def audit(
    published: Mapping[Key, int | str], groups: Iterable[Group], zeros: bool = True
) -> list[Key]:
    """Hidden cells whose value a reader can work out exactly from what is published. With
    `zeros=False` a hidden cell pinned at 0 is not counted: an empty cell identifies nobody (the
    search for a pattern counts them, because unpinning a zero can unpin its neighbour)."""
    b = tighten(bounds_of(published), groups)
    return [
        k
        for k, shown in published.items()
        if shown in (PRIMARY, SECONDARY) and b[k][0] == b[k][1] and (zeros or b[k][1] > 0)
    ]


def published_view(values: Mapping[Key, int], pattern: Pattern) -> dict[Key, int | str]:
    return {k: pattern.hidden.get(k, v) for k, v in values.items()}


def protect(
    values: Mapping[Key, int],
    groups: Iterable[Group],
    exact: Iterable[Key] = (),
    unpublished: Iterable[Key] = (),
) -> Pattern:
    """The cells to hide so that the auditor can recover none.

    `values` holds every cell's true count (parents included); `exact` are cells always published
    (community totals); `unpublished` are cells no view shows (they take part in the sums as
    unknowns). Cells of 1–2 are hidden first; then, while a hidden cell can be pinned down, the
    smallest published cell in a group that pins it is hidden too; when no cell is left to hide,
    a pinned "<3" becomes "*". The only child of an exact parent is that parent's figure, so it
    is published as exactly.
    """
    return protect_jointly({"": values}, groups, exact, unpublished)[""]


def protect_jointly(
    measures: Mapping[str, Mapping[Key, int]],
    groups: Iterable[Group],
    exact: Iterable[Key] = (),
    unpublished: Iterable[Key] = (),
    says_small: Callable[[Key], bool] | None = None,
) -> dict[str, Pattern]:
    """One set of hidden cells for several counts shown side by side (低保 households and persons
    of the same grids): a cell hidden for one is hidden for all, so one cannot be worked out from
    another. Returns each measure's pattern (its own "<3" where its count is 1–2, "*" else).

    `says_small(cell)` limits "<3" to some cells (the others are "*" when hidden): "<3" tells a
    reader the count is at least 1, and several such lower bounds under a small parent pin it.

    Cells that share no group (two communities: their totals are published exactly, nothing
    links them) cannot give each other away, so each linked part is solved on its own: the
    county-wide search re-audited every cell of the county after each cell it hid, hundreds of
    times at 200 communities. Solving the parts apart hides exactly the same cells (see
    `_solve`); in the cases where the county-wide search would stop early (its step limit, or a
    pinned cell with nothing left to hide) the whole county is solved at once as before."""
    groups = list(groups)
    given = set(exact)
    unpublished = set(unpublished)
    limit = sum(len(v) for v in measures.values()) + 1
    parts = _linked_parts(measures, groups, unpublished)
    if len(parts) <= 1:
        return _solve(measures, groups, given, unpublished, says_small, limit)[0]
    merged: dict[str, dict[Key, str]] = {name: {} for name in measures}
    steps = 0
    index = {k: i for i, (keys, _) in enumerate(parts) for k in keys}
    split: list[dict[str, dict[Key, int]]] = [{name: {} for name in measures} for _ in parts]
    for name, values in measures.items():
        for k, v in values.items():
            split[index[k]][name][k] = v
    for (keys, part_groups), part in zip(parts, split, strict=True):
        found, part_steps, settled = _solve(
            part, part_groups, given & keys, unpublished & keys, says_small, limit
        )
        steps += part_steps
        if not settled or steps + 1 > limit:
            return _solve(measures, groups, given, unpublished, says_small, limit)[0]
        for name, pattern in found.items():
            merged[name].update(pattern.hidden)
    return {name: Pattern(hidden) for name, hidden in merged.items()}


def _linked_parts(
    measures: Mapping[str, Mapping[Key, int]], groups: list[Group], unpublished: set
) -> list[tuple[set, list[Group]]]:
    """The cells split into parts no group links (each with its groups, in the given order)."""
    root: dict[Key, Key] = {}

    def find(k: Key) -> Key:
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    for values in measures.values():
        for k in values:
            root.setdefault(k, k)
    for k in unpublished:
        root.setdefault(k, k)
    for g in groups:
        top = find(root.setdefault(g.parent, g.parent))
        for k in g.children:
            other = find(root.setdefault(k, k))
            if other != top:
                root[other] = top
    keys_of: dict[Key, set] = {}
    for k in root:
        keys_of.setdefault(find(k), set()).add(k)
    groups_of: dict[Key, list[Group]] = {r: [] for r in keys_of}
    for g in groups:
        groups_of[find(g.parent)].append(g)
    return [(keys, groups_of[r]) for r, keys in keys_of.items()]


def _solve(
    measures: Mapping[str, Mapping[Key, int]],
    groups: list[Group],
    given: set,
    unpublished: set,
    says_small: Callable[[Key], bool] | None,
    limit: int,
) -> tuple[dict[str, Pattern], int, bool]:
    """The search of `protect_jointly` over a set of cells: (patterns, steps taken, whether it
    ended with nothing disclosed rather than at its step limit or with nothing left to try).

    Each step acts on the first measure with a disclosed cell and touches only cells sharing a
    group with one, and the auditor's bounds move only along groups; so on cells no group links
    the steps of one part never change what another part sees, and a part's steps are the same
    whether it is solved alone or beside others."""
    # The only child of an exact total is that total: it cannot be protected and gives nothing
    # away, so it is not counted as disclosed (a small one still shows "<3").
    derived = _exact_closure(set(given), groups) - given
    exact = given | derived
    hidden = set(unpublished)
    for values in measures.values():
        hidden |= {k for k, v in values.items() if v in SMALL and k not in given}
    starred: set[tuple[str, Key]] = set()  # "<3" that had to become "*"
    by_member: dict[Key, list[Group]] = {}
    for g in groups:
        for k in (g.parent, *g.children):
            by_member.setdefault(k, []).append(g)

    def patterns() -> dict[str, Pattern]:
        return {
            name: Pattern(
                {
                    k: PRIMARY
                    if values.get(k) in SMALL
                    and (name, k) not in starred
                    and k not in unpublished
                    and (says_small is None or says_small(k))
                    else SECONDARY
                    for k in hidden
                }
            )
            for name, values in measures.items()
        }

    for step in range(limit):
        current = patterns()
        found = False
        for name, values in measures.items():
            disclosed = [
                d for d in audit(published_view(values, current[name]), groups) if d not in derived
            ]
            if not disclosed:
                continue
            found = True
            candidate = _next_to_hide(disclosed, by_member, values, hidden, exact)
            if candidate is not None:
                hidden.add(candidate)
            else:
                # Nothing left to hide: what pins these cells is "<3" itself (its lower bound
                # 1), so they are shown "*" instead, which says nothing of their value.
                new = {(name, d) for d in disclosed if current[name].hidden.get(d) == PRIMARY}
                if not new - starred:
                    return current, step, False  # cannot happen with exact totals above
                starred |= new
            break
        if not found:
            widen = _to_widen_small_sum(measures, groups, hidden, given | derived, unpublished)
            if widen is None:
                return current, step, True
            hidden.add(widen)
    return patterns(), limit, False


def _to_widen_small_sum(measures, groups, hidden, exact, unpublished) -> Key | None:
    """A cell to hide where the hidden children of a known parent add up to 1–2: the reader
    gets that sum as the parent minus the published children, and two hidden grids are an
    area a reader can choose (a selection of both shows "*", but its value is pinned). Hiding
    the smallest published child of such a group widens the sum; none left, it stays."""
    for values in measures.values():
        for g in groups:
            if g.parent in hidden and g.parent not in exact:
                continue
            shut = [k for k in g.children if k in hidden]
            if len(shut) < 2 or any(k in unpublished for k in shut):
                continue
            if sum(values.get(k, 0) for k in shut) not in SMALL:
                continue
            open_ = [k for k in g.children if k not in hidden and k not in exact]
            if open_:
                return min(open_, key=lambda k: (values.get(k, 0), str(k)))
    return None


def _exact_closure(exact: set, groups: list[Group]) -> set:
    """An only child of an exact cell is exact too, down the levels."""
    for _ in groups:
        more = {g.children[0] for g in groups if len(g.children) == 1 and g.parent in exact}
        if more <= exact:
            break
        exact |= more
    return exact


def _next_to_hide(disclosed, by_member, values, hidden, exact) -> Key | None:
    """The smallest published cell sharing a group with a disclosed cell."""
    best: tuple[int, str, Key] | None = None
    for cell in disclosed:
        for g in by_member.get(cell, []):
            for k in (*g.children, g.parent):
                v = values.get(k, 0)
                if k in hidden or k in exact:
                    continue
                rank = (v, str(k), k)
                if best is None or rank[:2] < best[:2]:
                    best = rank
    return None if best is None else best[2]
