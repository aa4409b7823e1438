"""Personal data of 低保 and 特困 households, for editors only: the roster and the drill-down
lists of the payment checks.

Every function takes the `User` and raises AccessDenied for a viewer (or an editor of no
community), so a page cannot show a list by mistake. Names and ID numbers leave this module
masked (张*明, 629901************), and only for the communities the user may edit.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access import privacy
from data_access.admin.users import User, require_personal_data_access
from data_access.areas.models import Community, Compound, Grid
from data_access.areas.queries import community_names, grids
from data_access.filters import Filters
from data_access.welfare.checks import DEFAULT_TOLERANCE_YUAN, integrity_found
from data_access.welfare.metrics import latest_review
from data_access.welfare.queries import WH, review_as_of
from data_access.welfare.rules import is_review_due


def _visible(conn: Connection, user: User, f: Filters) -> tuple[str, ...]:
    require_personal_data_access(user)
    return user.visible_communities(f.communities, tuple(community_names(conn)))


def roster(conn: Connection, user: User, f: Filters) -> pd.DataFrame:
    """The masked roster of the households in force at the period's end, for an editor of their
    communities only (an admin: every chosen community)."""
    cols = [
        "household_no", "community", "grid", "compound", "category", "head_name", "head_id_number",
        "members", "per_capita_income_yuan", "monthly_benefit_yuan", "start_month", "status",
        "last_review_on", "review_due",
    ]  # fmt: skip
    visible = _visible(conn, user, f)
    if not visible:
        return pd.DataFrame(columns=cols)
    as_of = review_as_of(conn, f)
    stmt = (
        select(
            WH.household_no,
            Community.name,
            Grid.name,
            Compound.name,
            WH.category,
            WH.head_name,
            WH.head_id_number,
            WH.members,
            WH.per_capita_income_yuan,
            WH.monthly_benefit_yuan,
            WH.start_month,
            WH.status,
            # The last review made by the period's end, not a later one.
            latest_review(WH.household_no, as_of),
            WH.income_stable,
            WH.work_capable_members,
        )
        .join(Community, Community.code == WH.community_code)
        .outerjoin(Grid, Grid.code == WH.grid_code)
        .outerjoin(Compound, Compound.id == WH.compound_id)
        .where(
            WH.community_code.in_(visible),
            f.months_cover_end(WH.start_month, WH.end_month),
            f.area_clause(WH.community_code, WH.grid_code),
        )
        .order_by(WH.household_no)
    )
    rows = []
    for r in conn.execute(stmt):
        rows.append(
            [
                r[0], r[1], r[2], r[3], r[4],
                privacy.mask_name(r[5]), privacy.mask_id_number(r[6]),
                int(r[7]), float(r[8]), float(r[9]), r[10], r[11], r[12],
                r[4] == "dibao" and is_review_due(r[12], bool(r[13]), int(r[14] or 0), as_of),
            ]
        )  # fmt: skip
    return pd.DataFrame(rows, columns=cols)


def integrity_details(
    conn: Connection, user: User, f: Filters, tolerance: float = DEFAULT_TOLERANCE_YUAN
) -> dict[str, pd.DataFrame]:
    """The drill-down lists of the three checks, for an editor's communities only, names masked."""
    visible = _visible(conn, user, f)
    found = integrity_found(conn, f, tolerance)
    households = {no for df in found.values() for no in df["household_no"]}
    people = {}
    if households:
        people = {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                select(WH.household_no, WH.head_name, WH.head_id_number).where(
                    WH.household_no.in_(sorted(households))
                )
            )
        }
    comm_names = community_names(conn)
    grid_table = grids(conn)
    grid_names = dict(zip(grid_table["code"], grid_table["name"], strict=True))
    out = {}
    for check, df in found.items():
        df = df[df["community_code"].isin(visible)].copy()
        df.insert(1, "head_name", [privacy.mask_name(people[h][0]) for h in df["household_no"]])
        df.insert(
            2, "head_id_number", [privacy.mask_id_number(people[h][1]) for h in df["household_no"]]
        )
        df["community"] = df["community_code"].map(comm_names)
        df["grid"] = df["grid_code"].map(grid_names)
        out[check] = df.drop(columns=["community_code", "grid_code"]).reset_index(drop=True)
    return out
