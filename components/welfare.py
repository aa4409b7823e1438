"""Widgets of the 社会救助 page: cards, coverage, the standard what-if, trends, breakdowns, the
aggregated map, payment checks, reviews and the editor-only roster.

Every figure comes from `data_access.queries.welfare*` through `query`. Counts finer than a
community arrive from data_access already suppressed ("<3"); counts this module shows itself
while a grid is chosen go through the same `privacy` rule. Personal data is requested only for
a user who may see it, and arrives masked.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable

import altair as alt
import pandas as pd
import pydeck as pdk
import streamlit as st

from components import charts, kpi, page_state
from components.data import query
from components.i18n import label, lang, t
from components.url import add_url_notice, bad_value
from data_access import metrics, privacy
from data_access.filters import Filters
from data_access.queries import (
    common,
    welfare,
    welfare_breakdowns,
    welfare_checks,
    welfare_personal,
    welfare_scenario,
)
from data_access.text import numbers
from data_access.users import User
from data_access.welfare_logic import (
    DEFAULT_REVIEW_POLICY,
    ReviewPolicy,
    change,
    round_yuan,
    what_if_bounds,
)

K_STABLE, K_UNSTABLE, K_TOLERANCE = "wf_review_stable", "wf_review_unstable", "wf_tolerance"
K_STANDARD, K_STANDARD_BASE = "wf_standard", "_wf_standard_base"
URL_STANDARD = "standard"  # this page's URL parameter (components.registry.WELFARE)

CARD_KEYS = (
    "dibao_persons",
    "dibao_households",
    "tekun_households",
    "dibao_paid_month",
    "dibao_benefit_per_person",
    "dibao_review_due",
)
COUNT_KEYS = {"dibao_persons", "dibao_households", "tekun_households", "dibao_review_due"}
CARD_HEIGHT = 150
MAP_WIDTH_PX, MAP_HEIGHT_PX = 900, 480
RED = [198, 40, 40]
RED_HEX = "#C62828"
BLUE = [0, 114, 178]


# ------------------------------------------------------------------------------ settings


def settings() -> ReviewPolicy:
    """The review intervals of this session (their widgets are further down the page, so the
    cards at the top read them from the session), and the formula tolerance's default."""
    st.session_state.setdefault(K_STABLE, DEFAULT_REVIEW_POLICY.stable_months)
    st.session_state.setdefault(K_UNSTABLE, DEFAULT_REVIEW_POLICY.unstable_months)
    st.session_state.setdefault(K_TOLERANCE, welfare_checks.DEFAULT_TOLERANCE_YUAN)
    return ReviewPolicy(int(st.session_state[K_STABLE]), int(st.session_state[K_UNSTABLE]))


def has_recipients(f: Filters) -> bool:
    """Any 低保 or 特困 household in force in the area at the period's end (else: the empty state)."""
    total = query(metrics.value, "dibao_households", f) + query(
        metrics.value, "tekun_households", f
    )
    return total > 0


# ------------------------------------------------------------------------------ formatting


def _yuan(value: float | None) -> str:
    if value is None or pd.isna(value):
        return "—"
    return f"¥{value:,.0f}" if lang() == "en" else f"{value:,.0f}元"


def _count(value: float | None, unit_zh: str, fine: bool) -> str:
    text = privacy.count_text(value, fine)
    return text if lang() == "en" or text == "—" else f"{text}{unit_zh}"


def _labels(columns: Iterable[str], counts: Iterable[str] = ()) -> dict[str, object]:
    """Translated headers; `counts` are text after suppression ("<3"), aligned like numbers."""
    config: dict[str, object] = {c: t(f"wf.col.{c}") for c in columns}
    for c in counts:
        config[c] = st.column_config.TextColumn(t(f"wf.col.{c}"), alignment="right")
    return config


