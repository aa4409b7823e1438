"""User-facing text: every string in both languages, every key the code uses defined, no Chinese
literal outside the locale modules, strict mode, and the one number formatter."""

from __future__ import annotations

import ast
import math
import re
import string
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from data_access import vocab
from data_access.text import LANG_NAMES, LANGS, STRINGS, MissingText, numbers, t

ROOT = Path(__file__).resolve().parents[2]
# Where user-facing code lives; tests/ and bench/ are not shown to users.
SOURCE_ROOTS = ("app.py", "dashboard.py", "pages", "components", "data_access")
LOCALE_DIR = ROOT / "data_access" / "text" / "locale"
# The sample-data generator writes the sample county's Chinese names of places, people and
# organisations: data, not interface text.
# data_access/text/input_forms.py holds what clerks type (年/月/日, 万元), which imports must read.
CHINESE_ALLOWED = (
    LOCALE_DIR,
    ROOT / "data_access" / "sample",
    ROOT / "data_access" / "text" / "input_forms.py",
)

# CJK symbols and punctuation, CJK ideographs (extension A and unified), full-width forms, and the
# curly quotes Chinese text uses.
CJK = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019]")
HAN = re.compile("[\u3400-\u9fff]")

# Keys whose Chinese side rightly has no Chinese characters: separators and symbols.
NO_HAN_ALLOWED = {
    "common.list_sep",
    "template.rule_sep",
    "common.caption_sep",
    "url.notice_sep",
    "table.value_sep",
    "table.csv_what",
    "unit.share",
    # layouts of already translated parts
    "wf.map.grid_name",
    "review.unit_header",
    "summary.clause_sep",
    "summary.heading",
    "review.summary.run_in",
    "summary.s.project",
    "summary.end",
    "wf.check.count",
    "fac.matrix.status_count",
    "unit.header",
}
# Separators that may be whitespace only (an ideographic space between caption parts).
BLANK_ALLOWED = {"common.caption_sep"}

TEXT_FUNCTIONS = {"t", "text_in"}


def source_files() -> list[Path]:
    files: list[Path] = []
    for name in SOURCE_ROOTS:
        path = ROOT / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(sorted(path.rglob("*.py")))
    return files


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


# --- the strings themselves ------------------------------------------------------------------


def test_every_string_has_chinese_and_english():
    problems = []
    for key, pair in STRINGS.items():
        if not (isinstance(pair, tuple) and len(pair) == 2):
            problems.append(f"{key}: not a (中文, English) pair: {pair!r}")
            continue
        zh, en = pair
        for lang, text in (("zh", zh), ("en", en)):
            if not isinstance(text, str) or text == "":
                problems.append(f"{key}: empty {lang}")
            elif not text.strip() and key not in BLANK_ALLOWED:
                problems.append(f"{key}: blank {lang}: {text!r}")
        if isinstance(zh, str) and not HAN.search(zh) and key not in NO_HAN_ALLOWED:
            problems.append(f"{key}: no Chinese characters: {zh!r}")
    assert not problems, "\n".join(problems)


def test_placeholders_match_between_languages():
    problems = []
    for key, (zh, en) in STRINGS.items():
        try:
            zh_fields, en_fields = placeholders(zh), placeholders(en)
        except ValueError as exc:  # an unmatched brace: str.format would fail at run time
            problems.append(f"{key}: {exc}")
            continue
        if zh_fields != en_fields:
            problems.append(f"{key}: 中文 {sorted(zh_fields)} vs English {sorted(en_fields)}")
    assert not problems, "\n".join(problems)


def test_every_language_has_a_name():
    assert set(LANG_NAMES) == set(LANGS)
    assert all(name.strip() for name in LANG_NAMES.values())


def test_every_vocabulary_code_has_a_label():
    missing = [
        f"vocab.{name}.{code}"
        for name, codes in vocab.VOCABULARIES.items()
        for code in codes
        if f"vocab.{name}.{code}" not in STRINGS
    ]
    assert not missing, missing


# --- keys used in code -----------------------------------------------------------------------


