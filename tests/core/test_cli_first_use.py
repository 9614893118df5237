"""The command line on a fresh data folder, its help in Chinese, and a merge preview."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studio_desk.cli import build_parser, main
from studio_desk.core.models import Member
from studio_desk.core.store import Store

ENGLISH = re.compile(r"usage|positional arguments|optional arguments|options:|show this help|choose from|"
                     r"show program's version|invalid choice|required", re.I)


def _all_parsers(parser):  # type: ignore[no-untyped-def]
    yield parser
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its subcommands only here
        for sub in (getattr(action, "choices", None) or {}).values() if hasattr(action, "add_parser") else ():
            yield from _all_parsers(sub)


def test_every_help_text_is_chinese():
    parsers = list(_all_parsers(build_parser()))
    assert len(parsers) > 12
    for parser in parsers:
        text = parser.format_help()
        assert not ENGLISH.search(text), (parser.prog, ENGLISH.search(text))
        assert "用法：" in text and "显示本帮助并退出" in text


def test_errors_are_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["print", "不存在的种类"])
    err = capsys.readouterr().err
    assert "错误：" in err and "可选" in err and not ENGLISH.search(err)
    with pytest.raises(SystemExit):
        main(["merge"])
    err = capsys.readouterr().err
    assert "缺少参数" in err and not ENGLISH.search(err)


@pytest.mark.parametrize("command", [["backup"], ["export", "--year", "2026", "--xlsx", "x.xlsx"], ["check"],
                                     ["package", "."], ["snapshot", "副本.sqlite"], ["backups"], ["restore", "1"]])
def test_commands_that_need_a_database_say_how_to_begin(data_home: Path, tmp_path: Path, command, capsys,
                                                       monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "开始使用" in err and "Traceback" not in err
    assert not (data_home / "studio-desk.sqlite").exists()


def test_import_on_a_fresh_folder_creates_the_database_and_says_so(demo_path: Path, tmp_path: Path, capsys):
    from studio_desk.exports.workbook import write_workbook

    workbook = tmp_path / "台账.xlsx"
    with Store.open(demo_path, replica_id="r") as store:
        write_workbook(store, 2026, workbook)
    new = tmp_path / "新库.sqlite"
    assert main(["import", "--db", str(new), "--dry-run", "--add-members", str(workbook)]) == 0
    assert not new.exists()  # a dry run creates nothing
    assert main(["import", "--db", str(new), "--add-members", str(workbook)]) == 0
    captured = capsys.readouterr()
    assert f"已新建数据库：{new}" in captured.err
    with Store.open(new, replica_id="r") as store:
        assert store.count(Member) > 5


def test_merge_dry_run_lists_record_by_record_and_writes_nothing(store: Store, db_path: Path, tmp_path: Path,
                                                                capsys):
    other = tmp_path / "副本.sqlite"
    store.save(Member(name="甲"))
    store.backup_to(other)
    with Store.open(other, replica_id="other-pc") as s:
        s.save(Member(name="乙"))
    store.close()
    before = db_path.read_bytes()
    assert main(["merge", "--db", str(db_path), "--dry-run", str(other)]) == 0
    out = capsys.readouterr().out
    assert "预览" in out and "新增　委员“乙”" in out and "未写入" in out
    assert db_path.read_bytes() == before