def _table(
    df: pd.DataFrame,
    numbers: Iterable[str] = (),
    percent: Iterable[str] = (),
    counts: Iterable[str] = (),
) -> None:
    """A dataframe with translated headers; numbers and percentages formatted, text counts as given."""
    config = _labels(df.columns, counts)
    for c in numbers:
        config[c] = st.column_config.NumberColumn(t(f"wf.col.{c}"), format="localized")
    for c in percent:
        config[c] = st.column_config.NumberColumn(t(f"wf.col.{c}"), format="percent")
    st.dataframe(df, column_config=config, hide_index=True, height=_rows_height(len(df)))


def _rows_height(rows: int) -> int | str:
    """Show short tables whole; long ones (a city's grids, a roster) scroll."""
    return "content" if rows <= 20 else "auto"


# ------------------------------------------------------------------------------ cards


def cards(f: Filters, policy: ReviewPolicy) -> None:
    """The six headline cards in rows of three, with change against the previous period."""
    review = {"stable_months": policy.stable_months, "unstable_months": policy.unstable_months}
    snaps = [kpi.snapshot(k, f, **(review if k == "dibao_review_due" else {})) for k in CARD_KEYS]
    review_help = t(
        "wf.cards.review_help", stable=policy.stable_months, unstable=policy.unstable_months
    )
    kpi.card_grid(snaps, columns=3, extra_help={"dibao_review_due": review_help})
    prev_f = snaps[0].previous_filters
    if prev_f is not None:
        st.caption(t("wf.cards.compare", start=prev_f.start, end=prev_f.end))
    else:
        st.caption(t("wf.cards.no_compare"))


# ------------------------------------------------------------------------------ coverage


def coverage(f: Filters) -> None:
    """Coverage two ways, each with its definition and the numbers it divides beside it."""
    fine = bool(f.grids)
    table = query(welfare.coverage_by_community, f)
    persons, population = table["dibao_persons"].sum(), table["population"].sum()
    known = table[table["low_income_households"].notna()]
    pop_rate = query(metrics.value, "dibao_coverage_population", f)
    hh_rate = query(metrics.value, "dibao_coverage_low_income", f)
    left, right = st.columns(2)
    with left, st.container(border=True):
        shown = (
            t("wf.coverage.suppressed")
            if fine and privacy.is_small(persons)
            else numbers.percent(pop_rate)
        )
        st.metric(
            t("wf.coverage.population"), shown, help=t("metric.dibao_coverage_population.help")
        )
        st.caption(
            t(
                "wf.coverage.population.def",
                persons=privacy.count_text(persons, fine),
                population=f"{population:,.0f}",
            )
        )
    with right, st.container(border=True):
        if hh_rate is None or known.empty:
            st.metric(
                t("wf.coverage.households"),
                t("wf.coverage.no_data"),
                help=t("metric.dibao_coverage_low_income.help"),
            )
            st.caption(t("wf.coverage.no_data.def"))
        else:
            st.metric(
                t("wf.coverage.households"),
                numbers.percent(hh_rate),
                help=t("metric.dibao_coverage_low_income.help"),
            )
            st.caption(
                t(
                    "wf.coverage.households.def",
                    enrolled=f"{known['dibao_households'].sum():,.0f}",
                    identified=f"{known['low_income_households'].sum():,.0f}",
                )
            )
        if fine:
            st.caption(t("wf.coverage.grid_note"))
    if not fine:
        shown_cols = [
            "name",
            "dibao_persons",
            "population",
            "population_rate",
            "dibao_households",
            "low_income_households",
            "household_rate",
        ]
        frame = table[shown_cols].rename(columns={"name": "community"})
        # Where a community has no identified low-income figure, say so in words, not "None".
        missing = t("wf.coverage.no_data")
        frame["low_income_households"] = [
            missing if pd.isna(v) else f"{v:,.0f}" for v in frame["low_income_households"]
        ]
        frame["household_rate"] = [
            missing if pd.isna(v) else f"{v:.1%}" for v in frame["household_rate"]
        ]
        _table(
            frame,
            numbers=("dibao_persons", "population", "dibao_households"),
            percent=("population_rate",),
            counts=("low_income_households", "household_rate"),
        )


