"""Files to import while something else goes on: new 低保 households of the sample county.

Used by bench/load_sessions.py (an import during the load), the fault tests (an import killed
mid-way) and the two-server check. Each household adds `members` persons to the 低保对象 card.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zlib
from pathlib import Path

from data_access.idcard import make_id_number

ROOT = Path(__file__).resolve().parent.parent
OLD_TOWN = "629901100001"
COLUMNS = ("household_no", "community_code", "grid_code", "compound_id", "category", "head_name",
           "head_id_number", "members", "per_capita_income_yuan", "monthly_benefit_yuan",
           "start_month", "status")  # fmt: skip


def _compound(community: str) -> dict[str, str]:
    with (ROOT / "sample_data" / "compounds.csv").open(encoding="utf-8") as fh:
        return next(r for r in csv.DictReader(fh) if r["community_code"] == community)


def households_csv(
    count: int, prefix: str = "LD", members: int = 2, community: str = OLD_TOWN
) -> bytes:
    """A UTF-8 CSV of `count` new 低保 households (keys `<prefix>000001`…), `members` persons each."""
    compound = _compound(community)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    # ID numbers differ between prefixes too: a second file must not reuse the first one's.
    offset = zlib.crc32(prefix.encode()) % 997
    for n in range(1, count + 1):
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=n % 18000)
        id_number = make_id_number("629901", birth, offset + 2 * (n // 18000), n % 2 == 1)
        writer.writerow([f"{prefix}{n:06d}", community, compound["grid_code"], compound["id"],
                         "dibao", f"测试{n}", id_number, members, 320, 1100, "2022-05", "active"])  # fmt: skip
    return out.getvalue().encode("utf-8")
