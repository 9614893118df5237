"""The summary template: a plain text file a clerk can edit (format documented in reports/README.md).

    // a comment line
    # {工作室名称}{年度}年度工作总结        the title
    ## 主要工作                           a heading, numbered 一、二、… automatically
    ### 学习宣讲培训                      a sub-heading, numbered （一）（二）… within its heading
    全年共开展活动{活动总数}次[，其中{活动类型明细}]。     a paragraph (ends at a blank line)
    {@工作亮点}                           a block: the clerk's text, or a list, as paragraphs

``[ … ]`` is left out when any placeholder directly inside it is zero or empty; a paragraph
left with nothing is dropped, and so is a heading with nothing under it. The engine knows no
figures: it receives the values by name and only puts them in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from studio_desk.core.errors import StudioDeskError


class TemplateError(StudioDeskError):
    pass


@dataclass(frozen=True)
class Value:
    text: str
    empty: bool = False


# A placeholder resolves to a Value, or to a function of its argument (``{活动明细:集中学习,宣传宣讲}``).
Resolver = Value | Callable[[str], Value]


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "h1", "h2", "para"
    text: str
    source_line: int = 0


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings never reach 100)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


_TYPED_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\s*")
_BLOCK = re.compile(r"^\{@([^{}\[\]]+)\}$")


def parse_blocks(source: str) -> list[tuple[str, str, int]]:
    """Split the template into (kind, raw text, line number); paragraphs end at blank lines."""
    out: list[tuple[str, str, int]] = []
    para: list[str] = []
    para_line = 0

    def flush() -> None:
        nonlocal para
        if para:
            out.append(("para", "".join(para), para_line))
            para = []

    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("//"):
            continue
        if not line:
            flush()
            continue
        match = re.match(r"^(#{1,3})\s*(.*)$", line)
        if match:
            flush()
            kind = {1: "title", 2: "h1", 3: "h2"}[len(match.group(1))]
            out.append((kind, match.group(2), number))
            continue
        if not para:
            para_line = number
        para.append(line)
    flush()
    return out


def _tokens(text: str, line: int) -> list[object]:
    """Nested list of text pieces, ``("ph", name, arg)`` and sub-lists for ``[ … ]``."""
    stack: list[list[object]] = [[]]
    i = 0
    buf = []
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            buf.append(text[i + 1])
            i += 2
            continue
        if ch in "[]{":
            if buf:
                stack[-1].append("".join(buf))
                buf = []
        if ch == "[":
            stack.append([])
        elif ch == "]":
            if len(stack) == 1:
                raise TemplateError(f"模板第{line}行：多了一个“]”，没有与之配对的“[”。")
            inner = stack.pop()
            stack[-1].append(inner)
        elif ch == "{":
            end = text.find("}", i)
            if end < 0:
                raise TemplateError(f"模板第{line}行：“{{”没有配对的“}}”。")
            name, _, arg = text[i + 1 : end].partition(":")
            stack[-1].append(("ph", name.strip(), arg.strip()))
            i = end + 1
            continue
        elif ch == "}":
            raise TemplateError(f"模板第{line}行：多了一个“}}”，没有与之配对的“{{”。")
        else:
            buf.append(ch)
        i += 1
    if buf:
        stack[-1].append("".join(buf))
    if len(stack) != 1:
        raise TemplateError(f"模板第{line}行：“[”没有配对的“]”。")
    return stack[0]


def _render(nodes: list[object], values: Mapping[str, Resolver], line: int) -> tuple[str, bool]:
    parts: list[str] = []
    empty = False
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, list):
            text, inner_empty = _render(node, values, line)
            if not inner_empty:
                parts.append(text)
        else:
            _, name, arg = node  # type: ignore[misc]
            value = _lookup(values, name, arg, line)
            parts.append(value.text)
            empty = empty or value.empty
    return "".join(parts), empty


def _lookup(values: Mapping[str, Resolver], name: str, arg: str, line: int) -> Value:
    if name.startswith("@"):
        raise TemplateError(f"模板第{line}行：“{{{name}}}”要单独成段（前后各空一行）。")
    resolver = values.get(name)
    if resolver is None:
        raise TemplateError(
            f"模板第{line}行：没有名为“{name}”的数据项。可用的数据项列在 reports/README.md 中。"
        )
    if isinstance(resolver, Value):
        if arg:
            raise TemplateError(f"模板第{line}行：数据项“{name}”不需要“:{arg}”。")
        return resolver
    try:
        return resolver(arg)
    except TemplateError:
        raise
    except (KeyError, ValueError) as exc:
        raise TemplateError(f"模板第{line}行：数据项“{name}:{arg}”无法使用（{exc}）。") from exc


_PUNCT = "，、；："


def tidy(text: str) -> str:
    """Mend the punctuation left where optional parts were dropped."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(f"^[{_PUNCT}]+", "", text)
    text = re.sub(f"([。！？；：（“])[{_PUNCT}]+", r"\1", text)
    text = re.sub(f"[{_PUNCT}]+([。！？；）”])", r"\1", text)
    text = re.sub(f"([{_PUNCT}])[{_PUNCT}]+", r"\1", text)
    text = re.sub("。{2,}", "。", text)
    text = re.sub(f"[{_PUNCT}]+$", "。", text) if re.search(f"[{_PUNCT}]$", text) else text
    return text


def _has_words(text: str) -> bool:
    return bool(re.sub(r"[\s，、；：。！？“”（）()\-—…]", "", text))


def render(
    source: str,
    values: Mapping[str, Resolver],
    blocks: Mapping[str, list[str]],
) -> list[Block]:
    """Render the template into numbered headings and finished paragraphs."""
    rendered: list[Block] = []
    for kind, raw, line in parse_blocks(source):
        block_match = _BLOCK.match(raw.strip()) if kind == "para" else None
        if block_match:
            name = block_match.group(1).strip()
            if name not in blocks:
                raise TemplateError(
                    f"模板第{line}行：没有名为“@{name}”的段落块。可用的段落块列在 reports/README.md 中。"
                )
            for text in blocks[name]:
                for piece in text.splitlines():
                    if piece.strip():
                        rendered.append(Block("para", piece.strip(), line))
            continue
        text, empty = _render(_tokens(raw, line), values, line)
        if kind == "para":
            text = tidy(text)
            if empty or not _has_words(text):
                continue
        else:
            text = _TYPED_NUMBER.sub("", text).strip()
        rendered.append(Block(kind, text, line))
    return _number(_prune(rendered))


def _prune(blocks: list[Block]) -> list[Block]:
    """Drop headings with nothing under them (sub-headings first, then headings)."""
    out: list[Block] = []
    for level in ("h2", "h1"):
        out = []
        for index, block in enumerate(blocks):
            if block.kind == level:
                rest = blocks[index + 1 :]
                stop = ("title", "h1") if level == "h1" else ("title", "h1", "h2")
                has_body = False
                for nxt in rest:
                    if nxt.kind in stop:
                        break
                    has_body = True
                    break
                if not has_body:
                    continue
            out.append(block)
        blocks = out
    return out


def _number(blocks: list[Block]) -> list[Block]:
    out = []
    h1 = h2 = 0
    for block in blocks:
        if block.kind == "h1":
            h1 += 1
            h2 = 0
            block = Block("h1", f"{chinese_number(h1)}、{block.text}", block.source_line)
        elif block.kind == "h2":
            h2 += 1
            block = Block("h2", f"（{chinese_number(h2)}）{block.text}", block.source_line)
        out.append(block)
    return out
