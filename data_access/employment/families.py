"""Zero-employment families (动态清零 within 30 days) and the 充分就业社区 criteria per community.

Counts are per community (exact). The list of families, with the member's name masked, is for
editors of their communities only (`family_list` raises AccessDenied for a viewer).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from data_access import privacy
from data_access.admin.users import User, require_personal_data_access
from data_access.areas.queries import community_names
from data_access.employment import rules as logic
from data_access.employment.models import Jobseeker, ZeroEmploymentFamily
from data_access.employment.queries import area_open, as_of, people
from data_access.filters import Filters

ZF = ZeroEmploymentFamily
STATUSES: tuple[str, ...] = ("in_time", "late", "overdue", "open")
CRITERIA: tuple[str, ...] = ("rate_all", "rate_difficult", "long_unemployed", "families")


def families(conn: Connection, f: Filters) -> pd.DataFrame:
    """family_no, community_code, grid_code, identified_on, cleared_on, days, status: families
    identified by the period's end and not cleared before its start. `days` runs from
    identification to clearing (to the period's end while not cleared)."""
    columns = ["family_no", "community_code", "grid_code", "identified_on", "cleared_on"]
    end = as_of(conn, f)
    clauses = [ZF.identified_on <= end, f.area_clause(ZF.community_code, ZF.grid_code)]
    if f.start_date is not None:
        clauses.append(or_(ZF.cleared_on.is_(None), ZF.cleared_on >= f.start_date))
    rows = conn.execute(
        select(*(getattr(ZF, c) for c in columns)).where(*clauses).order_by(ZF.family_no)
    ).all()
    frame = pd.DataFrame(rows, columns=columns)
    for c in ("identified_on", "cleared_on"):
        frame[c] = [None if pd.isna(v) else _date(v) for v in frame[c]]
    frame["cleared_on"] = [c if c is not None and c <= end else None for c in frame["cleared_on"]]
    frame["days"] = [
        ((c or end) - i).days
        for i, c in zip(frame["identified_on"], frame["cleared_on"], strict=True)
    ]
    frame["status"] = [
        logic.clearing_status(i, c, end)
        for i, c in zip(frame["identified_on"], frame["cleared_on"], strict=True)
    ]
    return frame


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def families_open(conn: Connection, f: Filters) -> bool:
    """Family counts by status are per community only (a grid holds one or two families)."""
    return not f.grids


def family_counts(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, community, families, in_time, late, overdue, open, flagged (late or
    overdue), median_days (of those cleared)."""
    columns = ["community_code", "community", "families", *STATUSES, "flagged", "median_days"]
    if not families_open(conn, f):
        return pd.DataFrame(columns=columns)
    frame = families(conn, f)
    names = community_names(conn)
    parts = dict(tuple(frame.groupby("community_code")))  # one split, not a mask per community
    rows = []
    for code in sorted(set(f.communities) or set(names)):
        mine = parts.get(code, frame.iloc[0:0])
        counts = mine["status"].value_counts().to_dict()
        cleared = mine[mine["cleared_on"].notna()]["days"]
        rows.append(
            {
                "community_code": code,
                "community": names.get(code, code),
                "families": len(mine),
                **{s: int(counts.get(s, 0)) for s in STATUSES},
                "flagged": int(counts.get("late", 0) + counts.get("overdue", 0)),
                "median_days": float(cleared.median()) if len(cleared) else None,
            }
        )
    return pd.DataFrame(rows, columns=columns)


def family_list(conn: Connection, user: User, f: Filters) -> pd.DataFrame:
    """The families of the user's communities with the member's name masked, flagged first."""
    require_personal_data_access(user)
    columns = [
        "family_no", "community", "member", "identified_on", "cleared_on", "days", "status",
    ]  # fmt: skip
    visible = user.visible_communities(f.communities, tuple(community_names(conn)))
    frame = families(conn, f)
    frame = frame[frame["community_code"].isin(visible)]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    members: dict[str, list[str]] = {}
    stmt = select(Jobseeker.family_no, Jobseeker.name).where(
        Jobseeker.family_no.in_(frame["family_no"].tolist())
    )
    for family, name in conn.execute(stmt):
        members.setdefault(family, []).append(privacy.mask_name(name))
    names = community_names(conn)
    out = pd.DataFrame(
        {
            "family_no": frame["family_no"],
            "community": frame["community_code"].map(names),
            "member": frame["family_no"].map(lambda n: ", ".join(sorted(members.get(n, [])))),
            "identified_on": frame["identified_on"],
            "cleared_on": frame["cleared_on"],
            "days": frame["days"],
            "status": frame["status"],
        }
    )
    order = {"overdue": 0, "late": 1, "open": 2, "in_time": 3}
    out["rank"] = out["status"].map(order)
    out = out.sort_values(["rank", "family_no"])
    return out[columns].reset_index(drop=True)


# ------------------------------------------------------------------------------ 充分就业社区


def full_employment(conn: Connection, f: Filters) -> pd.DataFrame:
    """community_code, community, criterion, value, numerator, denominator, passed — the
    criteria of a full-employment community the data can test:

    - rate_all: placed ÷ registered job seekers of the period ≥ 95%
    - rate_difficult: the same for 就业困难人员 (4050, zero-employment family members, disabled)
    - long_unemployed: nobody registered and not placed for more than six months (count = 0)
    - families: every zero-employment family cleared within 30 days (late or overdue = 0)
    """
    columns = [
        "community_code", "community", "criterion", "value", "numerator", "denominator", "passed",
    ]  # fmt: skip
    if not (area_open(conn, f) and families_open(conn, f)):
        return pd.DataFrame(columns=columns)
    frame = people(conn, f)
    fams = families(conn, f)
    end = as_of(conn, f)
    names = community_names(conn)
    # Each person's flags once, summed per community: masking the frame per community was
    # quadratic at 200 communities.
    flags = pd.DataFrame(
        {
            "community_code": frame["community_code"],
            "people": 1,
            "placed": frame["step"] == "placed",
            "difficult": frame["groups"].map(lambda gs: bool(gs & set(logic.DIFFICULT))),
            "long": [
                logic.is_long_unemployed(r, p, end)
                for r, p in zip(frame["registered_on"], frame["placed_on"], strict=True)
            ],
        }
    ).astype({"placed": bool, "difficult": bool, "long": bool})
    flags["placed_difficult"] = flags["placed"] & flags["difficult"]
    sums = flags.groupby("community_code").sum().to_dict("index")
    fam_counts: dict[str, tuple[int, int]] = {}
    for code, part in fams.groupby("community_code"):
        fam_counts[code] = (int(part["status"].isin(["late", "overdue"]).sum()), len(part))
    rows = []
    for code in sorted(set(f.communities) or set(names)):
        mine = sums.get(code, {})
        flagged, fam_total = fam_counts.get(code, (0, 0))

        def rate(numerator: int, denominator: int) -> float | None:
            return numerator / denominator if denominator else None

        total = int(mine.get("people", 0))
        measured = {
            "rate_all": (int(mine.get("placed", 0)), total),
            "rate_difficult": (int(mine.get("placed_difficult", 0)), int(mine.get("difficult", 0))),
            "long_unemployed": (int(mine.get("long", 0)), total),
            "families": (flagged, fam_total),
        }
        for criterion in CRITERIA:
            num, den = measured[criterion]
            if criterion.startswith("rate"):
                value = rate(num, den)
                passed = value is None or value >= logic.FULL_EMPLOYMENT_RATE
            else:
                value, passed = float(num), num == 0
            rows.append(
                {
                    "community_code": code,
                    "community": names.get(code, code),
                    "criterion": criterion,
                    "value": value,
                    "numerator": num,
                    "denominator": den,
                    "passed": bool(passed),
                }
            )
    return pd.DataFrame(rows, columns=columns)
