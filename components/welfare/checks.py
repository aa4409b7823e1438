"""Checks on the records: the three payment checks (counts for everyone, drill-down lists for
editors) and the households due for review, with the settings each uses."""

from __future__ import annotations

import streamlit as st

from components.data import query
from components.i18n import t
from components.welfare.settings import K_STABLE, K_TOLERANCE, K_UNSTABLE, bound, tolerance
from components.welfare.tables import table, with_vocabulary_labels
from data_access import privacy
from data_access.admin.users import User
from data_access.areas import queries as areas
from data_access.filters import Filters
from data_access.text import numbers
from data_access.welfare import checks as welfare_checks
from data_access.welfare import personal as welfare_personal
from data_access.welfare.rules import ReviewPolicy

DETAIL_MONEY_COLUMNS = ("monthly_benefit_yuan", "amount_yuan", "recorded", "expected", "difference")


def grids_in_scope(f: Filters, user: User) -> bool:
    """Whether `user` may see figures by the chosen grids: an admin, or an editor of every
    community those grids belong to (an editor of 老城 may not read a grid of 东部 from a link)."""
    if not f.grids or user.role == "admin":
        return True
    table = query(areas.grids)
    owners = set(table[table["code"].isin(f.grids)]["community_code"])
    return bool(owners) and all(user.may_see_community(code) for code in owners)


def _amount_text(row, fine: bool) -> str:
    """The money a check involves, withheld beside a withheld count: '<3 笔，涉及金额 1,026 元'
    would give the size of one or two households' payments."""
    small = any(
        privacy.suppress_count(n, fine) == privacy.SUPPRESSED for n in (row.cases, row.households)
    )
    households = privacy.count_text(row.households, fine)
    if small:
        return t("wf.check.amount_withheld", households=households)
    return t("wf.check.amount", amount=numbers.plain(row.amount_yuan), households=households)


def _check_cards(f: Filters, tolerance_yuan: int) -> None:
    summary = query(welfare_checks.integrity_summary, f, tolerance_yuan)
    fine = bool(f.grids)
    for col, row in zip(st.columns(3), summary.itertuples(index=False), strict=True):
        unit = t(f"wf.check.{row.check}.unit")
        with col, st.container(border=True):
            st.metric(
                t(f"wf.check.{row.check}"),
                t("wf.check.count", count=privacy.count_text(row.cases, fine), unit=unit),
                help=t(f"wf.check.{row.check}.def"),
            )
            st.caption(_amount_text(row, fine))
            st.caption(t(f"wf.check.{row.check}.def"))


def integrity(f: Filters, user: User) -> None:
    """The tolerance, three checks as counts, and the lists for an editor of the community."""
    st.number_input(
        t("wf.integrity.tolerance"),
        min_value=0,
        max_value=500,
        step=5,
        **bound(K_TOLERANCE),
        help=t("wf.integrity.tolerance.help"),
        width=260,
    )
    tolerance_yuan = tolerance()
    if not grids_in_scope(f, user):
        st.info(t("privacy.grid_only_editors"), icon=":material/lock:")
        return
    _check_cards(f, tolerance_yuan)
    if not user.sees_personal_data:
        st.info(t("wf.editors_only"), icon=":material/lock:")
        return
    details = query(welfare_personal.integrity_details, user, f, tolerance_yuan)
    for check, df in details.items():
        with st.expander(t("wf.details", check=t(f"wf.check.{check}"), n=len(df))):
            table(
                with_vocabulary_labels(df),
                numbers=[c for c in DETAIL_MONEY_COLUMNS if c in df],
            )


def reviews(f: Filters, policy: ReviewPolicy, user: User) -> None:
    """The interval settings and who is due, by community (grid-level figures: editors only)."""
    left, right, _ = st.columns([1, 1, 1])
    left.number_input(t("wf.review.stable"), min_value=1, max_value=36, step=1, **bound(K_STABLE))
    right.number_input(
        t("wf.review.unstable"), min_value=1, max_value=36, step=1, **bound(K_UNSTABLE)
    )
    if not grids_in_scope(f, user):
        st.info(t("privacy.grid_only_editors"), icon=":material/lock:")
        return
    due = query(welfare_checks.review_due_breakdown, f, policy)
    table(due, counts=[c for c in due.columns if c != "community"])
