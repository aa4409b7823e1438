"""Social assistance (低保 and 特困): persons and households in force, payments, coverage,
reviews, payment integrity, the "raise the standard" what-if, breakdowns and the roster.

Counts finer than a community go through `privacy` before they leave this module; functions
that return names or ID numbers take a `User` and return them masked, to editors only.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Numeric, and_, case, func, literal, null, or_, select, union_all
from sqlalchemy.engine import Connection

from data_access import metrics, privacy
from data_access.filters import Filters, month_end, month_of
from data_access.metrics.welfare import review_due_clause
from data_access.models import (
    Community,
    Compound,
    Grid,
    WelfareHousehold,
    WelfarePayment,
    WelfareStandard,
)
from data_access.queries.common import communities, data_period, grids, period_months
from data_access.users import User, require_personal_data_access
from data_access.welfare_logic import (
    DEFAULT_REVIEW_POLICY,
    ReviewPolicy,
    Scenario,
    Standard,
    is_review_due,
    scenario,
    standard_in_force,
)

WH = WelfareHousehold
WP = WelfarePayment

# Recorded benefits within this many yuan of the formula are not flagged (rounding, small
# adjustments); the page lets the user change it.
DEFAULT_TOLERANCE_YUAN = 10
SIZE_BANDS: tuple[str, ...] = ("1", "2", "3", "4", "5+")
INTEGRITY_CHECKS: tuple[str, ...] = ("missing_payment", "paid_after_end", "benefit_mismatch")


def _in_force(f: Filters, category: str):
    """Households of the category in force in the period's last month (or today, when unbounded)."""
    return (
        WH.category == category,
        f.months_cover_end(WH.start_month, WH.end_month),
        f.area_clause(WH.community_code, WH.grid_code),
    )


# ------------------------------------------------------------------------------ the month and standard


def as_of_month(conn: Connection, f: Filters) -> str:
    """The month stock figures are read at (the metrics' as-of month)."""
    return metrics.end_month(conn, f)


def latest_month(conn: Connection) -> str:
    """The newest month with records: 'now' for a household's current benefit."""
    span = data_period(conn)
    return span[1] if span else month_of(dt.date.today())


def standards(conn: Connection) -> tuple[Standard, ...]:
    rows = conn.execute(
        select(
            WelfareStandard.category,
            WelfareStandard.yuan_per_person_month,
            WelfareStandard.min_benefit_yuan,
            WelfareStandard.effective_from,
        ).order_by(WelfareStandard.category, WelfareStandard.effective_from)
    ).all()
    return tuple(
        Standard(
            r.category,
            float(r.yuan_per_person_month),
            _float_or_none(r.min_benefit_yuan),
            r.effective_from,
        )
        for r in rows
    )


def current_standard(conn: Connection, f: Filters, category: str = "dibao") -> Standard | None:
    """The standard in force in the period's last month ("today's standard" of the what-if)."""
    return standard_in_force(standards(conn), category, as_of_month(conn, f))


def _float_or_none(value) -> float | None:
    return None if value is None else float(value)


# ------------------------------------------------------------------------------ money paid


# ------------------------------------------------------------------------------ coverage


def coverage_by_community(conn: Connection, f: Filters) -> pd.DataFrame:
    """Per community: 低保 persons, population, their ratio; enrolled and identified households, their ratio.

    Community-level counts are exact (no suppression); with a grid filter the persons and
    population are those of the chosen grids, the household ratio stays the community's.
    """
    comms = communities(conn, f)
    persons = metrics.by_community(conn, "dibao_persons", f)
    population = metrics.by_community(conn, "population", f)
    whole = Filters(f.communities, (), f.start, f.end)
    enrolled = metrics.by_community(conn, "dibao_households", whole)
    # NULL = the civil-affairs data has no figure for the community (not zero).
    low_income = dict(conn.execute(select(Community.code, Community.low_income_households)).all())
    out = pd.DataFrame({"code": comms["code"], "name": comms["name"]})
    out["dibao_persons"] = out["code"].map(persons).astype(float)
    out["population"] = out["code"].map(population).astype(float)
    out["population_rate"] = out["dibao_persons"] / out["population"].where(out["population"] > 0)
    out["dibao_households"] = out["code"].map(enrolled).astype(float)
    out["low_income_households"] = [
        float("nan") if low_income.get(c) is None else float(low_income[c]) for c in out["code"]
    ]
    out["household_rate"] = out["dibao_households"] / out["low_income_households"].where(
        out["low_income_households"] > 0
    )
    return out


