"""A CSV's encoding is decided for the whole file. A file mixing UTF-8 and GBK rows is refused
naming a row of each (not imported as 寮犱紵); GBK / GB18030 behind a UTF-8 or GB18030 BOM is
read, on the page's path and on the command line, with no traceback."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data_access.__main__ import main as cli
from data_access.importing.reading import FileProblem, read_grid, rows_of
from data_access.importing.spec import header, table_spec

SPEC = table_spec("welfare_households")
HEAD = ",".join(header(SPEC.name, c, "zh") for c in ("household_no", "head_name"))
CHINESE = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=4
)


def test_utf8_and_gbk_rows_in_one_file_are_refused_naming_the_rows():
    data = (HEAD + "\n").encode() + "A1,张伟\n".encode() + "A2,李娜\n".encode("gbk")
    with pytest.raises(FileProblem) as refused:
        read_grid(data)
    text = str(refused.value)
    assert "第1行是 UTF-8" in text and "第3行" in text and "没有导入任何数据" in text


@settings(max_examples=30)
@given(names=st.lists(CHINESE, min_size=1, max_size=5))
def test_gbk_behind_a_bom_reads_back_exactly(names):
    body = (HEAD + "\n" + "".join(f"A{i},{n}\n" for i, n in enumerate(names))).encode("gb18030")
    for bom in (codecs.BOM_UTF8, b"\x84\x31\x95\x33", b""):
        sheet = rows_of(bom + body, SPEC)
        assert [r["head_name"] for _, r in sheet.rows] == names


@settings(max_examples=30)
@given(names=st.lists(CHINESE, min_size=2, max_size=5))
def test_one_encoding_throughout_is_never_called_mixed(names):
    text = HEAD + "\n" + "".join(f"A{i},{n}\n" for i, n in enumerate(names))
    for data in (text.encode(), codecs.BOM_UTF8 + text.encode(), text.encode("gb18030")):
        assert [r[1] for r in read_grid(data)[0][1:]] == names


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, b"\x84\x31\x95\x33"], ids=["utf8-bom", "gb-bom"])
def test_the_command_line_reads_a_bom_and_gb18030_file_without_a_traceback(bom, tmp_path, capsys):
    path = tmp_path / "households.csv"
    path.write_bytes(bom + (HEAD + "\nA1,张伟\n").encode("gb18030"))
    url = f"sqlite:///{tmp_path / 'db.db'}"
    code = cli(["--database-url", url, "import", "welfare_households", str(path), "--dry-run"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err  # refused for the missing columns, read fine
    assert "无法识别文件编码" not in err and "缺少" in err or "必填" in err


def test_the_command_line_refuses_a_mixed_file_with_the_rows(tmp_path, capsys):
    path = tmp_path / "mixed.csv"
    path.write_bytes((HEAD + "\n").encode() + "A1,张伟\n".encode() + "A2,李娜\n".encode("gbk"))
    url = f"sqlite:///{tmp_path / 'db.db'}"
    assert cli(["--database-url", url, "import", "welfare_households", str(path)]) == 2
    assert "第1行是 UTF-8" in capsys.readouterr().err
