"""Loading a county's own spreadsheets: read, check every cell, show the changes, write all or
nothing (`apply.run_import`); templates to fill in (`templates`)."""

from data_access.importing.apply import FigureChange, ImportResult, run_import
from data_access.importing.spec import header, importable_tables, table_spec, table_title
from data_access.importing.validate import Problem

__all__ = [
    "FigureChange",
    "ImportResult",
    "Problem",
    "header",
    "importable_tables",
    "run_import",
    "table_spec",
    "table_title",
]
