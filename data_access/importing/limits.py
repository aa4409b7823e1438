"""How big an import file may be, checked before the file is read.

A hostile or broken file must not take the server's memory: a 100 MB upload, a "workbook" whose
few kilobytes unpack to gigabytes (a ZIP bomb), or one cell typed at XFD1048576, which a reader
that fills the grid from A1 would turn into seventeen billion cells. The checks go from the
cheapest up: the byte count; the ZIP's directory (member count, declared sizes); then the
sheets' XML streamed in chunks — never held whole — counting what it really unpacks to and the
furthest row and column any cell names; last the grid itself.

The limits fit the largest real tables with room: the generated city of 200 communities has
720,000 monthly payments (3 columns, 18 MB as CSV); a county's rosters are far smaller.
"""

from __future__ import annotations

import io
import re
import zipfile

from data_access.text import numbers, t

_LANG = "zh"
MAX_FILE_MB = 50
# .streamlit/config.toml's server.maxUploadSize (a test keeps them equal): well above MAX_FILE_MB,
# so a file over the import limit still reaches the importer and is refused in Chinese with its
# size; Streamlit refuses only what is over this, and only in English.
UPLOAD_CEILING_MB = 200
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_COLUMNS = 500
MAX_PROBLEMS = 1_000  # problems listed (page, command line, workbook); the rest are counted
MAX_CELLS = 5_000_000  # rows × columns of the grid a reader builds (it fills the gaps)
MAX_ZIP_MEMBERS = 1_000
MAX_UNPACKED_BYTES = 600 * 1024 * 1024  # all members together, as they unpack
_CHUNK = 1 << 20
_TAIL = 4096  # an unfinished tag carried into the next chunk is never longer than this
# Attributes spelled out (name="value", bounded): a loose [^>]* made "<c <c <c …" without a ">"
# rescan the rest of the chunk from every "<c", quadratic in the chunk.
_ATTRS = rb'(?:\s+(?!r=)[\w:]{1,40}="[^"<>]{0,200}")*+'
_ROW_REF = re.compile(rb"<(?:\w{1,20}:)?row" + _ATTRS + rb'\s+r="(\d{1,9})"')
_CELL_REF = re.compile(rb"<(?:\w{1,20}:)?c" + _ATTRS + rb'\s+r="([A-Z]{1,4})(\d{1,9})"')
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")


def _mb(n: int) -> str:
    return numbers.plain(n / 1024 / 1024, 1)


def size_problem(size: int) -> str | None:
    if size > MAX_FILE_BYTES:
        return t("import.limit.size", _LANG, size=_mb(size), limit=MAX_FILE_MB)
    return None


def grid_problem(rows: int, columns: int, cells: int | None = None) -> str | None:
    """Refusal of a grid of `rows` × `columns` (or `cells` filled ones), else None."""
    if columns > MAX_COLUMNS:
        return t(
            "import.limit.columns",
            _LANG,
            columns=numbers.plain(columns),
            limit=numbers.plain(MAX_COLUMNS),
        )
    if rows > MAX_ROWS:
        return t(
            "import.limit.rows", _LANG, rows=numbers.plain(rows), limit=numbers.plain(MAX_ROWS)
        )
    if max(rows * columns if cells is None else cells, 0) > MAX_CELLS:
        return t("import.limit.cells", _LANG, limit=numbers.plain(MAX_CELLS))
    return None


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class _SheetExtent:
    """The furthest row and column a sheet's cells name, and how many cells it has."""

    def __init__(self) -> None:
        self.rows = self.columns = self.cells = 0
        self._tail = b""

    def feed(self, chunk: bytes, final: bool = False) -> None:
        buffer = self._tail + chunk
        cut = len(buffer) if final else buffer.rfind(b">") + 1
        part, self._tail = buffer[:cut], buffer[cut:][-_TAIL:]
        rows = _ROW_REF.findall(part)
        if rows:
            self.rows = max(self.rows, max(int(r) for r in rows))
        refs = _CELL_REF.findall(part)
        if refs:
            self.columns = max(self.columns, max(_column_number(c) for c in {c for c, _ in refs}))
            self.rows = max(self.rows, max(int(r) for _, r in refs))
        # Cells without a reference sit after the previous one: count them as a row's width.
        self.cells += len(_CELL_TAG.findall(part))


def _member_problem(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> int:
    """Stream one member, returning the bytes it really unpacked to; raises on a refusal."""
    is_sheet = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
    extent = _SheetExtent() if is_sheet else None
    unpacked = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > budget:
                raise _Refused(t("import.limit.unpacked", _LANG, limit=_mb(MAX_UNPACKED_BYTES)))
            if extent is not None:
                extent.feed(chunk)
    if extent is not None:
        extent.feed(b"", final=True)
        problem = grid_problem(extent.rows, extent.columns) or grid_problem(
            extent.rows, 1, extent.cells
        )
        if problem:
            raise _Refused(problem)
    return unpacked


class _Refused(Exception):
    pass


def zip_problem(data: bytes) -> str | None:
    """Why a workbook (a ZIP) is refused before any reader opens it, else None. A member that
    unpacks to more than its directory says fails its CRC check here, so a lying directory
    cannot smuggle a bomb past the declared sizes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                return t("import.limit.members", _LANG, count=len(infos), limit=MAX_ZIP_MEMBERS)
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:  # not XLSX (ODS, XLSB, any other ZIP)
                return t("import.file.not_workbook", _LANG)
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                return t("import.limit.unpacked", _LANG, limit=_mb(MAX_UNPACKED_BYTES))
            budget = MAX_UNPACKED_BYTES
            for info in infos:
                budget -= _member_problem(archive, info, budget)
    except _Refused as exc:
        return str(exc)
    except Exception:  # noqa: BLE001 — bad CRC, broken deflate (zlib.error), encrypted, unknown
        # compression: whatever the ZIP reader raises, the user's answer is "not a workbook"
        return t("import.file.not_workbook", _LANG)
    return None