@dataclass(frozen=True)
class KeyUse:
    where: str
    key: str  # the literal key, or the f-string's source
    pattern: re.Pattern | None  # for an f-string: what the keys it can produce look like


def _key_uses_in(node: ast.expr, where: str) -> list[KeyUse]:
    """The keys a `t(...)` argument can be: a literal, an f-string, or either branch of `a if c else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [KeyUse(where, node.value, None)]
    if isinstance(node, ast.JoinedStr):
        parts = [re.escape(v.value) if isinstance(v, ast.Constant) else ".+" for v in node.values]
        return [KeyUse(where, ast.unparse(node), re.compile("".join(parts)))]
    if isinstance(node, ast.IfExp):
        return _key_uses_in(node.body, where) + _key_uses_in(node.orelse, where)
    return []  # a variable: checked where its value is made


def key_uses() -> list[KeyUse]:
    """Every key passed to t(...) / text_in(...) / something.t(...) in the app's code."""
    uses = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in TEXT_FUNCTIONS:
                uses += _key_uses_in(node.args[0], f"{rel(path)}:{node.lineno}")
    return uses


def test_the_key_scan_finds_literal_and_dynamic_keys():
    uses = key_uses()
    assert any(u.pattern is None for u in uses)
    # data_access/text/numbers.py: t(f"unit.{u.name}", lang)
    assert any(u.pattern is not None and u.pattern.fullmatch("unit.persons") for u in uses)


def test_every_literal_key_used_in_code_is_defined():
    missing = [
        f"{u.where}: {u.key}" for u in key_uses() if u.pattern is None and u.key not in STRINGS
    ]
    assert not missing, "undefined text keys:\n" + "\n".join(missing)


def test_every_dynamic_key_matches_some_defined_key():
    missing = [
        f"{u.where}: {u.key}"
        for u in key_uses()
        if u.pattern is not None and not any(u.pattern.fullmatch(k) for k in STRINGS)
    ]
    assert not missing, "f-string keys that match no defined key:\n" + "\n".join(missing)


# --- no Chinese outside the locale -----------------------------------------------------------


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the docstring constants (first statement of a module, class or function)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                found.add(id(first.value))
    return found


