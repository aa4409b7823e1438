"""The declarative base and the column conventions every model shares."""

from __future__ import annotations

from sqlalchemy import Numeric
from sqlalchemy.orm import DeclarativeBase

# Money is exact to the fen; floats are returned so pandas can sum them without Decimal.
Money = Numeric(14, 2, asdecimal=False)
MONTH_CHECK = "length({col}) = 7 AND substr({col}, 5, 1) = '-'"


def in_list(col: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{col} IN ({quoted})"


class Base(DeclarativeBase):
    pass