# ------------------------------------------------------------------------------ the what-if


def _valid_standard(value: int, low: int, high: int, step: int) -> bool:
    return low <= value <= high and (value - low) % step == 0


def _chosen_standard(today: int, low: int, high: int, step: int) -> int:
    """The scenario's standard from the page state (a link's ?standard=, or as last left);
    today's when none is set. When today's standard changes under the slider (another period),
    the scenario starts again from the new one."""
    chosen = page_state.state()["standard"]
    base = st.session_state.get(K_STANDARD_BASE)
    if chosen is not None and base is not None and base != today:
        chosen = None
    elif chosen is not None and not _valid_standard(chosen, low, high, step):
        reason = t("wf.whatif.bad_standard", low=low, high=high, step=step)
        text = bad_value(URL_STANDARD, str(chosen), reason)
        add_url_notice(text)
        st.warning(t("url.notice", items=text), icon="⚠️")
        chosen = None
    st.session_state[K_STANDARD_BASE] = today
    page_state.update(standard=chosen)
    return today if chosen is None else chosen


def _curve_chart(curve: pd.DataFrame, today: int, chosen: int) -> alt.LayerChart:
    y_title, x_title = t("wf.whatif.curve.y"), t("wf.whatif.curve.x")
    line = (
        alt.Chart(curve[["standard", "monthly_budget"]])
        .mark_line(strokeWidth=3, color=charts.PALETTE[0])
        .encode(
            x=alt.X("standard:Q", title=x_title, scale=alt.Scale(zero=False)),
            y=alt.Y("monthly_budget:Q", title=y_title, axis=alt.Axis(format=",.0f")),
            tooltip=[
                alt.Tooltip("standard:Q", title=x_title),
                alt.Tooltip("monthly_budget:Q", title=y_title, format=",.0f"),
            ],
        )
    )
    marks = pd.DataFrame(
        {
            "standard": [today, chosen],
            "label": [t("wf.whatif.row.today"), t("wf.whatif.row.chosen")],
            "colour": [charts.PALETTE[7], RED_HEX],
        }
    )
    if chosen == today:  # one line, one label: the chosen standard is today's
        marks = marks.iloc[:1]
    rules = (
        alt.Chart(marks)
        .mark_rule(strokeDash=[6, 4], strokeWidth=2)
        .encode(x="standard:Q", color=alt.Color("colour:N", scale=None))
    )
    text = (
        alt.Chart(marks)
        .mark_text(align="left", dx=4, dy=-6, fontSize=13, baseline="top")
        .encode(
            x="standard:Q", y=alt.value(0), text="label:N", color=alt.Color("colour:N", scale=None)
        )
    )
    return charts._style(alt.layer(line, rules, text).properties(height=260))


def _options_table(f: Filters, today: int, chosen: int, fine: bool) -> pd.DataFrame:
    values = [today, today + 50, today + 100]
    names = [
        t("wf.whatif.row.today"),
        t("wf.whatif.row.plus", amount=50),
        t("wf.whatif.row.plus", amount=100),
    ]
    if chosen not in values:
        values.append(chosen)
        names.append(t("wf.whatif.row.chosen"))
    curve = query(welfare_scenario.what_if_curve, f, tuple(float(v) for v in values))
    frame = pd.DataFrame(
        {
            "option": names,
            "standard": values,
            "households": curve["households"],
            "persons": curve["persons"],
            "monthly": curve["monthly_budget"],
            "yearly": curve["yearly_budget"],
            "change": curve["yearly_budget"] - curve["yearly_budget"].iloc[0],
        }
    )
    return privacy.suppress_columns(frame, ["households", "persons"], fine)


