"""Every user-facing string exists in both languages, and every key used in code is defined."""

from __future__ import annotations

import re
from pathlib import Path

from components.i18n import STRINGS

ROOT = Path(__file__).resolve().parents[2]
KEY_USE = re.compile(r"""\bt\(\s*f?["']([a-z_0-9]+\.[a-z_0-9.]+)["']""")


def test_every_string_has_chinese_and_english():
    for key, (zh, en) in STRINGS.items():
        assert zh.strip() and en.strip(), key
        assert re.search(r"[\u4e00-\u9fff]", zh) or key.endswith(("lang", ".en")), (
            f"{key} has no Chinese: {zh}"
        )


def test_placeholders_match_between_languages():
    for key, (zh, en) in STRINGS.items():
        assert set(re.findall(r"{(\w+)}", zh)) == set(re.findall(r"{(\w+)}", en)), key


def test_every_key_used_in_pages_and_components_is_defined():
    used = set()
    for path in [
        ROOT / "app.py",
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "components").glob("*.py"),
    ]:
        used |= {k for k in KEY_USE.findall(path.read_text(encoding="utf-8")) if "{" not in k}
    missing = sorted(k for k in used if k not in STRINGS and not k.endswith("."))
    assert not missing, missing
