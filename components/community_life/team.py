"""The community team (两委): cards by education, age band and party membership, seats and people
by body (a person on both bodies counted once), and the profile as stacked bars."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import charts, kpi
from components.community_life.tables import table
from components.data import query
from components.i18n import label, t
from components.rendered import chart
from data_access.community_life import cards as card_list
from data_access.community_life import queries as q
from data_access.filters import Filters

COLOURS = charts.PALETTE


def _body_label(body: str) -> str:
    if body in ("both", "total"):
        return t(f"cl.team.{body}")
    return label("cadre_body", body)


def _profile_long(profile: pd.DataFrame) -> pd.DataFrame:
    """dimension, group, value: people per education level, age band and party membership."""
    rows = []
    for dim, column, name in (
        ("education", "education", lambda v: label("education", v)),
        ("age", "age_band", lambda v: t(f"cl.team.age.{v}")),
        ("party", "party_member", lambda v: t(f"cl.team.party.{'yes' if v else 'no'}")),
    ):
        for value, n in profile.groupby(column, sort=False)["cadres"].sum().items():
            rows.append((t(f"cl.team.dim.{dim}"), name(value), int(n)))
    return pd.DataFrame(rows, columns=["dimension", "group", "value"])


def team(f: Filters) -> None:
    st.header(t("cl.team"))
    st.caption(t("cl.team.caption"))
    kpi.card_grid([kpi.snapshot(k, f) for k in card_list.TEAM], columns=3)
    bodies = query(q.cadres_by_body, f)
    if bodies.empty:
        st.info(t("cl.team.empty"))
        return
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('cl.team.body')}**")
        shown = bodies.assign(body=[_body_label(b) for b in bodies["body"]])
        table(shown, numbers=("seats", "people"), key="cl_team_table")
    with right:
        st.markdown(f"**{t('cl.team.profile')}**")
        long = _profile_long(query(q.cadre_profile, f))
        groups = list(dict.fromkeys(long["group"]))
        colours = {g: COLOURS[i % len(COLOURS)] for i, g in enumerate(groups)}
        chart(
            charts.stacked_bars,
            long,
            "dimension",
            "group",
            t("cl.col.value"),
            t("cl.col.group"),
            colours,
            order=[t(f"cl.team.dim.{d}") for d in ("education", "age", "party")],
        )