def what_if(f: Filters) -> None:
    """The 低保 standard slider and what it would mean, against today's standard."""
    today_std = query(welfare.current_standard, f, "dibao")
    if today_std is None:
        st.info(t("wf.whatif.no_standard"))
        return
    today = round_yuan(today_std.yuan_per_person_month)
    low, high, step = what_if_bounds(today)
    _chosen_standard(today, low, high, step)
    minimum = (
        t("wf.whatif.minimum", minimum=f"{today_std.min_benefit_yuan:,.0f}")
        if today_std.min_benefit_yuan is not None
        else ""
    )
    st.caption(
        t(
            "wf.whatif.today",
            standard=f"{today_std.yuan_per_person_month:,.0f}",
            since=today_std.effective_from.isoformat() if today_std.effective_from else "—",
            minimum=minimum,
        )
    )
    chosen = st.slider(
        t("wf.whatif.slider"),
        min_value=low,
        max_value=high,
        step=step,
        **page_state.bound(
            URL_STANDARD,
            K_STANDARD,
            to_widget=lambda v: today if v is None else v,
            from_widget=lambda v: None if int(v) == today else int(v),
        ),
        format="¥%d" if lang() == "en" else "%d 元",
        help=t("wf.whatif.slider.help"),
    )

    fine = bool(f.grids)
    base = query(welfare_scenario.what_if, f, None)
    new = query(welfare_scenario.what_if, f, float(chosen))
    diff = change(new, base)
    counts_hidden = fine and any(
        privacy.is_small(v) for v in (base.households, base.persons, new.households, new.persons)
    )
    cols = st.columns(4)
    items = [
        ("wf.whatif.households", _count(new.households, "户", fine), diff.households, "count"),
        ("wf.whatif.persons", _count(new.persons, "人", fine), diff.persons, "count"),
        ("wf.whatif.monthly", _yuan(new.monthly_budget), diff.monthly_budget, "money"),
        ("wf.whatif.yearly", _yuan(new.yearly_budget), diff.yearly_budget, "money"),
    ]
    for col, (key, shown, delta, kind) in zip(cols, items, strict=True):
        hide = kind == "count" and counts_hidden
        with col, st.container(border=True):
            st.metric(
                t(key),
                shown,
                delta=None if hide else f"{delta:+,}",
                delta_color="off",
                delta_arrow="auto" if delta else "off",
                delta_description=None if hide else t("wf.whatif.vs_today"),
                help=t(f"wf.whatif.help.{kind}"),
            )
    st.caption(t("wf.whatif.caption"))
    paid = query(metrics.value, "dibao_paid_month", f)
    st.caption(
        t("wf.whatif.paid_note", paid=f"{paid or 0:,.0f}", formula=f"{base.monthly_budget:,.0f}")
    )

    st.markdown(f"**{t('wf.whatif.table')}**")
    options = _options_table(f, today, int(chosen), fine)
    st.dataframe(
        options,
        column_config={
            "option": t("wf.whatif.col.option"),
            "standard": st.column_config.NumberColumn(t("wf.whatif.col.standard"), format="%d"),
            "households": st.column_config.TextColumn(t("wf.col.households"), alignment="right"),
            "persons": st.column_config.TextColumn(t("wf.col.persons"), alignment="right"),
            "monthly": st.column_config.NumberColumn(
                t("wf.whatif.col.monthly"), format="localized"
            ),
            "yearly": st.column_config.NumberColumn(t("wf.whatif.col.yearly"), format="localized"),
            "change": st.column_config.NumberColumn(t("wf.whatif.col.change"), format="localized"),
        },
        hide_index=True,
    )
    st.markdown(f"**{t('wf.whatif.curve')}**")
    curve = query(
        welfare_scenario.what_if_curve, f, tuple(float(v) for v in range(low, high + 1, step))
    )
    st.altair_chart(_curve_chart(curve, today, int(chosen)), width="stretch")


