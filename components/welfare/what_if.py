"""The 低保 standard what-if: a slider kept in the page state (a link's ?standard=), four cards
against today's standard, the options side by side and the money curve."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import charts, kpi, page_state
from components.data import query
from components.i18n import fig, lang, t
from components.rendered import chart
from components.tables import data_table
from components.url import add_url_notice, bad_value
from components.welfare.tables import count_text, withheld
from data_access import metrics, privacy
from data_access.engine.disclosure import SECONDARY
from data_access.filters import Filters
from data_access.text import numbers
from data_access.welfare import queries as welfare
from data_access.welfare import scenario as welfare_scenario
from data_access.welfare.rules import Scenario, change, round_yuan, what_if_bounds

K_STANDARD, K_STANDARD_BASE = "wf_standard", "_wf_standard_base"
URL_STANDARD = "standard"  # this page's URL parameter (components.registry.WELFARE)
RED_HEX = "#C62828"
PAIR_GAP_PX = 16  # gap="small" (1rem) between the two cards of a pair


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
    y_title = numbers.column_header(t("wf.whatif.curve.y"), "yuan", lang())
    x_title = t("wf.whatif.curve.x")
    curve = curve.assign(monthly_budget=curve["monthly_budget"] / _money_divisor())
    money_format = ",.2f" if _money_divisor() > 1 else ",.0f"
    line = (
        alt.Chart(curve[["standard", "monthly_budget"]])
        .mark_line(strokeWidth=3, color=charts.PALETTE[0])
        .encode(
            x=alt.X("standard:Q", title=x_title, scale=alt.Scale(zero=False)),
            y=alt.Y("monthly_budget:Q", title=y_title, axis=alt.Axis(format=",~f")),
            tooltip=[
                alt.Tooltip("standard:Q", title=x_title),
                alt.Tooltip("monthly_budget:Q", title=y_title, format=money_format),
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
    # Each label stands on the side of its line away from the other one: side by side they
    # ran into each other on a phone, where 100 yuan is a few pixels.
    right_of_line = [chosen <= today, chosen > today]  # today's label, the chosen one's
    texts = [
        alt.Chart(marks.iloc[[i]])
        .mark_text(
            align="left" if right_of_line[i] else "right",
            dx=4 if right_of_line[i] else -4,
            dy=-6,
            fontSize=13,
            baseline="top",
        )
        .encode(
            x="standard:Q", y=alt.value(0), text="label:N", color=alt.Color("colour:N", scale=None)
        )
        for i in range(len(marks))
    ]
    return charts._style(alt.layer(line, rules, *texts).properties(height=260))


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
    for column in ("monthly", "yearly", "change"):
        frame[column] = frame[column] / _money_divisor()
    small = fine and any(privacy.is_small(v) for v in (*frame["households"], *frame["persons"]))
    if small:  # money of one or two households is their income
        for column in ("monthly", "yearly", "change"):
            frame[column] = None
    return privacy.suppress_columns(frame, ["households", "persons"], fine)


def _scenario_cards(base: Scenario, new: Scenario, fine: bool) -> None:
    """Four cards: households and persons covered, money per month and per year, each with its
    change against today's standard. Money is compact (万元) with the exact sum in the ⓘ."""
    diff = change(new, base)
    counts_hidden = fine and any(
        privacy.is_small(v) for v in (base.households, base.persons, new.households, new.persons)
    )
    items = [
        ("wf.whatif.households", new.households, diff.households, "households"),
        ("wf.whatif.persons", new.persons, diff.persons, "persons"),
        ("wf.whatif.monthly", new.monthly_budget, diff.monthly_budget, "yuan"),
        ("wf.whatif.yearly", new.yearly_budget, diff.yearly_budget, "yuan"),
    ]
    # Pairs (counts, money) in an outer grid: four across where they fit (1440 px), two by two
    # below that (1280 px; a flat grid of four left the yearly sum alone on a second row), one
    # column on a phone.
    pair_px = 2 * kpi.MIN_CARD_PX + PAIR_GAP_PX
    pairs = st.grid(2, min_column_width=pair_px, gap="small")
    for pair in (items[:2], items[2:]):
        with pairs.cell():
            cards = st.grid(2, min_column_width=kpi.MIN_CARD_PX, border=True, gap="small")
            for key, value, delta, unit in pair:
                with cards.cell():
                    _scenario_card(key, value, delta, unit, fine, counts_hidden)


