"""Search helpers: pinyin initials word by word are what pypinyin gives for the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from studio_desk.core.text import pinyin_initials

# Surnames, given names, words pypinyin reads as phrases (银行, 重庆, 长乐, 音乐), other scripts.
_POOL = "王李张刘陈曾单解仇区朴查乐长重行调银音中国人民政协委员工作室庆伟芳娜秀A b1 ,、（）\n-·々"


def _whole_text(text: str) -> str:
    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower().replace(" ", "")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_POOL, max_size=16))
def test_initials_word_by_word_equal_those_of_the_whole_text(text: str) -> None:
    assert pinyin_initials(text) == _whole_text(text)


def test_known_names_and_words() -> None:
    assert pinyin_initials("刘刚") == "lg"
    assert pinyin_initials("重庆银行") == _whole_text("重庆银行") == "cqyh"
    assert pinyin_initials("Li 王芳") == "li wf".replace(" ", "")