# ------------------------------------------------------------------------------ trends


def trends(f: Filters) -> None:
    persons = query(welfare.persons_trend, f)
    paid = query(welfare.paid_trend, f)
    if persons.empty:
        st.info(t("common.no_data"))
        return
    st.caption(t("wf.trend.caption"))
    left, right = st.columns(2)
    series_title = t("common.community")
    left.altair_chart(
        charts.monthly_lines(persons, t("wf.trend.persons"), series_title, t("common.month")),
        width="stretch",
    )
    right.altair_chart(
        charts.monthly_lines(paid, t("wf.trend.paid"), series_title, t("common.month")),
        width="stretch",
    )


# ------------------------------------------------------------------------------ breakdowns


def _size_chart(size: pd.DataFrame) -> alt.Chart:
    order = [t(f"wf.size.{b}") for b in welfare_breakdowns.SIZE_BANDS]
    data = pd.DataFrame(
        {
            "size": [t(f"wf.size.{b}") for b in size["size_band"]],
            "community": size["community"],
            "value": size["households_value"],
            "households": size["households"],
            "persons": size["persons"],
        }
    )
    size_title, community_title = t("wf.col.size"), t("wf.col.community")
    base = alt.Chart(data).encode(
        x=alt.X("size:N", title=None, sort=order, axis=alt.Axis(labelAngle=0, labelOverlap=False)),
        xOffset=alt.XOffset("community:N"),
        color=alt.Color(
            "community:N", title=community_title, scale=alt.Scale(range=charts.PALETTE)
        ),
        tooltip=[
            alt.Tooltip("community:N", title=community_title),
            alt.Tooltip("size:N", title=size_title),
            alt.Tooltip("households:N", title=t("wf.col.households")),
            alt.Tooltip("persons:N", title=t("wf.col.persons")),
        ],
    )
    bars = base.mark_bar().encode(y=alt.Y("value:Q", title=t("wf.col.households")))
    labels = base.mark_text(dy=-8, fontSize=12).encode(
        y=alt.Y("value:Q"), text=alt.Text("households:N")
    )
    return charts._style((bars + labels).properties(height=300))


def _grid_chart(grid: pd.DataFrame) -> alt.Chart:
    data = pd.DataFrame(
        {
            "grid": grid["grid"],
            "bar": grid["dibao_value"],
            "pos": grid["dibao_value"].fillna(0),
            "label": grid["dibao_households"],
        }
    )
    value_title = t("wf.col.dibao_households")
    base = alt.Chart(data).encode(
        y=alt.Y("grid:N", title=None, sort=None, axis=alt.Axis(labelLimit=200, labelOverlap=False)),
        tooltip=[
            alt.Tooltip("grid:N", title=t("wf.col.grid")),
            alt.Tooltip("label:N", title=value_title),
        ],
    )
    bars = base.mark_bar(color=charts.PALETTE[0]).encode(x=alt.X("bar:Q", title=value_title))
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(x="pos:Q", text="label:N")
    return charts._style((bars + labels).properties(height=max(160, 30 * len(data))))


def breakdowns(f: Filters) -> None:
    """Households by size (exact per community; suppressed under a grid filter) and by grid
    (suppressed), each as a chart with its table beside it."""
    size = query(welfare_breakdowns.size_breakdown, f)
    grid = query(welfare_breakdowns.grid_breakdown, f)
    left, right = st.columns([2, 3])
    with left:
        st.markdown(f"**{t('wf.breakdown.size')}**")
        st.altair_chart(_size_chart(size), width="stretch")
    with right:
        table = size[["community", "size_band", "households", "persons"]].copy()
        table["size_band"] = [t(f"wf.size.{b}") for b in table["size_band"]]
        st.dataframe(
            table.rename(columns={"size_band": "size"}),
            column_config=_labels(
                ["community", "size", "households", "persons"], counts=["households", "persons"]
            ),
            hide_index=True,
            height=_rows_height(len(table)),
        )
    st.markdown(f"**{t('wf.breakdown.grid')}**")
    if grid.empty:
        st.info(t("common.no_data"))
        return
    left, right = st.columns([2, 3])
    left.altair_chart(_grid_chart(grid), width="stretch")
    columns = ["grid", "community", "dibao_households", "dibao_persons", "tekun_households"]
    right.dataframe(
        grid[columns],
        column_config=_labels(columns, counts=columns[2:]),
        hide_index=True,
        height=_rows_height(len(grid)),
    )