def chinese_literals(path: Path) -> list[str]:
    """'file:line: literal' for every string constant with CJK text that is not a docstring
    (f-string pieces included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and CJK.search(node.value)
    ]
    return [f"{rel(path)}:{line}: {value!r}" for line, value in sorted(found)]


def _chinese_allowed(path: Path) -> bool:
    return any(path == allowed or allowed in path.parents for allowed in CHINESE_ALLOWED)


CHECKED_FILES = [p for p in source_files() if not _chinese_allowed(p)]


def test_the_chinese_literal_scan_sees_what_it_must():
    assert ROOT / "data_access" / "tables.py" in CHECKED_FILES
    assert not any(LOCALE_DIR in p.parents for p in CHECKED_FILES)
    sample = ROOT / "data_access" / "sample" / "people.py"
    assert sample not in CHECKED_FILES
    assert chinese_literals(sample)  # the scan does find Chinese where there is some


@pytest.mark.parametrize("path", CHECKED_FILES, ids=rel)
def test_no_chinese_literals_outside_the_locale(path):
    """Interface text goes through t(key): Chinese in code could not be switched to English."""
    found = chinese_literals(path)
    assert not found, "move these into data_access/text/locale/:\n" + "\n".join(found)


# --- strict mode -----------------------------------------------------------------------------


def test_a_missing_key_raises_in_strict_mode(monkeypatch):
    monkeypatch.setenv("DASHBOARD_STRICT_TEXT", "1")
    with pytest.raises(MissingText):
        t("no.such.key")
    with pytest.raises(MissingText):
        t("no.such.key", "en", n=1)


@pytest.mark.parametrize("setting", [None, "", "0"])
def test_a_missing_key_shows_the_key_otherwise(monkeypatch, caplog, setting):
    if setting is None:
        monkeypatch.delenv("DASHBOARD_STRICT_TEXT", raising=False)
    else:
        monkeypatch.setenv("DASHBOARD_STRICT_TEXT", setting)
    assert t("no.such.key") == "no.such.key"
    assert t("no.such.key", "en", n=1) == "no.such.key"
    assert "no.such.key" in caplog.text


def test_t_picks_the_language_and_fills_placeholders():
    assert t("data.cell.not_integer", "zh", value="x") == "应为整数，实际为“x”"
    assert t("data.cell.not_integer", "en", value="x") == "should be a whole number, got “x”"
    assert t("data.cell.required") == "不能为空"  # Chinese by default


# --- the number formatter --------------------------------------------------------------------

COUNT_UNITS = [name for name, u in numbers.UNITS.items() if u.kind == "count"]
GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})*(\.\d+)?")

counts = st.one_of(st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False))
amounts = st.one_of(
    st.integers(-(10**10), 10**10), st.floats(-1e10, 1e10, allow_nan=False, allow_infinity=False)
)
shares = st.floats(0, 1, allow_nan=False)
changes = st.one_of(
    st.integers(-(10**7), 10**7),
    st.floats(-1e7, 1e7, allow_nan=False, allow_infinity=False),
    st.floats(-0.01, 0.01, allow_nan=False),  # near zero: where signs and rounding meet
)
langs = st.sampled_from(LANGS)


def number_in(text: str) -> float:
    """The value of a shown number ('1,234.5' → 1234.5, '+65.1万' → 651000), checking its
    thousands grouping."""
    if text.endswith("万"):
        return number_in(text[:-1]) * 10_000
    assert GROUPED.fullmatch(text), text
    return float(text.replace(",", ""))


def strip_suffix(text: str, suffix: str) -> str:
    assert text.endswith(suffix), (text, suffix)
    return text[: len(text) - len(suffix)] if suffix else text


@given(counts, st.sampled_from(COUNT_UNITS), langs)
def test_a_count_shows_its_rounded_value(value, unit_name, lang):
    shown = numbers.figure(value, unit_name, lang)
    suffix = t(f"unit.{unit_name}", "zh") if lang == "zh" else ""  # English labels name the noun
    assert number_in(strip_suffix(shown, suffix)) == round(value)


@given(amounts, langs)
def test_money_shows_the_yuan(value, lang):
    shown = numbers.figure(value, "yuan", lang)
    if lang == "zh":
        assert number_in(strip_suffix(shown, t("unit.yuan", "zh"))) == round(value)
    else:
        sign = "-" if shown.startswith("-") else ""
        assert shown.startswith(f"{sign}¥")
        assert number_in(shown[len(sign) + 1 :]) == abs(round(value))
        assert (sign == "-") == (round(value) < 0)


@given(amounts)
def test_compact_chinese_money_is_in_wan_yuan_from_100000(value):
    shown = numbers.figure(value, "yuan", "zh", compact=True)
    if abs(value) >= 100_000:
        assert number_in(strip_suffix(shown, t("unit.wan_yuan", "zh"))) == round(value / 10_000, 2)
    else:
        assert shown == numbers.figure(value, "yuan", "zh")
    # English has no 万: the exact sum.
    assert numbers.figure(value, "yuan", "en", compact=True) == numbers.figure(value, "yuan", "en")


def test_money_examples():
    assert numbers.figure(846_000, "yuan", "zh") == "846,000元"
    assert numbers.figure(846_000, "yuan", "zh", compact=True) == "84.6万元"
    assert numbers.figure(448_795, "yuan", "zh", compact=True) == "44.88万元"
    assert numbers.figure(99_999, "yuan", "zh", compact=True) == "99,999元"
    assert numbers.figure(846_000, "yuan", "en") == "¥846,000"
    assert numbers.figure(-500, "yuan", "en") == "-¥500"


@given(shares, langs)
def test_a_share_shows_a_percentage_to_one_decimal(value, lang):
    shown = numbers.figure(value, "share", lang)
    assert number_in(strip_suffix(shown, "%")) == round(value * 100, 1)
    assert re.fullmatch(r"\d+\.\d%", shown)


def test_areas_distances_and_rates_keep_their_unit():
    assert numbers.figure(412, "m2", "zh") == "412 平方米"
    assert numbers.figure(412, "m2", "en") == "412 m²"
    assert numbers.figure(500, "metres", "en") == "500 m"
    assert numbers.figure(16, "per_1000_households", "zh") == "16.0个/千户"


@pytest.mark.parametrize("unit_name", list(numbers.UNITS))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", [None, math.nan, float("nan")])
def test_unknown_values_show_a_dash(unit_name, lang, value):
    assert numbers.figure(value, unit_name, lang) == "—"
    assert numbers.figure(value, unit_name, lang, compact=True) == "—"
    assert numbers.change(value, unit_name, lang) == "—"
    assert numbers.is_zero(value, unit_name) is False


@pytest.mark.parametrize("unit_name", COUNT_UNITS)
@pytest.mark.parametrize("value", [0, 1, 2, None])
def test_a_suppressed_count_shows_below_three(unit_name, value):
    assert numbers.figure(value, unit_name, "zh", suppressed=True) == "<3" + t(
        f"unit.{unit_name}", "zh"
    )
    assert numbers.figure(value, unit_name, "en", suppressed=True) == "<3"


@given(changes, st.sampled_from(COUNT_UNITS + ["yuan"]), langs)
def test_a_change_carries_its_sign(diff, unit_name, lang):
    shown = numbers.change(diff, unit_name, lang)
    assert shown[0] in "+-"
    if shown.endswith("万"):  # in 万 to the hundred yuan, as the 万元 figures beside it
        assert abs(number_in(shown) - diff) <= 50
    else:
        assert number_in(shown) == round(diff)
    if not numbers.is_zero(diff, unit_name):
        assert shown[0] == ("+" if diff > 0 else "-")


@given(st.floats(-1, 1, allow_nan=False), langs)
def test_a_share_changes_in_percentage_points(diff, lang):
    shown = numbers.change(diff, "share", lang)
    number = strip_suffix(shown, t("unit.pp", lang))
    assert number[0] in "+-"
    assert number_in(number) == round(diff * 100, 1)
    if not numbers.is_zero(diff, "share"):
        assert number[0] == ("+" if diff > 0 else "-")


@given(changes, st.sampled_from(list(numbers.UNITS)), langs, st.sampled_from([None, 0, 1, 2]))
def test_is_zero_agrees_with_the_shown_change(diff, unit_name, lang, decimals):
    """A change shown as +0 / +0.0 (no arrow, no colour) is zero; any other is not."""
    is_share = numbers.unit(unit_name).kind == "share"
    assume(not is_share or abs(diff) <= 1)  # a share moves by at most 100 points
    shown = numbers.change(diff, unit_name, lang, decimals)
    if is_share:
        shown = strip_suffix(shown, t("unit.pp", lang))
    zero = numbers.is_zero(diff, unit_name, decimals)
    assert zero == (number_in(shown) == 0), shown
    if zero:
        assert shown.startswith("+"), f"a zero change reads {shown!r}, not +0"


def test_change_examples():
    assert numbers.change(12, "persons", "zh") == "+12"
    assert numbers.change(-3, "persons", "en") == "-3"
    assert numbers.change(0.012, "share", "zh") == "+1.2个百分点"
    assert numbers.change(-0.012, "share", "en") == "-1.2 pp"
    assert numbers.change(0, "share", "zh") == "+0.0个百分点"
    # Money changes read like the 万元 figures they stand beside (large ones).
    assert numbers.change(651_000, "yuan", "zh") == "+65.1万"
    assert numbers.change(-226_000, "yuan", "zh") == "-22.6万"
    assert numbers.change(-2_260, "yuan", "zh") == "-2,260"
    assert numbers.change(651_000, "yuan", "en") == "+651,000"
    assert numbers.is_zero(0.0004, "share") and not numbers.is_zero(0.0006, "share")