# ------------------------------------------------------------------------------ reviews


def review_as_of(conn: Connection, f: Filters) -> dt.date:
    return month_end(as_of_month(conn, f))


def review_due_breakdown(
    conn: Connection, f: Filters, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY
) -> pd.DataFrame:
    """Per community: 低保 households in force, those on the short (six-month) cycle, and due ones
    on each cycle. Community-level, so exact; with a grid filter the counts are suppressed."""
    as_of = review_as_of(conn, f)
    short = and_(WH.income_stable.is_(False), WH.work_capable_members > 0)
    due = review_due_clause(WH, as_of, policy.stable_months, policy.unstable_months)
    stmt = (
        select(
            WH.community_code,
            func.count(),
            func.sum(case((short, 1), else_=0)),
            func.sum(case((and_(due, ~short), 1), else_=0)),
            func.sum(case((and_(due, short), 1), else_=0)),
        )
        .where(*_in_force(f, "dibao"))
        .group_by(WH.community_code)
    )
    found = {r[0]: r[1:] for r in conn.execute(stmt)}
    comms = communities(conn, f)
    cols = ["households", "short_cycle", "due_long_cycle", "due_short_cycle"]
    rows = [
        {
            "community": name,
            **dict(zip(cols, [int(v or 0) for v in found.get(code, (0,) * 4)], strict=True)),
        }
        for code, name in zip(comms["code"], comms["name"], strict=True)
    ]
    out = pd.DataFrame(rows, columns=["community", *cols])
    out["due"] = out["due_long_cycle"] + out["due_short_cycle"]
    return privacy.suppress_columns(out, [*cols, "due"], fine=bool(f.grids))


# ------------------------------------------------------------------------------ the what-if


def income_groups(conn: Connection, f: Filters, category: str = "dibao") -> pd.DataFrame:
    """per_capita_income_yuan, members, households of the households in force, grouped.

    The what-if needs only these three numbers per household; grouping them in SQL keeps the
    scenario free of personal rows.
    """
    stmt = (
        select(WH.per_capita_income_yuan, WH.members, func.count())
        .where(*_in_force(f, category))
        .group_by(WH.per_capita_income_yuan, WH.members)
        .order_by(WH.per_capita_income_yuan, WH.members)
    )
    return pd.DataFrame(
        conn.execute(stmt).all(), columns=["per_capita_income_yuan", "members", "households"]
    )


def what_if(conn: Connection, f: Filters, standard: float | None = None) -> Scenario | None:
    """The 低保 roster at the period's end under `standard` (default: today's standard).

    The minimum benefit stays today's. None when no standard is recorded. A scenario only.
    """
    today = current_standard(conn, f, "dibao")
    if today is None:
        return None
    groups = income_groups(conn, f, "dibao").itertuples(index=False, name=None)
    chosen = today.yuan_per_person_month if standard is None else float(standard)
    return scenario(groups, chosen, today.min_benefit_yuan)


def what_if_curve(conn: Connection, f: Filters, standards: tuple[float, ...]) -> pd.DataFrame:
    """standard, households, persons, monthly_budget, yearly_budget for each standard in `standards`."""
    today = current_standard(conn, f, "dibao")
    cols = ["standard", "households", "persons", "monthly_budget", "yearly_budget"]
    if today is None:
        return pd.DataFrame(columns=cols)
    groups = list(income_groups(conn, f, "dibao").itertuples(index=False, name=None))
    rows = []
    for value in standards:
        s = scenario(groups, float(value), today.min_benefit_yuan)
        rows.append([s.standard, s.households, s.persons, s.monthly_budget, s.yearly_budget])
    return pd.DataFrame(rows, columns=cols)


# ------------------------------------------------------------------------------ payment integrity


def _months_in_data(conn: Connection, f: Filters) -> list[str]:
    span = data_period(conn)
    if span is None:
        return []
    return [m for m in period_months(conn, f) if span[0] <= m <= span[1]]


