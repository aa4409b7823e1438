"""Disclosure control: the auditor finds what bounds reasoning recovers; protection leaves nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from data_access.engine.disclosure import (
    PRIMARY,
    SECONDARY,
    Group,
    Pattern,
    audit,
    protect,
    published_view,
)

# 东部社区 on the sample county: 20 特困 households, six grids of 2, 2, 5, 2, 2 and 7.
EAST = {"east": 20, "g1": 2, "g2": 2, "g3": 5, "g4": 2, "g5": 2, "g6": 7}
EAST_GROUPS = [Group("east", ("g1", "g2", "g3", "g4", "g5", "g6"))]


def test_the_auditor_recovers_the_east_case_of_cell_by_cell_suppression():
    cell_by_cell = Pattern({k: PRIMARY for k, v in EAST.items() if v in (1, 2)})
    shown = published_view(EAST, cell_by_cell)
    assert shown == {"east": 20, "g1": "<3", "g2": "<3", "g3": 5, "g4": "<3", "g5": "<3", "g6": 7}
    assert sorted(audit(shown, EAST_GROUPS)) == ["g1", "g2", "g4", "g5"]


def test_protection_fixes_the_east_case():
    pattern = protect(EAST, EAST_GROUPS, exact={"east"})
    assert pattern.hidden["g3"] == SECONDARY  # the smallest published grid
    assert audit(published_view(EAST, pattern), EAST_GROUPS) == []
    assert pattern.marker("east") is None and pattern.marker("g6") is None


def test_a_group_with_one_small_cell_gets_a_second_cell_hidden():
    values = {"c": 20, "a": 2, "b": 10, "d": 8}
    groups = [Group("c", ("a", "b", "d"))]
    assert audit(published_view(values, Pattern({"a": PRIMARY})), groups) == ["a"]
    pattern = protect(values, groups, exact={"c"})
    assert pattern.hidden == {"a": PRIMARY, "d": SECONDARY}
    assert audit(published_view(values, pattern), groups) == []


def test_a_zero_is_hidden_before_a_larger_count_when_that_is_enough():
    values = {"c": 21, "a": 2, "z": 0, "b": 10, "d": 9}
    pattern = protect(values, [Group("c", ("a", "z", "b", "d"))], exact={"c"})
    # z (0) alone would leave a + z = 21 - 10 - 9 = 2 for a reader choosing both grids; so the
    # smallest count after it goes too, and a + z + d is 11, not small.
    assert pattern.hidden == {"a": PRIMARY, "z": SECONDARY, "d": SECONDARY}


def test_hidden_cells_never_add_up_to_a_small_count_a_reader_can_pin():
    values = {"c": 12, "a": 2, "z": 0, "b": 10}
    pattern = protect(values, [Group("c", ("a", "z", "b"))], exact={"c"})
    # a + z would be 12 - 10 = 2: with nothing else to hide, b is hidden as well.
    assert pattern.hidden == {"a": PRIMARY, "z": SECONDARY, "b": SECONDARY}


def test_levels_are_one_system_a_grid_total_and_its_compounds():
    # Grid g3 (5) is hidden to protect its small siblings; its compounds (3 and 2) must not give
    # it away: 3 + "<3" would pin g3 to 4 or 5 and with the community sum to one value.
    values = {"east": 20, "g1": 2, "g2": 2, "g3": 5, "g4": 2, "g5": 2, "g6": 7, "k1": 3, "k2": 2}
    groups = [*EAST_GROUPS, Group("g3", ("k1", "k2"))]
    pattern = protect(values, groups, exact={"east"})
    assert audit(published_view(values, pattern), groups) == []
    assert pattern.marker("k2") == PRIMARY


def test_the_only_child_of_an_exact_total_keeps_its_marker_and_nothing_more_is_hidden():
    values = {"c": 2, "g": 2}
    pattern = protect(values, [Group("c", ("g",))], exact={"c"})
    assert pattern.hidden == {"g": PRIMARY}


def test_a_selection_is_open_only_when_none_of_its_cells_is_hidden():
    pattern = Pattern({"g1": PRIMARY, "g3": SECONDARY})
    assert pattern.is_open(["g2", "g6"])
    assert not pattern.is_open(["g2", "g3"])


@st.composite
def nested_counts(draw):
    """A community with 2–7 grids of 1–4 compounds, counts skewed small."""
    counts = st.integers(0, 12) | st.sampled_from([0, 1, 2, 2, 1])
    values, groups = {}, []
    grids = []
    for gi in range(draw(st.integers(2, 7))):
        grid = f"g{gi}"
        kids = [f"{grid}k{ki}" for ki in range(draw(st.integers(1, 4)))]
        for k in kids:
            values[k] = draw(counts)
        values[grid] = sum(values[k] for k in kids)
        groups.append(Group(grid, tuple(kids)))
        grids.append(grid)
    values["c"] = sum(values[g] for g in grids)
    groups.append(Group("c", tuple(grids)))
    return values, groups


@settings(max_examples=300, deadline=None)
@given(nested_counts())
def test_after_protection_the_auditor_recovers_nothing(case):
    values, groups = case
    pattern = protect(values, groups, exact={"c"})
    shown = published_view(values, pattern)
    # nothing is given away beyond the community's own figure
    assert [k for k in audit(shown, groups) if not _only_path(k, groups)] == []
    # every count of 1-2 below the community is hidden
    for key, v in values.items():
        if key != "c" and v in (1, 2):
            assert shown[key] in (PRIMARY, SECONDARY), key


def _only_path(key, groups) -> bool:
    """key is reached from the community through only children (it equals the total)."""
    parent = {k: g for g in groups for k in g.children}
    while key in parent:
        g = parent[key]
        if len(g.children) != 1:
            return False
        key = g.parent
    return True


@settings(max_examples=200, deadline=None)
@given(nested_counts())
def test_what_the_auditor_pins_is_the_true_value(case):
    values, groups = case
    naive = Pattern({k: PRIMARY for k, v in values.items() if k != "c" and v in (1, 2)})
    from data_access.engine.disclosure import bounds_of, tighten

    bounds = tighten(bounds_of(published_view(values, naive)), groups)
    for key, (lo, hi) in bounds.items():
        assert lo <= values[key] <= hi, key


def test_households_and_persons_share_one_pattern():
    # Two grids of one one-person household each: "<3" twice under a total that leaves 2 for them
    # pins both, for households and for persons; the joint pattern hides a third grid for both.
    from data_access.engine.disclosure import protect_jointly

    households = {"c": 12, "a": 1, "b": 1, "d": 10}
    persons = {"c": 30, "a": 1, "b": 1, "d": 28}
    groups = [Group("c", ("a", "b", "d"))]
    patterns = protect_jointly({"hh": households, "p": persons}, groups, exact={"c"})
    assert set(patterns["hh"].hidden) == set(patterns["p"].hidden) == {"a", "b", "d"}
    for name, values in (("hh", households), ("p", persons)):
        assert audit(published_view(values, patterns[name]), groups) == []


@settings(max_examples=300, deadline=None)
@given(nested_counts(), st.randoms(use_true_random=False))
def test_joint_protection_leaves_nothing_for_either_count(case, rnd):
    from data_access.engine.disclosure import protect_jointly

    households, groups = case
    parents = {g.parent for g in groups}
    persons = {
        k: v + (rnd.randint(0, 2 * v) if v else 0)
        for k, v in households.items()
        if k not in parents
    }
    for g in groups:
        if g.parent != "c":
            persons[g.parent] = sum(persons[k] for k in g.children)
    persons["c"] = sum(persons[g] for g in next(g for g in groups if g.parent == "c").children)
    patterns = protect_jointly({"hh": households, "p": persons}, groups, exact={"c"})
    assert patterns["hh"].hidden.keys() == patterns["p"].hidden.keys()
    for name, values in (("hh", households), ("p", persons)):
        assert audit(published_view(values, patterns[name]), groups) == [], name


@st.composite
def counties(draw):
    """2–5 communities of `nested_counts`, for two counts side by side, some grids with an
    unpublished rest (households recorded without a compound)."""
    households: dict = {}
    groups: list[Group] = []
    exact, unpublished = set(), set()
    for ci in range(draw(st.integers(2, 5))):
        values, part = draw(nested_counts())
        name = {k: f"c{ci}" if k == "c" else f"c{ci}{k}" for k in values}
        households.update({name[k]: v for k, v in values.items()})
        for g in part:
            children = tuple(name[k] for k in g.children)
            if g.parent != "c" and draw(st.booleans()):
                rest = f"{name[g.parent]}rest"
                households[rest] = draw(st.integers(0, 3))
                households[name[g.parent]] += households[rest]
                households[f"c{ci}"] += households[rest]
                children += (rest,)
                unpublished.add(rest)
            groups.append(Group(name[g.parent], children))
        exact.add(f"c{ci}")
    persons = {k: v * 2 + (1 if v == 1 else 0) for k, v in households.items()}
    # persons must add up as households do: recompute parents bottom-up (grids, then communities)
    for g in sorted(groups, key=lambda g: len(str(g.parent)), reverse=True):
        persons[g.parent] = sum(persons[k] for k in g.children)
    order = draw(st.permutations(groups))
    return {"hh": households, "p": persons}, list(order), exact, unpublished


@settings(max_examples=300, deadline=None)
@given(counties(), st.booleans())
def test_solving_each_community_apart_hides_what_the_county_wide_search_hides(case, small_on_grids):
    """protect_jointly solves unlinked parts apart for speed; `_solve` over everything at once is
    the county-wide search it replaced, kept verbatim: both must give the same pattern."""
    from data_access.engine.disclosure import _solve, protect_jointly

    measures, groups, exact, unpublished = case
    says_small = (lambda k: "k" not in str(k)) if small_on_grids else None
    apart = protect_jointly(measures, groups, exact, unpublished, says_small)
    limit = sum(len(v) for v in measures.values()) + 1
    whole = _solve(measures, groups, set(exact), set(unpublished), says_small, limit)[0]
    assert {n: p.hidden for n, p in apart.items()} == {n: p.hidden for n, p in whole.items()}
