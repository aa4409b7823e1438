"""Zero-employment families (动态清零 within 30 days) and the 充分就业社区 verdict per community.

Viewers see counts only; an editor sees the families of their communities with the member's name
masked, the ones not cleared in time first."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components.data import query
from components.device import is_mobile
from components.i18n import fig, t
from components.rendered import rendered
from components.tables import data_table
from data_access.admin.users import User
from data_access.employment import families as employment_families
from data_access.employment.rules import CLEAR_DAYS, FULL_EMPLOYMENT_RATE, LONG_MONTHS
from data_access.filters import Filters
from data_access.text import numbers

GREEN, RED = "#1B7F3B", "#B91C1C"


def families(f: Filters, user: User) -> None:
    counts = query(employment_families.family_counts, f)
    if counts.empty:
        st.info(t("em.withheld"), icon=":material/lock:")
        return
    if int(counts["families"].sum()) == 0:
        st.info(t("em.families.empty"))
        return
    table = pd.DataFrame(
        {
            t("em.col.community"): counts["community"],
            t("em.fam.families"): counts["families"].astype(int),
            t("em.fam.in_time"): counts["in_time"].astype(int),
            t("em.fam.late"): counts["late"].astype(int),
            t("em.fam.overdue"): counts["overdue"].astype(int),
            t("em.fam.open"): counts["open"].astype(int),
            t("em.fam.median_days"): counts["median_days"],
        }
    )
    data_table(table, height="content")
    flagged = int(counts["flagged"].sum())
    if flagged:
        st.warning(t("em.fam.flagged", n=flagged, days=CLEAR_DAYS), icon=":material/flag:")
    else:
        st.success(t("em.fam.all_in_time", days=CLEAR_DAYS))
    if not user.sees_personal_data:
        st.info(t("em.fam.editors_only"), icon=":material/lock:")
        return
    listed = query(employment_families.family_list, user, f)
    if listed.empty:
        return
    listed = listed.assign(status=[t(f"em.fam.status.{s}") for s in listed["status"]])
    listed.columns = [t(f"em.fam.col.{c}") for c in listed.columns]
    data_table(listed, height="content")


def _criterion_value(row) -> str:
    if row.criterion.startswith("rate"):
        if row.value is None or row.value != row.value:
            return t("em.fe.no_one")
        return t(
            "em.fe.rate_value",
            share=numbers.percent(row.value, 1),
            placed=fig(row.numerator, "persons"),
            total=fig(row.denominator, "persons"),
        )
    unit = "families" if row.criterion == "families" else "persons"
    return fig(row.numerator, unit)


def _full_employment_cards(f: Filters, stacked: bool = False) -> list[tuple[str, str]] | None:
    """(community code, HTML) of each community's criteria; None when withheld. Stacked (a
    phone): each criterion a block of its own lines instead of a four-column table row, which
    was wider than a phone's screen."""
    df = query(employment_families.full_employment, f)
    if df.empty:
        return None
    rules = {
        "rate_all": t("em.fe.rule.rate_all", rate=numbers.percent(FULL_EMPLOYMENT_RATE, 0)),
        "rate_difficult": t(
            "em.fe.rule.rate_difficult", rate=numbers.percent(FULL_EMPLOYMENT_RATE, 0)
        ),
        "long_unemployed": t("em.fe.rule.long_unemployed", months=LONG_MONTHS),
        "families": t("em.fe.rule.families", days=CLEAR_DAYS),
    }
    cards = []
    for code, part in df.groupby("community_code", sort=True):
        name = part["community"].iloc[0]
        met = bool(part["passed"].all())
        verdict = t("em.fe.verdict.yes") if met else t("em.fe.verdict.no")
        colour = GREEN if met else RED
        head = (
            f'<div style="font-weight:600;font-size:1.05rem">'
            f"{html.escape(t('em.fe.community', name=name))} "
            f'<span style="color:{colour}">{html.escape(verdict)}</span></div>'
        )
        body = _criteria_blocks(part, rules) if stacked else _criteria_table(part, rules)
        cards.append((code, head + body))
    return cards


def _mark(r) -> str:
    word = html.escape(t("em.fe.pass") if r.passed else t("em.fe.fail"))
    return (
        f'<span style="color:{GREEN if r.passed else RED};font-weight:600;white-space:nowrap">'
        f"{'●' if r.passed else '▼'} {word}</span>"
    )


def _criteria_table(part: pd.DataFrame, rules: dict[str, str]) -> str:
    rows = "".join(
        f"<tr><td>{_mark(r)}</td>"
        f"<td>{html.escape(t(f'em.fe.criterion.{r.criterion}'))}</td>"
        f'<td style="white-space:nowrap">{html.escape(_criterion_value(r))}</td>'
        f'<td style="color:#555">{html.escape(rules[r.criterion])}</td></tr>'
        for r in part.itertuples(index=False)
    )
    return (
        f'<table class="em-fe" style="width:100%;border-collapse:collapse;margin-top:6px">'
        f"<tr><th>{html.escape(t('em.fe.col.status'))}</th>"
        f"<th>{html.escape(t('em.fe.col.criterion'))}</th>"
        f"<th>{html.escape(t('em.fe.col.figure'))}</th>"
        f"<th>{html.escape(t('em.fe.col.rule'))}</th></tr>{rows}</table>"
    )


def _criteria_blocks(part: pd.DataFrame, rules: dict[str, str]) -> str:
    return "".join(
        f'<div class="em-fe-item" style="margin-top:8px">{_mark(r)} '
        f"<b>{html.escape(t(f'em.fe.criterion.{r.criterion}'))}</b> "
        f"{html.escape(_criterion_value(r))}"
        f'<div style="color:#555;font-size:0.9rem">{html.escape(rules[r.criterion])}</div></div>'
        for r in part.itertuples(index=False)
    )


def full_employment(f: Filters) -> None:
    cards = rendered(_full_employment_cards, f, is_mobile())
    if cards is None:
        st.info(t("em.withheld"), icon=":material/lock:")
        return
    for code, card in cards:
        with st.container(border=True, key=f"em_fe_{code}"):
            st.markdown(card, unsafe_allow_html=True)
    st.caption(t("em.fe.caption"))