# ------------------------------------------------------------------------------ the map


def _view(features: list[dict]) -> pdk.ViewState:
    """Centre and zoom that fit the grids' outlines into the map (at least MAP_WIDTH_PX wide)."""
    lons, lats = [], []
    for feature in features:
        for ring in feature["geometry"]["coordinates"]:
            lons.extend(p[0] for p in ring)
            lats.extend(p[1] for p in ring)
    centre_lat = (min(lats) + max(lats)) / 2
    # deck.gl's world is 512 px wide at zoom 0; latitudes stretch by 1 / cos(latitude).
    lon_span = max(max(lons) - min(lons), 1e-4)
    lat_span = max(max(lats) - min(lats), 1e-4) / math.cos(math.radians(centre_lat))
    zoom = min(
        math.log2(MAP_WIDTH_PX * 360 / (512 * lon_span)),
        math.log2(MAP_HEIGHT_PX * 0.9 * 360 / (512 * lat_span)),
    )
    return pdk.ViewState(
        latitude=centre_lat,
        longitude=(min(lons) + max(lons)) / 2,
        zoom=round(max(8.0, min(17.0, zoom - 0.15)), 2),
    )


def recipients_map(f: Filters) -> None:
    """Grids shaded by recipient households and compounds as circles; no basemap, no outside request."""
    grid = query(welfare_breakdowns.map_grids, f)
    grid = grid[grid["boundary"].notna()]
    if grid.empty:
        st.info(t("wf.map.empty"))
        return
    compounds = query(welfare_breakdowns.map_compounds, f)
    heaviest = max(float(grid["weight"].max()), 1.0)
    features = [
        {
            "type": "Feature",
            "geometry": json.loads(r.boundary),
            "properties": {
                "name": f"{r.grid}（{r.community}）"
                if lang() == "zh"
                else f"{r.grid} ({r.community})",
                "tip": t(
                    "wf.map.tip",
                    dibao=r.dibao_households,
                    persons=r.dibao_persons,
                    tekun=r.tekun_households,
                ),
                "fill": [*RED, int(25 + 175 * r.weight / heaviest)],
            },
        }
        for r in grid.itertuples(index=False)
    ]
    outlines = query(common.boundaries, f)
    outlines = outlines[(outlines["level"] == "community") & outlines["boundary"].notna()]
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id="wf-grids",
            data={"type": "FeatureCollection", "features": features},
            filled=True,
            stroked=True,
            get_fill_color="properties.fill",
            get_line_color=[90, 90, 90, 200],
            line_width_min_pixels=1,
            pickable=True,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            id="wf-communities",
            data={
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "geometry": json.loads(b), "properties": {}}
                    for b in outlines["boundary"]
                ],
            },
            filled=False,
            stroked=True,
            get_line_color=[40, 40, 40, 255],
            line_width_min_pixels=3,
            pickable=False,
        ),
    ]
    if not compounds.empty:
        points = [
            {
                "name": r.compound,
                "tip": t(
                    "wf.map.tip",
                    dibao=r.dibao_households,
                    persons=r.dibao_persons,
                    tekun=r.tekun_households,
                ),
                "lon": r.lon,
                "lat": r.lat,
                "radius": round(14 + 7 * math.sqrt(r.weight), 1),
            }
            for r in compounds.itertuples(index=False)
        ]
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                id="wf-compounds",
                data=points,
                get_position="[lon, lat]",
                get_radius="radius",  # metres (deck.gl's default unit; pydeck would turn a
                # radius_units string into an expression)
                get_fill_color=[*BLUE, 190],
                get_line_color=[255, 255, 255, 230],
                stroked=True,
                line_width_min_pixels=1,
                pickable=True,
            )
        )
    deck = pdk.Deck(
        map_provider=None,
        layers=layers,
        initial_view_state=_view(features),
        tooltip={
            "html": "<b>{name}</b><br/>{tip}",
            "style": {"fontFamily": charts.FONT, "fontSize": "13px"},
        },
    )
    st.pydeck_chart(deck, height=MAP_HEIGHT_PX)
    st.caption(t("wf.map.caption"))


