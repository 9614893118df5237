"""Rebuild the bundled font subsets from Debian's font packages (run by hand, not at run time).

    apt-get install fonts-arphic-uming fonts-lxgw-wenkai fonts-droid-fallback fonts-dejavu-core
    python resources/fonts/make_fonts.py

The GB subsets keep every character of GB 2312 (the 6,763 汉字 of everyday official writing) plus
ASCII, Latin-1, general and CJK punctuation and full-width forms. The Song extension holds the
other 汉字 of GBK (11,954 of them: the rarer characters of names such as 玥 and 赟) in the same
design, so a rare name in the body stays a serif; anything beyond it (Ext-A) is drawn from Droid
Sans Fallback, shipped whole. Droid Sans Fallback has no Latin letters or digits: the Sans Latin
subset of DejaVu Sans gives the 黑体 headings one sans face for them. Subsets are renamed because
the SIL OFL reserves the name of LXGW WenKai for unmodified fonts and the Bitstream Vera licence
the names Bitstream and Vera.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
SOURCES = {
    # target file: (source, index in a collection, new family name, characters)
    "StudioDeskSong-GB.ttf": (UMING, 0, "StudioDesk Song GB", "gb2312"),
    "StudioDeskSong-Ext.ttf": (UMING, 0, "StudioDesk Song Ext", "gbk-rest"),
    "StudioDeskKai-GB.ttf": (
        "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
        None,
        "StudioDesk Kai GB",
        "gb2312",
    ),
    "StudioDeskSans-Latin.ttf": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", None, "StudioDesk Sans Latin",
                                 "latin"),
}


def latin() -> set[int]:
    return set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))


def gbk_rest() -> set[int]:
    """The 汉字 of GBK that GB 2312 lacks."""
    chars: set[int] = set()
    for hi in range(0x81, 0xFF):
        for lo in range(0x40, 0xFF):
            try:
                chars.add(ord(bytes((hi, lo)).decode("gbk")))
            except UnicodeDecodeError:
                pass
    return {c for c in chars - charset() if 0x3400 <= c <= 0x9FFF}


CHARSETS = {"gb2312": lambda: charset(), "gbk-rest": gbk_rest, "latin": latin}


def charset() -> set[int]:
    chars: set[int] = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
    chars |= set(range(0x2000, 0x2070)) | set(range(0x2100, 0x2200)) | set(range(0x2460, 0x24FF))
    chars |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0)) | {0x2E3A, 0x2E3B, 0x25CB, 0x25A1}
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((hi, lo)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def rename(font: TTFont, family: str) -> None:
    name = font["name"]
    postscript = family.replace(" ", "")
    for rec in list(name.names):
        if rec.nameID in (1, 16):
            rec.string = family
        elif rec.nameID == 4:
            rec.string = family
        elif rec.nameID == 6:
            rec.string = postscript
        elif rec.nameID == 3:
            rec.string = f"{postscript};subset"
        elif rec.nameID in (17,):
            rec.string = "Regular"


def build(target: str, source: str, index: int | None, family: str, chars: str) -> None:
    font = TTFont(source, fontNumber=index) if index is not None else TTFont(source)
    options = subset.Options()
    options.hinting = False  # smaller; the PDF is printed, not rendered at 9 px
    options.drop_tables += ["EBDT", "EBLC", "EBSC", "DSIG", "GSUB", "GPOS", "vhea", "vmtx"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=CHARSETS[chars]())
    sub.subset(font)
    rename(font, family)
    out = HERE / target
    font.save(out)
    print(f"{out.name}: {out.stat().st_size:,} bytes, {len(font.getBestCmap()):,} characters")


if __name__ == "__main__":
    for target, (source, index, family, chars) in SOURCES.items():
        if len(sys.argv) > 1 and target not in sys.argv[1:]:
            continue
        build(target, source, index, family, chars)