def missing_payments(conn: Connection, f: Filters) -> pd.DataFrame:
    """household_no, community_code, grid_code, category, month, monthly_benefit_yuan for every month
    of the period in which a household was in force but received no payment.

    A suspended household with no end month expects no payment, so it is left out.
    """
    cols = [
        "household_no",
        "community_code",
        "grid_code",
        "category",
        "month",
        "monthly_benefit_yuan",
    ]
    months = _months_in_data(conn, f)
    if not months:
        return pd.DataFrame(columns=cols)
    parts = [select(literal(m).label("month")) for m in months]
    months_sq = (parts[0] if len(parts) == 1 else union_all(*parts)).subquery("months")
    month = months_sq.c.month
    stmt = (
        select(
            WH.household_no,
            WH.community_code,
            WH.grid_code,
            WH.category,
            month,
            WH.monthly_benefit_yuan,
        )
        .select_from(WH)
        .join(
            months_sq,
            and_(WH.start_month <= month, or_(WH.end_month.is_(None), WH.end_month >= month)),
        )
        .outerjoin(WP, and_(WP.household_no == WH.household_no, WP.month == month))
        .where(
            WP.household_no.is_(None),
            or_(WH.status != "suspended", WH.end_month.is_not(None)),
            f.area_clause(WH.community_code, WH.grid_code),
        )
        .order_by(WH.household_no, month)
    )
    return pd.DataFrame(conn.execute(stmt).all(), columns=cols)


def paid_after_end(conn: Connection, f: Filters) -> pd.DataFrame:
    """household_no, community_code, grid_code, category, month, amount_yuan of payments made in the
    period for a month after the household's last month in force (exited or suspended)."""
    cols = ["household_no", "community_code", "grid_code", "category", "month", "amount_yuan"]
    stmt = (
        select(
            WH.household_no, WH.community_code, WH.grid_code, WH.category, WP.month, WP.amount_yuan
        )
        .join(WH, WH.household_no == WP.household_no)
        .where(
            WH.end_month.is_not(None),
            WP.month > WH.end_month,
            f.month_in_period(WP.month),
            f.area_clause(WH.community_code, WH.grid_code),
        )
        .order_by(WH.household_no, WP.month)
    )
    return pd.DataFrame(conn.execute(stmt).all(), columns=cols)


def _formula_sql(all_standards: tuple[Standard, ...], reference_month):
    """SQL for the benefit the formula gives a household at the standard of `reference_month`.

    The standards table is tiny, so it is unrolled into CASE branches (newest first) with bound
    values; NULL where no standard applies (such households cannot be checked).
    """
    ordered = sorted(
        (s for s in all_standards if s.first_month),
        key=lambda s: s.first_month,
        reverse=True,
    )
    if not ordered:
        return null()
    money = Numeric(14, 2)

    def pick(attr: str):
        branches = [
            (
                and_(WH.category == s.category, reference_month >= s.first_month),
                literal(getattr(s, attr), money) if getattr(s, attr) is not None else null(),
            )
            for s in ordered
        ]
        return case(*branches, else_=null())

    std, minimum = pick("yuan_per_person_month"), pick("min_benefit_yuan")
    gap = std - WH.per_capita_income_yuan
    floored = case((and_(minimum.is_not(None), gap < minimum), minimum), else_=gap)
    return case(
        (std.is_(None), null()),
        (WH.per_capita_income_yuan >= std, literal(0, money)),
        else_=func.round(floored * WH.members),
    )


def benefit_mismatches(
    conn: Connection, f: Filters, tolerance: float = DEFAULT_TOLERANCE_YUAN
) -> pd.DataFrame:
    """household_no, community_code, grid_code, category, recorded, expected, difference for households
    in force at some time in the period whose recorded monthly benefit is off the formula by more
    than `tolerance` yuan.

    The recorded benefit is the current one, so it is checked against the standard of the
    household's last month in force (the newest month of data for a household still in force),
    whatever the period.
    """
    cols = [
        "household_no",
        "community_code",
        "grid_code",
        "category",
        "recorded",
        "expected",
        "difference",
    ]
    months = _months_in_data(conn, f)
    if not months:
        return pd.DataFrame(columns=cols)
    reference = func.coalesce(WH.end_month, literal(latest_month(conn)))
    expected = _formula_sql(standards(conn), reference)
    stmt = (
        select(
            WH.household_no,
            WH.community_code,
            WH.grid_code,
            WH.category,
            WH.monthly_benefit_yuan,
            expected,
        )
        .where(
            WH.start_month <= months[-1],
            or_(WH.end_month.is_(None), WH.end_month >= months[0]),
            f.area_clause(WH.community_code, WH.grid_code),
            expected.is_not(None),
            func.abs(WH.monthly_benefit_yuan - expected) > tolerance,
        )
        .order_by(WH.household_no)
    )
    rows = [
        (*r[:4], float(r[4]), float(r[5]), float(r[4]) - float(r[5])) for r in conn.execute(stmt)
    ]
    return pd.DataFrame(rows, columns=cols)


