"""Widgets of the service-point page: its URL state, controls, cards, what-if, suggestions, tables.

The page's own state (service type, radius, what-if sites and closures, number of suggestions and
what they maximise) lives in one frozen `PageState` in session state and in the URL, so a scenario
can be shared as a link. It is read from the URL once per session; invalid values are dropped with
a notice (`add_url_notice`), never a traceback. Widgets are keyed separately and copy their value
into the state in their callbacks, so the scenario survives reruns and page switches.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import charts, kpi, page_state
from components.data import query
from components.i18n import label, number, t
from components.maps import TYPE_COLOURS, type_colour
from components.shell import page_header
from components.url import add_url_notice, bad_value
from data_access import vocab
from data_access.coverage import RADII_M
from data_access.filters import Filters
from data_access.queries import service_points as sp
from data_access.queries import sp_coverage, sp_sites

ALL = ""  # the type filter's "all types"
MEASURES = {"hh": "households", "60": "residents_60_plus"}  # URL code → coverage measure
DEFAULT_RADIUS, DEFAULT_K = 500, 3
WALK_MINUTES = {300: 5, 500: 10, 800: 15}

_COORD_ERROR = "_sp_coord_error"
W_TYPE, W_RADIUS, W_ADD, W_CLOSE = "spw_type", "spw_radius", "spw_add", "spw_close"
W_K, W_MEASURE, W_LAT, W_LON = "spw_k", "spw_measure", "spw_lat", "spw_lon"
# PageState field → URL parameter of the page registry (components.registry.SERVICE_POINTS).
_PARAMS = {"sp_type": "sp_type", "radius": "sp_r", "added": "sp_add", "closed": "sp_close",
           "k": "sp_k", "measure": "sp_w"}  # fmt: skip


@dataclass(frozen=True)
class PageState:
    sp_type: str = ALL
    radius: int = DEFAULT_RADIUS
    added: tuple[str, ...] = ()  # compound ids and 'lat,lon' sites
    closed: tuple[str, ...] = ()  # point ids
    k: int = DEFAULT_K
    measure: str = "households"

    @property
    def types(self) -> tuple[str, ...]:
        return (self.sp_type,) if self.sp_type else ()


def _state() -> PageState:
    s = page_state.state()
    return PageState(
        s["sp_type"], s["sp_r"], tuple(s["sp_add"]), tuple(s["sp_close"]), s["sp_k"],
        MEASURES[s["sp_w"]],
    )  # fmt: skip


def _update(**changes) -> None:
    codes = {m: c for c, m in MEASURES.items()}
    page_state.update(**{_PARAMS[k]: codes[v] if k == "measure" else v for k, v in changes.items()})


# ------------------------------------------------------------------------------ URL


def load_state() -> PageState:
    """The page state (read from the URL by components.page_state); a scenario without a type
    (from an edited link) is dropped with a notice."""
    state = _state()
    if (state.added or state.closed) and not state.sp_type:
        for key, values in (("sp_add", state.added), ("sp_close", state.closed)):
            for value in values:
                add_url_notice(bad_value(key, value, t("sp.url.needs_type")))
        _update(added=(), closed=())
    return _state()


def drop_rejected(scenario: sp_coverage.Scenario | None) -> None:
    """What-if sites or closures that do not exist (a stale or edited link): drop them, say so."""
    if scenario is None or not scenario.rejected:
        return
    state = _state()
    added, closed = list(state.added), list(state.closed)
    for key, value, reason in scenario.rejected:
        add_url_notice(bad_value(key, value, t(f"sp.reason.{reason}")))
        if key == "sp_add" and value in added:
            added.remove(value)
        if key == "sp_close" and value in closed:
            closed.remove(value)
    _update(added=tuple(added), closed=tuple(closed))
    st.rerun()


# ------------------------------------------------------------------------------ callbacks


def _on_type() -> None:
    # A scenario belongs to one type: switching type starts afresh.
    _update(sp_type=st.session_state[W_TYPE], added=(), closed=())
    st.session_state.pop(_COORD_ERROR, None)


def _on_radius() -> None:
    _update(radius=int(st.session_state[W_RADIUS]))


def _on_add() -> None:
    coordinates = [a for a in _state().added if "," in a]
    _update(added=tuple(dict.fromkeys([*st.session_state[W_ADD], *coordinates])))


def _on_close() -> None:
    _update(closed=tuple(st.session_state[W_CLOSE]))


def _on_add_coordinates() -> None:
    try:
        lat, lon = sp_sites.parse_coordinates(
            st.session_state.get(W_LAT, ""),
            st.session_state.get(W_LON, ""),
            query(sp.county_bounds),
        )
    except sp_sites.SiteError as err:
        st.session_state[_COORD_ERROR] = err.reason
        return
    st.session_state.pop(_COORD_ERROR, None)
    st.session_state[W_LAT] = st.session_state[W_LON] = ""
    key = sp_sites.coordinates_key(lat, lon)
    _update(added=tuple(dict.fromkeys([*_state().added, key])))


def _remove_site(key: str) -> None:
    _update(added=tuple(a for a in _state().added if a != key))


def _clear() -> None:
    _update(added=(), closed=())
    st.session_state.pop(_COORD_ERROR, None)


def _adopt(ids: tuple[str, ...]) -> None:
    _update(added=tuple(dict.fromkeys([*_state().added, *ids])))


def _on_k() -> None:
    _update(k=int(st.session_state[W_K]))


def _on_measure() -> None:
    _update(measure=st.session_state[W_MEASURE])


# ------------------------------------------------------------------------------ formatting


def pct(share: float | None) -> str:
    return (
        "—" if share is None or (isinstance(share, float) and math.isnan(share)) else f"{share:.1%}"
    )


def signed(value: float) -> str:
    return f"{value:+,.0f}"


def type_name(code: str) -> str:
    return t("sp.type.all") if code == ALL else label("sp_type", code)


def radius_name(radius: int) -> str:
    return t("sp.radius.option", r=radius, minutes=WALK_MINUTES.get(radius, round(radius / 50)))


# ------------------------------------------------------------------------------ controls


def controls(state: PageState) -> PageState:
    """The type filter and the walking radius, above everything they steer."""
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    st.session_state[W_TYPE] = state.sp_type
    left.selectbox(
        t("sp.type"),
        (ALL, *vocab.SERVICE_POINT_TYPES),
        format_func=type_name,
        key=W_TYPE,
        on_change=_on_type,
        help=t("sp.type.help"),
    )
    st.session_state[W_RADIUS] = state.radius
    right.radio(
        t("sp.radius"),
        RADII_M,
        format_func=radius_name,
        key=W_RADIUS,
        on_change=_on_radius,
        horizontal=True,
        help=t("sp.radius.help"),
    )
    return _state()


# ------------------------------------------------------------------------------ cards


def _coverage_card(
    title: str, value: str, help_text: str, caption: str, delta: str | None = None
) -> None:
    st.metric(title, value, delta=delta, help=help_text)
    st.caption(caption)


def _weakest(table: pd.DataFrame, radius: int, measure: str) -> tuple[str, float] | None:
    """The type whose coverage of the whole area is lowest at the radius."""
    rows = table[table["community_code"] == ""]
    if rows.empty:
        rows = table
    rows = rows.dropna(subset=[f"{measure}_{radius}"])
    if rows.empty:
        return None
    row = rows.loc[rows[f"{measure}_{radius}"].idxmin()]
    return row["type"], float(row[f"{measure}_{radius}"])


def kpis(
    f: Filters, state: PageState, scenario: sp_coverage.Scenario | None, table: pd.DataFrame
) -> None:
    """Operating points, points per 1,000 households, and walking coverage (households, 60+)."""
    grid = st.grid(4, min_column_width=kpi.MIN_CARD_PX, border=True, gap="small")
    for key in ("service_points", "sp_per_1000_households"):
        with grid.cell():
            kpi.card(kpi.snapshot(key, f))
    r = state.radius
    for col, measure, unit_key in (
        (grid.cell(), "households", "sp.unit.households"),
        (grid.cell(), "residents_60_plus", "sp.unit.persons"),
    ):
        who = t(f"sp.measure.{measure}")
        short = t(f"sp.measure.short.{measure}")
        with col:
            if scenario is None:
                weakest = _weakest(table, r, measure)
                _coverage_card(
                    t("sp.kpi.weakest", r=r, who=short),
                    pct(weakest[1]) if weakest else "—",
                    t("sp.kpi.weakest.help", r=r, who=who),
                    t("sp.kpi.weakest.caption", type=label("sp_type", weakest[0]))
                    if weakest
                    else "",
                )
                continue
            fig = scenario.figures(r, measure)
            delta = None
            caption = t(
                "sp.kpi.covered_of",
                covered=number(fig["after"]),
                total=number(fig["total"]),
                unit=t(unit_key),
            )
            if scenario.active and fig["total"]:
                delta = f"{signed(fig['change'])} {t(unit_key)}"
                caption = t(
                    "sp.kpi.before",
                    share=pct(fig["before_share"]),
                    covered=number(fig["before"]),
                )
            _coverage_card(
                t("sp.kpi.coverage", r=r, who=short),
                pct(fig["after_share"]),
                t("sp.kpi.coverage.help", r=r, who=who, type=type_name(state.sp_type)),
                caption,
                delta,
            )


# ------------------------------------------------------------------------------ empty states


def empty_states(state: PageState, points: pd.DataFrame, rates: pd.DataFrame) -> None:
    """Say in a sentence what is missing: no point at all, none of the type, none in a community."""
    operating = points[points["operating"]]
    kind = type_name(state.sp_type)
    if operating.empty:
        key = "sp.empty.type" if state.sp_type else "sp.empty.points"
        st.info(t(key, type=kind))
        return
    without = rates.loc[~rates["community_code"].isin(operating["community_code"]), "community"]
    if len(without):
        st.info(t("sp.empty.community", names="、".join(without), type=kind))


# ------------------------------------------------------------------------------ what-if


def what_if(state: PageState, scenario: sp_coverage.Scenario) -> None:
    """Add points (at an uncovered compound or typed coordinates), close points, see before → after."""
    kind = type_name(state.sp_type)
    st.subheader(t("sp.whatif.title", type=kind))
    st.caption(t("sp.whatif.caption"))
    left, right = st.columns(2, gap="large")

    site_names = dict(zip(scenario.compounds["id"], scenario.compounds["name"], strict=True))
    households = dict(zip(scenario.compounds["id"], scenario.compounds["households"], strict=True))
    added_sites = scenario.added
    site_names.update(
        {a.compound_id: a.label for a in added_sites.itertuples() if isinstance(a.compound_id, str)}
    )
    compound_entries = [a for a in state.added if "," not in a]
    coordinate_entries = [a for a in added_sites.itertuples() if not isinstance(a.compound_id, str)]
    options = list(dict.fromkeys([*scenario.uncovered["id"], *compound_entries]))

    def describe(compound_id: str) -> str:
        name = site_names.get(compound_id, compound_id)
        if compound_id in households:
            return t(
                "sp.whatif.compound_option", name=name, households=number(households[compound_id])
            )
        return name

    with left:
        st.session_state[W_ADD] = compound_entries
        st.multiselect(
            t("sp.whatif.add", type=kind),
            options,
            format_func=describe,
            key=W_ADD,
            on_change=_on_add,
            placeholder=t("sp.whatif.add.placeholder"),
            help=t("sp.whatif.add.help", r=state.radius),
        )
        st.markdown(t("sp.whatif.coords"))
        lat_col, lon_col, button_col = st.columns([2, 2, 1], vertical_alignment="bottom")
        lat_col.text_input(t("sp.whatif.lat"), key=W_LAT, placeholder="35.5775")
        lon_col.text_input(t("sp.whatif.lon"), key=W_LON, placeholder="104.6300")
        button_col.button(t("sp.whatif.add_coords"), on_click=_on_add_coordinates, key="spw_add_xy")
        st.caption(t("sp.whatif.coords.help"))
        reason = st.session_state.get(_COORD_ERROR)
        if reason:
            st.error(t("sp.whatif.coords_error", reason=t(f"sp.reason.{reason}")))
        for a in coordinate_entries:
            text_col, remove_col = st.columns([4, 1], vertical_alignment="center")
            text_col.markdown(t("sp.whatif.coord_site", lat=f"{a.lat:.6f}", lon=f"{a.lon:.6f}"))
            remove_col.button(
                t("sp.whatif.remove"),
                key=f"spw_rm_{a.key}",
                on_click=_remove_site,
                args=(a.entry,),
            )
    with right:
        closable = scenario.points
        names = dict(zip(closable["id"], closable["name"], strict=True))
        place = dict(zip(closable["id"], closable["community"], strict=True))
        st.session_state[W_CLOSE] = [c for c in state.closed if c in names]
        st.multiselect(
            t("sp.whatif.close", type=kind),
            list(closable["id"]),
            format_func=lambda pid: t("sp.whatif.point_option", name=names[pid], place=place[pid]),
            key=W_CLOSE,
            on_change=_on_close,
            placeholder=t("sp.whatif.close.placeholder"),
            help=t("sp.whatif.close.help"),
        )
        st.button(
            t("sp.whatif.clear"),
            on_click=_clear,
            disabled=not scenario.active,
            key="spw_clear",
            icon=":material/restart_alt:",
        )
    before_after(scenario)


def before_after(scenario: sp_coverage.Scenario) -> None:
    """'500 m 覆盖率 71.3% → 78.9%，+412 户 …' for each radius, the chosen one in bold."""
    if not scenario.active:
        st.caption(t("sp.whatif.none"))
        return
    lines = []
    for r in RADII_M:
        hh = scenario.figures(r, "households")
        el = scenario.figures(r, "residents_60_plus")
        text = t(
            "sp.whatif.line",
            r=r,
            before=pct(hh["before_share"]),
            after=pct(hh["after_share"]),
            change=signed(hh["change"]),
            before_n=number(hh["before"]),
            after_n=number(hh["after"]),
            e_before=pct(el["before_share"]),
            e_after=pct(el["after_share"]),
            e_change=signed(el["change"]),
        )
        lines.append(f"- **{text}**" if r == scenario.radius else f"- {text}")
    with st.container(border=True):
        st.markdown(f"**{t('sp.whatif.result')}**\n\n" + "\n".join(lines))


# ------------------------------------------------------------------------------ suggestions


def suggestions(state: PageState, suggested: pd.DataFrame | None) -> None:
    """K sites chosen greedily, each with its marginal gain; one click adopts them all."""
    kind = type_name(state.sp_type)
    st.subheader(t("sp.suggest.title", type=kind))
    st.caption(t("sp.suggest.caption", r=state.radius))
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    st.session_state[W_K] = state.k
    left.number_input(
        t("sp.suggest.k"),
        min_value=0,
        max_value=sp_coverage.MAX_SUGGESTIONS,
        step=1,
        key=W_K,
        on_change=_on_k,
        help=t("sp.suggest.k.help", max=sp_coverage.MAX_SUGGESTIONS),
    )
    st.session_state[W_MEASURE] = state.measure
    right.radio(
        t("sp.suggest.measure"),
        sp_coverage.COVERAGE_MEASURES,
        format_func=lambda m: t(f"sp.measure.{m}"),
        key=W_MEASURE,
        on_change=_on_measure,
        horizontal=True,
    )
    if state.k == 0 or suggested is None:
        st.caption(t("sp.suggest.off"))
        return
    if suggested.empty:
        st.info(t("sp.suggest.none", type=kind, r=state.radius))
        return
    table = suggested.assign(households_share_after=suggested["households_share_after"] * 100)
    st.dataframe(
        table[
            [
                "rank",
                "name",
                "community",
                "gain_households",
                "gain_residents_60_plus",
                "households_share_after",
            ]
        ],
        column_config={
            "rank": st.column_config.NumberColumn(t("sp.suggest.col.rank"), format="%d"),
            "name": st.column_config.TextColumn(t("sp.col.compound")),
            "community": st.column_config.TextColumn(t("common.community")),
            "gain_households": st.column_config.NumberColumn(
                t("sp.suggest.col.gain_households"),
                help=t("sp.suggest.col.gain.help"),
                format="+%d",
            ),
            "gain_residents_60_plus": st.column_config.NumberColumn(
                t("sp.suggest.col.gain_elderly"), format="+%d"
            ),
            "households_share_after": st.column_config.NumberColumn(
                t("sp.suggest.col.share_after", r=state.radius), format="%.1f%%"
            ),
        },
        hide_index=True,
        key="spw_suggested",
    )
    if len(suggested) < state.k:
        st.caption(t("sp.suggest.fewer", n=len(suggested)))
    st.button(
        t("sp.suggest.adopt", n=len(suggested)),
        on_click=_adopt,
        args=(tuple(suggested["compound_id"]),),
        type="primary",
        key="spw_adopt",
        icon=":material/add_location_alt:",
    )


# ------------------------------------------------------------------------------ tables


def uncovered(state: PageState, scenario: sp_coverage.Scenario) -> None:
    """The compounds no point of the type reaches: where a new point is needed."""
    kind = type_name(state.sp_type)
    st.subheader(t("sp.uncovered.title", type=kind, r=state.radius))
    rows = scenario.uncovered
    if rows.empty:
        st.info(t("sp.uncovered.none", type=kind, r=state.radius))
        return
    st.caption(
        t(
            "sp.uncovered.caption",
            n=len(rows),
            households=number(rows["households"].sum()),
            elderly=number(rows["residents_60_plus"].sum()),
        )
    )
    shown = rows.assign(dist_after=rows["dist_after"].where(rows["dist_after"] < math.inf))
    st.dataframe(
        shown[["name", "community", "grid", "households", "residents_60_plus", "dist_after"]],
        column_config={
            "name": st.column_config.TextColumn(t("sp.col.compound")),
            "community": st.column_config.TextColumn(t("common.community")),
            "grid": st.column_config.TextColumn(t("sp.col.grid")),
            "households": st.column_config.NumberColumn(t("common.households"), format="localized"),
            "residents_60_plus": st.column_config.NumberColumn(
                t("sp.col.elderly"), format="localized"
            ),
            "dist_after": st.column_config.NumberColumn(
                t("sp.col.nearest", type=kind), help=t("sp.col.nearest.help"), format="%d m"
            ),
        },
        hide_index=True,
        key="spw_uncovered",
    )


def coverage_table(table: pd.DataFrame) -> None:
    """300 / 500 / 800 m coverage by type and community, for households and for residents 60+."""
    st.subheader(t("sp.coverage.title"))
    st.caption(t("sp.coverage.caption"))
    if table.empty:
        st.info(t("sp.empty.area"))
        return
    shown = table.assign(
        type=table["type"].map(lambda c: label("sp_type", c)),
        community=table["community"].where(table["community_code"] != "", t("common.total")),
    )
    config: dict[str, object] = {
        "type": st.column_config.TextColumn(t("sp.col.type")),
        "community": st.column_config.TextColumn(t("common.community")),
        "households": st.column_config.NumberColumn(t("common.households"), format="localized"),
        "residents_60_plus": st.column_config.NumberColumn(t("sp.col.elderly"), format="localized"),
    }
    for measure in sp_coverage.COVERAGE_MEASURES:
        for r in RADII_M:
            col = f"{measure}_{r}"
            shown[col] = shown[col] * 100
            config[col] = st.column_config.NumberColumn(
                t(f"sp.col.share.{measure}", r=r),
                help=t("sp.col.share.help", r=r, minutes=WALK_MINUTES[r]),
                format="%.1f%%",
                width="small",
            )
    columns = ["type", "community", "households"]
    columns += [f"households_{r}" for r in RADII_M] + ["residents_60_plus"]
    columns += [f"residents_60_plus_{r}" for r in RADII_M]
    st.dataframe(shown[columns], column_config=config, hide_index=True, key="spw_coverage")


# ------------------------------------------------------------------------------ charts


def _type_colours_by_label() -> dict[str, str]:
    return {label("sp_type", code): colour for code, colour in TYPE_COLOURS.items()}


def charts_section(state: PageState, counts: pd.DataFrame, rates: pd.DataFrame) -> None:
    """Points per type, per community (stacked by type, in the map's colours), per 1,000 households."""
    st.subheader(t("sp.charts.title"))
    if counts.empty:
        st.info(t("sp.empty.points", type=type_name(ALL)))
        return
    colours = _type_colours_by_label()
    for code in set(counts["type"]) - set(TYPE_COLOURS):
        colours[label("sp_type", code)] = type_colour(code)
    typed = counts.assign(type=counts["type"].map(lambda c: label("sp_type", c)))
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown(f"**{t('sp.charts.by_type')}**")
        per_type = typed.groupby("type", as_index=False)["points"].sum()
        per_type = per_type.rename(columns={"points": "value"})
        order = per_type.sort_values("value", ascending=False)["type"].tolist()
        st.altair_chart(
            charts.stacked_bars(
                per_type, "type", "type", t("sp.charts.points"), t("sp.col.type"),
                colours, order=order, legend=False,
            ),
            width="stretch",
        )  # fmt: skip
    with right:
        chosen = (
            typed if not state.sp_type else typed[typed["type"] == label("sp_type", state.sp_type)]
        )
        st.markdown(f"**{t('sp.charts.by_community', type=type_name(state.sp_type))}**")
        if chosen.empty:
            st.info(t("sp.empty.type", type=type_name(state.sp_type)))
        else:
            st.altair_chart(
                charts.stacked_bars(
                    chosen.rename(columns={"points": "value"}), "community", "type",
                    t("sp.charts.points"), t("sp.col.type"), colours,
                ),
                width="stretch",
            )  # fmt: skip
    st.markdown(f"**{t('sp.charts.per_1000')}**")
    per_1000 = rates.dropna(subset=["per_1000"]).assign(
        series=t("sp.charts.per_1000.series"), value=lambda d: d["per_1000"]
    )
    if per_1000.empty:
        st.info(t("common.no_data"))
        return
    st.altair_chart(
        charts.stacked_bars(
            per_1000, "community", "series", t("sp.charts.per_1000.axis"), "",
            {t("sp.charts.per_1000.series"): charts.PALETTE[0]}, legend=False, fmt=",.1f",
            integer=False,
        ),
        width="stretch",
    )  # fmt: skip
    st.caption(t("sp.charts.per_1000.caption"))


def title_caption(f: Filters) -> None:
    page_header(t("sp.title"), t("sp.subtitle"), f, t("sp.as_of", end=f.end or t("sp.now")))


def empty_area() -> None:
    st.info(t("sp.empty.area"))


def pick_a_type() -> None:
    """With all types shown, the what-if waits for one type."""
    st.info(t("sp.whatif.pick_type"), icon=":material/touch_app:")
