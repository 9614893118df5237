"""The editable template: a changed sentence reaches the PDF; its rules; its documentation."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from studio_desk.core.figures import annual_figures
from studio_desk.exports.pdf_template import TemplateError, Value, chinese_number, render, tidy
from studio_desk.exports.pdf_values import VALUE_NAMES_WITH_ARGUMENT, build_blocks, build_values
from studio_desk.exports.summary import (
    default_template_path,
    editable_template_path,
    read_template,
    reset_template,
    write_summary,
)
from studio_desk.paths import asset_path

try:
    from .test_summary_data import YEAR, body_text, fill, pdf_text
except ImportError:
    from test_summary_data import YEAR, body_text, fill, pdf_text


def test_edited_copy_of_the_template_reaches_the_pdf(store, tmp_path: Path) -> None:
    fill(store)
    original = read_template(None)
    old = "引导委员学思用贯通、知行信统一，筑牢团结奋斗的共同思想基础。"
    assert old in original
    edited = original.replace(old, "委员们读原著、学原文、悟原理，共写心得体会{活动次数:集中学习}篇。")
    copy = tmp_path / "我的模板.txt"
    copy.write_text(edited, encoding="utf-8")
    path = tmp_path / "edited.pdf"
    write_summary(store, YEAR, path, template=copy)
    body = body_text(pdf_text(path))
    assert "委员们读原著、学原文、悟原理，共写心得体会3篇。" in body
    assert "知行信统一" not in body


def test_template_in_the_data_folder_wins(store, data_home: Path, tmp_path: Path) -> None:
    fill(store)
    assert default_template_path() == asset_path("reports", "年度工作总结.txt")
    own = data_home / "reports" / "年度工作总结.txt"
    own.parent.mkdir()
    own.write_text("# 自定义标题{年度}\n\n## 概况\n\n共有委员{委员总数}名。\n", encoding="gbk")
    assert default_template_path() == own
    path = tmp_path / "own.pdf"
    write_summary(store, YEAR, path, signed_on=date(2026, 1, 1))
    body = body_text(pdf_text(path))
    assert body.startswith("自定义标题2025一、概况共有委员3名。")


def test_going_back_to_the_shipped_template_keeps_the_clerks_copy(data_home: Path) -> None:
    assert reset_template() is None  # nothing of the clerk's yet: nothing to set aside
    own = editable_template_path()
    assert own == data_home / "reports" / "年度工作总结.txt"
    assert own.read_bytes() == asset_path("reports", "年度工作总结.txt").read_bytes()
    own.write_text("# 县里的写法{年度}\n", encoding="utf-8")
    assert default_template_path() == own
    kept = reset_template()
    assert kept is not None and kept.parent == own.parent and kept.name.startswith("年度工作总结（停用 ")
    assert kept.read_text(encoding="utf-8") == "# 县里的写法{年度}\n"  # the clerk's work is still there
    assert not own.exists() and default_template_path() == asset_path("reports", "年度工作总结.txt")
    assert editable_template_path().read_bytes() == asset_path("reports", "年度工作总结.txt").read_bytes()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("正文\n\n全年{不存在的数据}次。", "模板第3行：没有名为“不存在的数据”的数据项"),
        ("[全年{活动总数}次", "模板第1行：“[”没有配对的“]”"),
        ("全年{活动总数}次]", "模板第1行：多了一个“]”"),
        ("全年{活动总数次", "“{”没有配对的“}”"),
        ("{@不存在}", "没有名为“@不存在”的段落块"),
        ("前面{@存在问题}后面", "要单独成段"),
        ("{活动次数}", "请写明活动类型"),
        ("{委员总数:3}", "不需要“:3”"),
    ],
)
def test_template_mistakes_are_named_by_line(store, source: str, message: str) -> None:
    fill(store)
    figures = annual_figures(store, YEAR)
    values = build_values(figures, store.studio(), date(2026, 1, 1))
    with pytest.raises(TemplateError, match=re.escape(message)):
        render(source, values, build_blocks(figures, {}))


def test_optional_sentences_and_tidy_punctuation() -> None:
    values = {"有": Value("3"), "无": Value("0", empty=True), "空": Value("", empty=True)}
    source = (
        "# 标题\n\n## 甲\n\n### 子一\n\n[没有{无}次，][有{有}次][，没有{空}]。\n\n"
        "### 子二\n\n[只有{无}]\n\n## 乙\n\n[[嵌套{无}]外层{有}]。\n\n## 丙\n\n{@空块}\n\n## 丁\n\n正文\\[原样\\]。"
    )
    blocks = render(source, values, {"空块": [""]})
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "标题"),
        ("h1", "一、甲"),
        ("h2", "（一）子一"),
        ("para", "有3次。"),
        ("h1", "二、乙"),
        ("para", "外层3。"),
        ("h1", "三、丁"),
        ("para", "正文[原样]。"),
    ]


def test_tidy() -> None:
    assert tidy("，其中甲1件、。") == "其中甲1件。"
    assert tidy("共3次。，另有2件") == "共3次。另有2件"
    assert tidy("甲，，乙；，丙，") == "甲，乙；丙。"
    assert tidy("（、慰问4次）") == "（慰问4次）"


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 35)] == ["一", "九", "十", "十一", "二十", "三十五"]


def test_readme_documents_every_value(store) -> None:
    """Every name the program offers is in reports/README.md, and the README names no others."""
    figures = annual_figures(store, YEAR)
    names = set(build_values(figures, store.studio(), date(2026, 1, 1)))
    blocks = set(build_blocks(figures, {}))
    readme = asset_path("reports", "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`\{([^@}:]+)(?::[^}]*)?\}`", readme))
    documented_blocks = set(re.findall(r"`\{@([^}]+)\}`", readme))
    # the 捐赠/慰问 variants are documented once, for the 捐赠慰问 prefix
    expanded = set(documented)
    for name in documented:
        if name.startswith("捐赠慰问"):
            rest = name[len("捐赠慰问"):]
            expanded |= {f"捐赠{rest}", f"慰问{rest}"}
    assert names <= expanded, sorted(names - expanded)
    assert documented <= names, sorted(documented - names)
    assert blocks == documented_blocks - {"不存在"}
    assert set(VALUE_NAMES_WITH_ARGUMENT) <= names


def test_shipped_template_uses_only_known_names(store) -> None:
    figures = annual_figures(store, YEAR)
    values = build_values(figures, store.studio(), date(2026, 1, 1))
    text = read_template(None)
    used = set(re.findall(r"\{([^@}:]+)(?::[^}]*)?\}", "\n".join(
        line for line in text.splitlines() if not line.strip().startswith("//"))))
    assert used <= set(values)