def _scenario_card(
    key: str, value: float, delta: float, unit: str, fine: bool, counts_hidden: bool
) -> None:
    # A scenario for one or two households would show their benefit: counts "<3", money "*".
    is_money = unit == "yuan"
    hide = counts_hidden
    if is_money:
        shown = SECONDARY if hide else fig(value, unit, compact=True)
    else:
        shown = count_text(value, unit, fine)
    help_parts = [t("wf.whatif.help.money" if is_money else "wf.whatif.help.count")]
    exact = fig(value, unit)
    if is_money and exact != shown and not hide:
        help_parts.append(t("kpi.exact", value=exact))
    st.metric(
        t(key),
        shown,
        delta=None if hide else numbers.change(delta, unit, lang()),
        delta_color="off",
        delta_arrow="auto" if delta else "off",
        delta_description=None if hide else t("wf.whatif.vs_today"),
        help="\n\n".join(help_parts),
    )


def _options_frame_config() -> dict[str, object]:
    return {
        "option": t("wf.whatif.col.option"),
        "standard": st.column_config.NumberColumn(t("wf.whatif.col.standard"), format="%d"),
        "households": st.column_config.TextColumn(t("wf.col.households"), alignment="right"),
        "persons": st.column_config.TextColumn(t("wf.col.persons"), alignment="right"),
        **{
            c: st.column_config.NumberColumn(
                numbers.column_header(t(f"wf.whatif.col.{c}"), "yuan", lang()),
                format="%.2f" if _money_divisor() > 1 else "localized",
            )
            for c in ("monthly", "yearly", "change")
        },
    }


def _money_divisor() -> float:
    """Money in the table and the curve reads in 万元 in Chinese, as on the cards."""
    return numbers.column_scale("yuan", lang())[0]


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
        t("wf.whatif.minimum", minimum=numbers.plain(today_std.min_benefit_yuan))
        if today_std.min_benefit_yuan is not None
        else ""
    )
    st.caption(
        t(
            "wf.whatif.today",
            standard=numbers.plain(today_std.yuan_per_person_month),
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
        format=t("wf.whatif.slider.format"),
        help=t("wf.whatif.slider.help"),
    )

    if withheld(f):
        st.info(t("wf.whatif.withheld"), icon=":material/lock:")
        return
    fine = bool(f.grids)
    base = query(welfare_scenario.what_if, f, None)
    new = query(welfare_scenario.what_if, f, float(chosen))
    _scenario_cards(base, new, fine)
    st.caption(t("wf.whatif.caption"))
    paid = query(metrics.value, "dibao_paid_month", f)
    st.caption(
        t(
            "wf.whatif.paid_note",
            paid=numbers.plain(paid or 0),
            formula=numbers.plain(base.monthly_budget),
        )
    )

    st.markdown(f"**{t('wf.whatif.table')}**")
    data_table(_options_table(f, today, int(chosen), fine), column_config=_options_frame_config())
    st.markdown(f"**{t('wf.whatif.curve')}**")
    standards = tuple(float(v) for v in range(low, high + 1, step))
    curve = query(welfare_scenario.what_if_curve, f, standards).copy()
    if fine:  # a standard at which only one or two households qualify shows no money
        curve.loc[curve["households"].between(1, 2), "monthly_budget"] = None
    chart(_curve_chart, curve, today, int(chosen))