def integrity_summary(
    conn: Connection, f: Filters, tolerance: float = DEFAULT_TOLERANCE_YUAN
) -> pd.DataFrame:
    """check, cases, households, amount_yuan for the three payment checks (counts only, no names).

    missing_payment: household-months unpaid, amount = the benefit not paid; paid_after_end:
    payments, amount paid; benefit_mismatch: households, amount = |recorded − formula| per month.
    """
    missing = missing_payments(conn, f)
    after = paid_after_end(conn, f)
    wrong = benefit_mismatches(conn, f, tolerance)
    rows = [
        (
            "missing_payment",
            len(missing),
            missing["household_no"].nunique(),
            float(missing["monthly_benefit_yuan"].astype(float).sum()),
        ),
        (
            "paid_after_end",
            len(after),
            after["household_no"].nunique(),
            float(after["amount_yuan"].astype(float).sum()),
        ),
        (
            "benefit_mismatch",
            len(wrong),
            wrong["household_no"].nunique(),
            float(wrong["difference"].abs().sum()),
        ),
    ]
    return pd.DataFrame(rows, columns=["check", "cases", "households", "amount_yuan"])


# ------------------------------------------------------------------------------ breakdowns (suppressed)


def size_breakdown(conn: Connection, f: Filters) -> pd.DataFrame:
    """community, size_band, households, persons (text), households_value (for charts) of the
    低保 households in force, by household size (1, 2, 3, 4, 5+ members).

    By community the counts are exact; with a grid filter the cells are grid-level, so 1 and 2
    become "<3" (and the chart value None).
    """
    band = case(
        (WH.members == 1, "1"),
        (WH.members == 2, "2"),
        (WH.members == 3, "3"),
        (WH.members == 4, "4"),
        else_="5+",
    )
    stmt = (
        select(WH.community_code, band, func.count(), func.sum(WH.members))
        .where(*_in_force(f, "dibao"))
        .group_by(WH.community_code, band)
    )
    found = {(r[0], r[1]): (int(r[2]), int(r[3] or 0)) for r in conn.execute(stmt)}
    comms = communities(conn, f)
    rows = [
        {
            "community": name,
            "size_band": b,
            "households": found.get((code, b), (0, 0))[0],
            "persons": found.get((code, b), (0, 0))[1],
        }
        for code, name in zip(comms["code"], comms["name"], strict=True)
        for b in SIZE_BANDS
    ]
    out = pd.DataFrame(rows, columns=["community", "size_band", "households", "persons"])
    fine = bool(f.grids)
    out["households_value"] = [privacy.chart_value(v, fine) for v in out["households"]]
    return privacy.suppress_columns(out, ["households", "persons"], fine)


def _recipients_by(conn: Connection, f: Filters, key_col) -> dict[str, tuple[int, int, int]]:
    """key → (低保 households, 低保 persons, 特困 households) in force at the period's end."""
    dibao = WH.category == "dibao"
    stmt = (
        select(
            key_col,
            func.sum(case((dibao, 1), else_=0)),
            func.sum(case((dibao, WH.members), else_=0)),
            func.sum(case((WH.category == "tekun", 1), else_=0)),
        )
        .where(
            f.months_cover_end(WH.start_month, WH.end_month),
            f.area_clause(WH.community_code, WH.grid_code),
            key_col.is_not(None),
        )
        .group_by(key_col)
    )
    return {r[0]: (int(r[1] or 0), int(r[2] or 0), int(r[3] or 0)) for r in conn.execute(stmt)}


RECIPIENT_COUNTS = ("dibao_households", "dibao_persons", "tekun_households")


