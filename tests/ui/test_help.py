"""使用说明: F1 opens the manual at the page's chapter; the PDF is made from the same text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QListWidget, QTextBrowser

from studio_desk.exports.document import Heading, Paragraph, Title, plain_text
from studio_desk.help import chapters, manual_document, manual_html, parse, read_manual
from tests.ui.conftest import child

SAMPLE = """# 说明

## 一、开始 {#start}

第一行
接着写。

- 一项
- 另一项

1. 第一步
2. 第二步

### （一）小节
最后一段。
"""


def test_the_manual_text_becomes_the_same_blocks_for_window_and_pdf():
    parts = parse(SAMPLE)
    assert [(p.kind, p.text) for p in parts] == [
        ("title", "说明"), ("chapter", "一、开始"), ("text", "第一行接着写。"), ("bullet", "一项"),
        ("bullet", "另一项"), ("step", "第一步"), ("step", "第二步"), ("section", "（一）小节"),
        ("text", "最后一段。"),
    ]
    assert chapters(parts) == [("start", "一、开始")]
    doc = manual_document(parts)
    assert isinstance(doc.blocks[0], Title) and isinstance(doc.blocks[1], Heading)
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)][1:] == ["· 一项", "· 另一项", "1．第一步",
                                                                           "2．第二步", "最后一段。"]
    page = manual_html(parts)
    assert '<h2><a name="start"></a>一、开始</h2>' in page
    assert "<ul>\n<li>一项</li>\n<li>另一项</li>\n</ul>\n<ol start=\"1\">" in page
    assert "<h3>（一）小节</h3>" in page and "<p>最后一段。</p>" in page


def test_the_shipped_manual_covers_the_clerks_work_and_needs_no_qt():
    parts = parse(read_manual())
    titles = [t for _a, t in chapters(parts)]
    for topic in ("第一次使用", "日常登记", "接待", "提案", "照片", "报送", "年度工作总结", "封账", "U盘", "备份",
                  "遇到问题"):
        assert any(topic in t for t in titles), topic
    anchors = [a for a, _t in chapters(parts)]
    from studio_desk.ui.help_window import TOPIC_OF_PAGE
    from studio_desk.ui.main_window import PAGE_NAMES

    assert set(TOPIC_OF_PAGE) == set(PAGE_NAMES) and set(TOPIC_OF_PAGE.values()) <= set(anchors)
    code = "import sys, studio_desk.help as h; h.manual_document(); print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"


def test_f1_opens_the_manual_at_the_pages_chapter(window, qtbot):
    window.show_page("数据交换")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window._help_window
    qtbot.waitUntil(help_window.isVisible, timeout=5000)
    contents = child(help_window, "help_contents", QListWidget)
    assert contents.currentItem().text() == "九、用U盘在两台电脑之间交换数据"
    text = child(help_window, "help_text", QTextBrowser).toPlainText()
    assert "从U盘合并" in text and "隐去群众个人信息" in text
    # The chapter chosen is scrolled into view.
    assert child(help_window, "help_text", QTextBrowser).verticalScrollBar().value() > 0
    # F1 again on another page raises the same window at that page's chapter.
    window.show_page("提案建议")
    window.show_help()
    assert window._help_window is help_window
    assert contents.currentItem().text() == "四、提案建议"
    help_window.close()


def test_saving_the_manual_as_pdf_from_the_help_menu(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "说明"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    action = next(a for a in window.findChildren(type(window.export_action)) if a.objectName() == "help_pdf")
    action.trigger()
    help_window = window._help_window
    pdf = tmp_path / "说明.pdf"
    qtbot.waitUntil(lambda: help_window.written == pdf, timeout=60_000)
    assert "已保存" in help_window.status.text()
    parts = parse(read_manual())
    with pdfplumber.open(str(pdf)) as doc:
        assert len(doc.pages) >= 3
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
        first = doc.pages[0]
        top = min(c["top"] for c in first.chars if c["text"].strip())
        title = [c for c in first.chars if c["text"].strip() and abs(c["top"] - top) < 1]
        page_width = float(first.width)
    flat = text.replace("\n", "")
    at = 0
    for _anchor, heading in chapters(parts):  # every chapter heading, in the manual's order
        found = flat.find(heading, at)
        assert found >= 0, heading
        at = found
    # The title comes first, centred on the page.
    assert "".join(c["text"] for c in sorted(title, key=lambda c: c["x0"])) == "委员工作室履职台账使用说明"
    middle = (min(c["x0"] for c in title) + max(c["x1"] for c in title)) / 2
    assert abs(middle - page_width / 2) < 3
    help_window.close()
    QApplication.processEvents()