# ------------------------------------------------------------------------------ payment checks


def _details_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    if "category" in out:
        out["category"] = [label("welfare_category", c) for c in out["category"]]
    if "status" in out:
        out["status"] = [label("welfare_status", c) for c in out["status"]]
    return out


def integrity(f: Filters, user: User) -> None:
    """Three checks as counts (everyone) with drill-down lists (editors of the community only)."""
    st.number_input(
        t("wf.integrity.tolerance"),
        min_value=0,
        max_value=500,
        step=5,
        key=K_TOLERANCE,
        help=t("wf.integrity.tolerance.help"),
        width=260,
    )
    tolerance = int(st.session_state[K_TOLERANCE])
    summary = query(welfare_checks.integrity_summary, f, tolerance)
    fine = bool(f.grids)
    for col, row in zip(st.columns(3), summary.itertuples(index=False), strict=True):
        unit = t(f"wf.check.{row.check}.unit")
        count = privacy.count_text(row.cases, fine)
        with col, st.container(border=True):
            st.metric(
                t(f"wf.check.{row.check}"),
                f"{count} {unit}",
                help=t(f"wf.check.{row.check}.def"),
            )
            st.caption(
                t(
                    "wf.check.amount",
                    amount=f"{row.amount_yuan:,.0f}",
                    households=privacy.count_text(row.households, fine),
                )
            )
            st.caption(t(f"wf.check.{row.check}.def"))
    if not user.sees_personal_data:
        st.info(t("wf.editors_only"), icon=":material/lock:")
        return
    details = query(welfare_personal.integrity_details, user, f, tolerance)
    for check, df in details.items():
        with st.expander(t("wf.details", check=t(f"wf.check.{check}"), n=len(df))):
            _table(
                _details_frame(df),
                numbers=[
                    c
                    for c in (
                        "monthly_benefit_yuan",
                        "amount_yuan",
                        "recorded",
                        "expected",
                        "difference",
                    )
                    if c in df
                ],
            )


# ------------------------------------------------------------------------------ reviews and roster


def reviews(f: Filters, policy: ReviewPolicy) -> None:
    """The interval settings and who is due, by community."""
    left, right, _ = st.columns([1, 1, 1])
    left.number_input(t("wf.review.stable"), min_value=1, max_value=36, step=1, key=K_STABLE)
    right.number_input(t("wf.review.unstable"), min_value=1, max_value=36, step=1, key=K_UNSTABLE)
    table = query(welfare_checks.review_due_breakdown, f, policy)
    _table(table, counts=[c for c in table.columns if c != "community"])


def roster(f: Filters, user: User) -> None:
    """The masked roster of the user's communities; viewers are told it is for editors."""
    if not user.sees_personal_data:
        st.info(t("wf.roster.editors_only"), icon=":material/lock:")
        return
    st.caption(t("wf.roster.caption"))
    df = query(welfare_personal.roster, user, f)
    if df.empty:
        st.info(t("wf.roster.empty"))
        return
    _table(_details_frame(df), numbers=["per_capita_income_yuan", "monthly_benefit_yuan"])
