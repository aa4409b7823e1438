"""Employment services: laid-off workers re-employed, 4050 persons placed, young people given job
information, job seekers still waiting, zero-employment families not yet cleared.

A person's groups are rows of `jobseeker_groups` (matched through its group index); "4050" is
read from gender and birth date at the period's last day (`employment_logic.is_4050`).
"""

from __future__ import annotations

from sqlalchemy import exists, literal, or_, select, union_all
from sqlalchemy.engine import Connection

from data_access.employment.models import Jobseeker, JobseekerGroup, ZeroEmploymentFamily
from data_access.employment.rules import is_4050_clause
from data_access.engine.base import (
    Count,
    Dimension,
    Flow,
    Median,
    Metric,
    Source,
    Stock,
    register,
)
from data_access.engine.protection import Covered, register_protection
from data_access.engine.status import Status, register_status_rule
from data_access.filters import Filters

WAITING = Stock(start="registered_on", end="placed_on", grain="date")


def in_group(person_no_column, group: str):
    """The person belongs to `group` (a row of jobseeker_groups)."""
    return exists().where(
        JobseekerGroup.person_no == person_no_column, JobseekerGroup.group_code == group
    )


def _group(group: str) -> Source:
    return Source(Jobseeker, where=lambda c, ctx: [in_group(c.person_no, group)])


def _person_groups():
    """A row per person and group: the groups recorded for the person, and "4050" for everyone
    (kept only where the person is 4050 on the day the figure is read, see `_BY_GROUP`)."""
    columns = (
        Jobseeker.person_no,
        Jobseeker.community_code,
        Jobseeker.grid_code,
        Jobseeker.gender,
        Jobseeker.birth_date,
        Jobseeker.registered_on,
        Jobseeker.placed_on,
    )
    recorded = select(*columns, JobseekerGroup.group_code).join(
        JobseekerGroup, JobseekerGroup.person_no == Jobseeker.person_no
    )
    by_age = select(*columns, literal("4050").label("group_code"))
    return union_all(recorded, by_age)


# A person counts in each group they belong to; 4050 is read from age on the period's last day.
_BY_GROUP = Dimension(
    "group_code",
    source=Source(
        _person_groups,
        where=lambda c, ctx: [
            or_(c.group_code != "4050", is_4050_clause(c.gender, c.birth_date, ctx.as_of))
        ],
    ),
)


register(
    Metric(
        key="reemployed",
        unit="persons",
        source=_group("laid_off"),
        value=Count(),
        time=Flow("placed_on"),
        protected_by=("placements",),
    )
)
register(
    Metric(
        key="placed",
        unit="persons",
        source=Source(Jobseeker),
        value=Count(),
        time=Flow("placed_on"),
        trend=False,
        dimensions={"channel": "placement_channel", "group": _BY_GROUP},
        protected_by=("placements",),
    )
)
register(
    Metric(
        key="days_to_placement",
        unit="days",
        source=Source(Jobseeker),
        value=Median("placed_on", since="registered_on"),
        time=Flow("placed_on"),
        higher_is_better=False,
        trend=False,
        dimensions={"group": _BY_GROUP},
        protected_by=("placements",),
    )
)
register(
    Metric(
        key="placed_4050",
        unit="persons",
        source=Source(
            Jobseeker, where=lambda c, ctx: [is_4050_clause(c.gender, c.birth_date, ctx.as_of)]
        ),
        value=Count(),
        time=Flow("placed_on"),
        # Ages at the period's last day for every month of it too, so the months add up to the
        # period (as_of_where would judge each month at its own end).
        as_of_where=False,
        trend=False,  # shown on the employment page, not in the overview's trend
        protected_by=("placements",),
    )
)
register(
    Metric(
        key="youth_informed",
        unit="persons",
        source=_group("youth"),
        value=Count(),
        time=Flow("informed_on"),
        protected_by=("placements",),
    )
)
register(
    Metric(
        key="jobseekers_waiting",
        unit="persons",
        source=Source(Jobseeker),
        value=Count(),
        time=WAITING,
        higher_is_better=False,
        protected_by=("jobseekers",),
        trend=False,  # shown on the employment page, not in the overview's trend
    )
)
register(
    Metric(
        key="zero_families_open",
        unit="families",
        source=Source(ZeroEmploymentFamily),
        value=Count(),
        time=Stock(start="identified_on", end="cleared_on", grain="date"),
        higher_is_better=False,
        protected_by=("zero_families",),
        trend=False,  # shown on the employment page, not in the overview's trend
    )
)


def clearing_rule(conn: Connection, f: Filters) -> dict[str, Status]:
    """零就业家庭 judged as the employment page judges them (动态清零, 30 days): red where a
    family is past its 30 days and not cleared, amber where one was cleared late in the period,
    green otherwise — families still inside their 30 days are on track, not a failure."""
    from data_access.employment.families import family_counts  # its queries read the catalog

    counts = family_counts(conn, f)
    return {
        row.community_code: "red" if row.overdue else "amber" if row.late else "green"
        for row in counts.itertuples()
    }


register_status_rule("zero_families_open", clearing_rule)

# The counts shown below community level, and how they are protected (engine.protection).
register_protection(Covered("jobseekers", ("jobseekers_waiting",)))
register_protection(Covered("zero_families", ("zero_families_open",)))
# People placed over a period, shown side by side on the employment page's cards and map.
register_protection(
    Covered(
        "placements", ("placed", "reemployed", "placed_4050", "youth_informed"), over_period=True
    )
)