def _suppressed_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts → text with "<3", plus `dibao_value` and `weight` for charts and maps.

    `weight` adds the parts that may be shown (a suppressed part counts 0), so the size of a
    circle or the shade of a grid cannot be used to work a hidden 1 or 2 back out.
    """
    dibao = [privacy.chart_value(v) for v in frame["dibao_households"]]
    tekun = [privacy.chart_value(v) for v in frame["tekun_households"]]
    frame["weight"] = [(d or 0.0) + (k or 0.0) for d, k in zip(dibao, tekun, strict=True)]
    frame["dibao_value"] = dibao
    return privacy.suppress_columns(frame, RECIPIENT_COUNTS, fine=True)


def grid_breakdown(conn: Connection, f: Filters) -> pd.DataFrame:
    """Every grid of the chosen area: grid_code, grid, community, 低保 households and persons and
    特困 households (text, "<3" for 1 and 2), dibao_value and weight for charts (no raw small count)."""
    counts = _recipients_by(conn, f, WH.grid_code)
    table = grids(conn, f.communities)
    if f.grids:
        table = table[table["code"].isin(f.grids)]
    names = dict(zip(communities(conn)["code"], communities(conn)["name"], strict=True))
    rows = [
        {
            "grid_code": code,
            "grid": name,
            "community": names.get(comm, comm),
            **dict(zip(RECIPIENT_COUNTS, counts.get(code, (0, 0, 0)), strict=True)),
        }
        for code, name, comm in zip(
            table["code"], table["name"], table["community_code"], strict=True
        )
    ]
    frame = pd.DataFrame(rows, columns=["grid_code", "grid", "community", *RECIPIENT_COUNTS])
    return _suppressed_counts(frame)


def map_grids(conn: Connection, f: Filters) -> pd.DataFrame:
    """grid_breakdown plus each grid's boundary (GeoJSON text), for the map's shaded grids."""
    frame = grid_breakdown(conn, f)
    bounds = dict(
        conn.execute(
            select(Grid.code, Grid.boundary).where(f.area_clause(Grid.community_code, Grid.code))
        ).all()
    )
    frame["boundary"] = frame["grid_code"].map(bounds)
    return frame


def map_compounds(conn: Connection, f: Filters) -> pd.DataFrame:
    """Compounds where recipients live: compound, lat, lon, the three counts as text ("<3" for 1
    and 2) and weight for the circle size. Aggregated: never a point per household."""
    counts = _recipients_by(conn, f, WH.compound_id)
    cols = ["compound_id", "compound", "lat", "lon", *RECIPIENT_COUNTS]
    if not counts:
        return _suppressed_counts(
            pd.DataFrame(columns=cols).astype({c: int for c in RECIPIENT_COUNTS})
        )
    stmt = (
        select(Compound.id, Compound.name, Compound.lat, Compound.lon)
        .where(
            Compound.id.in_(list(counts)),
            f.area_clause(Compound.community_code, Compound.grid_code),
        )
        .order_by(Compound.id)
    )
    rows = [
        {
            "compound_id": r.id,
            "compound": r.name,
            "lat": float(r.lat),
            "lon": float(r.lon),
            **dict(zip(RECIPIENT_COUNTS, counts[r.id], strict=True)),
        }
        for r in conn.execute(stmt)
    ]
    return _suppressed_counts(pd.DataFrame(rows, columns=cols))


def persons_trend(conn: Connection, f: Filters) -> pd.DataFrame:
    """month, series (community name), value: 低保 persons in force at each month's end.

    With a grid filter the monthly figures are grid-level: 1 and 2 become None (a gap in the line).
    """
    df = metrics.monthly(conn, "dibao_persons", f)
    names = dict(zip(communities(conn)["code"], communities(conn)["name"], strict=True))
    fine = bool(f.grids)
    return pd.DataFrame(
        {
            "month": df["month"],
            "series": df["community_code"].map(names),
            "value": [privacy.chart_value(v, fine) for v in df["value"]],
        }
    )


def paid_trend(conn: Connection, f: Filters) -> pd.DataFrame:
    """month, series (community name), value: 低保 money paid for each month (yuan)."""
    df = metrics.monthly(conn, "dibao_paid_month", f)
    names = dict(zip(communities(conn)["code"], communities(conn)["name"], strict=True))
    return pd.DataFrame(
        {"month": df["month"], "series": df["community_code"].map(names), "value": df["value"]}
    )


# ------------------------------------------------------------------------------ personal data (editors)


def _visible(conn: Connection, user: User, f: Filters) -> tuple[str, ...]:
    require_personal_data_access(user)
    all_codes = tuple(communities(conn)["code"])
    return user.visible_communities(f.communities, all_codes)


def roster(conn: Connection, user: User, f: Filters) -> pd.DataFrame:
    """The masked roster of the households in force at the period's end, for an editor of their
    communities only (an admin: every chosen community).

    A viewer gets nothing: AccessDenied is raised, so a page cannot show a roster by mistake.
    Names and ID numbers leave this function masked (张*明, 620***********1234).
    """
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
            WH.last_review_on,
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
    """The drill-down lists of the three checks, for an editor's communities only, names masked.

    Raises AccessDenied for a viewer.
    """
    visible = _visible(conn, user, f)
    found = {
        "missing_payment": missing_payments(conn, f),
        "paid_after_end": paid_after_end(conn, f),
        "benefit_mismatch": benefit_mismatches(conn, f, tolerance),
    }
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
    comm_names = dict(zip(communities(conn)["code"], communities(conn)["name"], strict=True))
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
