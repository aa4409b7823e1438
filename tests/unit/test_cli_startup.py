"""The command line starts fast: building the parser (all `--help` needs) imports neither
SQLAlchemy nor pandas nor the import checks; the commands import them when they run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from data_access import cli_data
from data_access.__main__ import main as cli
from data_access.importing.coords import SYSTEMS

ROOT = Path(__file__).resolve().parents[2]


def test_help_imports_nothing_heavy():
    probe = (
        "import sys; from data_access.__main__ import build_parser; build_parser(); "
        "heavy = [m for m in ('sqlalchemy', 'pandas', 'numpy', 'pyproj', 'data_access.importing')"
        " if m in sys.modules]; print(','.join(heavy) or 'none')"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "none"


def test_the_parser_offers_the_coordinate_systems_the_importer_knows():
    assert cli_data.COORDINATE_SYSTEMS == SYSTEMS


def test_an_unknown_table_is_refused_by_the_import_command(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    path = tmp_path / "f.csv"
    path.write_text("a\n1\n")
    assert cli(["import", "no_such_table", str(path)]) == 2
    assert "no_such_table" in capsys.readouterr().err
