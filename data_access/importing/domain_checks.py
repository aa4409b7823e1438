"""The third pass of an import's checks, which needs the database: codes that must exist, dates
in order, ID check digits and an ID number already registered under another key, places and
streets inside the county and lined up in the declared coordinate system (`extent.py`), and rows
outside the communities an editor may import. The first two passes are `validate.py`'s."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection

from data_access.admin.users import User
from data_access.importing import extent
from data_access.importing.geojson import LINE_COLUMN
from data_access.importing.reading import SheetRows
from data_access.importing.spec import PARENT_COMMUNITY, TableSpec, header
from data_access.importing.validate import _LANG, Checked, Problem, _label, _shown
from data_access.models import Base
from data_access.text import t


def _existing(conn: Connection, table: str, column: str) -> set:
    col = Base.metadata.tables[table].c[column]
    return {v for (v,) in conn.execute(select(col).distinct())}


def row_communities(conn: Connection, spec: TableSpec, rows: list[dict]) -> list[str | None]:
    """The community each row belongs to ('' for a county-wide row, None when unknown)."""
    if spec.has_community:
        return [r.get("community_code") for r in rows]
    if spec.name in PARENT_COMMUNITY:
        column, parent, key = PARENT_COMMUNITY[spec.name]
        tbl = Base.metadata.tables[parent]
        owners = dict(conn.execute(select(tbl.c[key], tbl.c.community_code)).all())
        return [owners.get(r.get(column)) for r in rows]
    return ["" for _ in rows]


def check_domain(
    conn: Connection, checked: Checked, sheet: SheetRows, user: User, coordinates: str = "wgs84"
) -> None:
    """Pass 3: what only the database can tell."""
    spec = checked.spec
    label = lambda column: _label(spec, sheet, column)  # noqa: E731
    add = checked.problems.append
    for col in spec.columns:
        if col.references is None or col.name not in sheet.headers:
            continue
        ref_table, ref_column = col.references
        known = _existing(conn, ref_table, ref_column)
        if ref_table == spec.name:
            known |= {r.get(ref_column) for r in checked.rows}
        for number, row in zip(checked.row_numbers, checked.rows, strict=True):
            value = row.get(col.name)
            if value is not None and value not in known:
                reason = t(
                    "import.cell.unknown_code", _LANG, table=t(f"import.table.{ref_table}", _LANG)
                )
                add(Problem(number, label(col.name), _shown(value), reason))
    for later, operator, earlier in spec.order_checks:
        for number, row in zip(checked.row_numbers, checked.rows, strict=True):
            a, b = row.get(later), row.get(earlier)
            if a is None or b is None:
                continue
            if a < b or (operator == ">" and a == b):
                reason = t("import.cell.order", _LANG, earlier=label(earlier))
                add(Problem(number, label(later), _shown(a), reason))
    _check_id_numbers(conn, checked, sheet)
    _check_places(conn, checked, sheet, coordinates)
    _check_scope(conn, checked, user)


def _check_id_numbers(conn: Connection, checked: Checked, sheet: SheetRows) -> None:
    spec = checked.spec
    for col in spec.columns:
        if col.kind != "id_number" or col.name not in sheet.headers:
            continue
        tbl = Base.metadata.tables[spec.name]
        key_cols = [tbl.c[k] for k in spec.key]
        holders: dict[str, tuple] = {}
        for *key, id_number in conn.execute(select(*key_cols, tbl.c[col.name])):
            holders.setdefault(id_number, tuple(key))
        in_file: dict[str, int] = {}
        for number, row in zip(checked.row_numbers, checked.rows, strict=True):
            value = row.get(col.name)
            if value is None:
                continue
            key = tuple(row.get(k) for k in spec.key)
            if value in in_file:
                reason = t("import.cell.id_twice_in_file", _LANG, row=in_file[value])
                checked.problems.append(
                    Problem(number, _label(spec, sheet, col.name), value, reason)
                )
            elif value in holders and holders[value] != key:
                reason = t(
                    "import.cell.id_registered", _LANG, key="/".join(map(str, holders[value]))
                )
                checked.problems.append(
                    Problem(number, _label(spec, sheet, col.name), value, reason)
                )
            in_file.setdefault(value, number)


def _check_places(conn: Connection, checked: Checked, sheet: SheetRows, coordinates: str) -> None:
    """Every place and street inside the county, lined up in the declared system (`extent`)."""
    spec = checked.spec
    is_roads = spec.name == LINE_COLUMN[0]
    if not is_roads and ("lat" not in sheet.headers or "lon" not in sheet.headers):
        return
    if any(p.row is None for p in checked.problems):
        return  # the file as a whole is already refused
    found = extent.check_rows(conn, spec.name, checked.rows, checked.row_numbers, coordinates)
    for number, column, value, reason in found:
        label = _label(spec, sheet, column) if column else ""
        checked.problems.append(Problem(number, label, value, reason))


def _check_scope(conn: Connection, checked: Checked, user: User) -> None:
    """An editor imports rows of their own communities only; county-wide tables are for admins."""
    if user.role == "admin":
        return
    spec = checked.spec
    if user.role != "editor":
        checked.problems.append(Problem(None, "", "", t("import.refused.viewer", _LANG)))
        return
    if spec.county_wide:
        checked.problems.append(Problem(None, "", "", t("import.refused.county_table", _LANG)))
        return
    owners = row_communities(conn, spec, checked.rows)
    column = header(spec.name, "community_code")
    for number, owner in zip(checked.row_numbers, owners, strict=True):
        if owner is not None and not user.may_see_community(owner):
            reason = t(
                "import.refused.community", _LANG, community=owner or t("import.county", _LANG)
            )
            checked.problems.append(Problem(number, column, owner or "", reason))
