"""What each importable table expects, read off the models: column kinds, allowed codes, keys,
references and how a row belongs to a community.

Nothing here is written per table by hand except what the models cannot say (coded columns
without a constraint, and how a child row finds its community), so a new table or column is
importable as soon as its model and its header text exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Float, Integer, Numeric, String

from data_access import vocab
from data_access.admin.users import User
from data_access.models import DATA_TABLES, Base
from data_access.text import has, t

# Coded columns without a CHECK constraint: a label is read as its code, and a code this
# version does not know yet is kept (the app shows it as it is).
OPEN_VOCABULARIES: dict[tuple[str, str], str] = {
    ("service_points", "type"): "sp_type",
    ("disputes", "category"): "dispute_category",
    ("jobseekers", "placement_channel"): "placement_channel",
}
# A row without a community column belongs to the community of the row it references.
PARENT_COMMUNITY: dict[str, tuple[str, str, str]] = {
    # table: (column, parent table, parent key)
    "service_point_states": ("point_id", "service_points", "id"),
    "welfare_payments": ("household_no", "welfare_households", "household_no"),
    "welfare_reviews": ("household_no", "welfare_households", "household_no"),
    "volunteer_activities": ("org_id", "volunteer_orgs", "id"),
    "jobseeker_groups": ("person_no", "jobseekers", "person_no"),
    "project_phase_plans": ("project_id", "projects", "id"),
}
_IN_CHECK = re.compile(r"^(\w+) IN \((.*)\)$")
_ORDER_CHECK = re.compile(r"^(\w+) IS NULL OR (\w+) (>=|>) (\w+)$")


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: str  # text, id_number, date, datetime, month, money, integer, number, bool, code
    required: bool
    vocabulary: str | None = None
    max_length: int | None = None
    references: tuple[str, str] | None = None  # (table, column)
    key: bool = False
    non_negative: bool = False
    open_vocabulary: bool = False  # unknown codes are kept, not refused
    default: object = None  # what an empty cell means, when the model says


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...]
    order_checks: tuple[tuple[str, str, str], ...]  # (later, operator, earlier)

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)

    @property
    def has_community(self) -> bool:
        return any(c.name == "community_code" for c in self.columns)

    @property
    def county_wide(self) -> bool:
        """No row of it belongs to one community: only an admin may import it."""
        return not self.has_community and self.name not in PARENT_COMMUNITY


def importable_tables() -> tuple[str, ...]:
    return DATA_TABLES


def tables_for(user: User) -> tuple[str, ...]:
    """The tables `user` may import: every table for an admin; for an editor the tables whose rows
    belong to a community (county-wide lists such as the standards are the county's)."""
    return tuple(
        name
        for name in importable_tables()
        if user.role == "admin" or not table_spec(name).county_wide
    )


def header(table: str, column: str, lang: str = "zh") -> str:
    """The column's header as the template writes it."""
    key = f"col.{table}.{column}"
    return t(key if has(key) else f"col.{column}", lang)


def table_title(table: str, lang: str = "zh") -> str:
    return t(f"import.table.{table}", lang)


def _vocabulary_of(values: tuple[str, ...]) -> str | None:
    for name, codes in vocab.VOCABULARIES.items():
        if set(values) <= set(codes):
            return name
    return None


def _kind(table: str, col) -> str:
    if col.info.get("personal") == "id_number":
        return "id_number"
    kind = col.type
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Integer):
        return "integer"
    if isinstance(kind, Numeric) and not isinstance(kind, Float):
        return "money"
    if isinstance(kind, Float):
        return "number"
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, String) and kind.length == 7:
        return "month"
    return "text"


@cache
def table_spec(name: str) -> TableSpec:
    tbl = Base.metadata.tables[name]
    vocabularies: dict[str, str] = {}
    non_negative: set[str] = set()
    order_checks: list[tuple[str, str, str]] = []
    for constraint in tbl.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        text = str(constraint.sqltext)
        match = _IN_CHECK.match(text)
        if match:
            values = tuple(v.strip().strip("'") for v in match.group(2).split(","))
            found = _vocabulary_of(values)
            if found:
                vocabularies[match.group(1)] = found
        order = _ORDER_CHECK.match(text)
        if order and order.group(1) == order.group(2):
            order_checks.append((order.group(1), order.group(3), order.group(4)))
        non_negative.update(re.findall(r"(\w+) >= 0", text))
    references = {fk.parent.name: (fk.column.table.name, fk.column.name) for fk in tbl.foreign_keys}
    key = tuple(c.name for c in tbl.primary_key.columns)
    columns = []
    for col in tbl.columns:
        kind = _kind(name, col)
        open_vocabulary = (name, col.name) in OPEN_VOCABULARIES
        vocabulary = vocabularies.get(col.name) or OPEN_VOCABULARIES.get((name, col.name))
        if vocabulary and kind == "text":
            kind = "code"
        required = not col.nullable and col.default is None and col.server_default is None
        if kind in ("money", "integer") and col.name not in non_negative:
            # Counts and money are never negative, whether or not a constraint says so.
            non_negative.add(col.name)
        columns.append(
            ColumnSpec(
                name=col.name,
                kind=kind,
                required=required,
                vocabulary=vocabulary,
                max_length=getattr(col.type, "length", None) if kind == "text" else None,
                references=references.get(col.name),
                key=col.name in key,
                non_negative=col.name in non_negative,
                open_vocabulary=open_vocabulary,
                default=col.default.arg
                if col.default is not None and col.default.is_scalar
                else None,
            )
        )
    return TableSpec(name, tuple(columns), key, tuple(order_checks))
