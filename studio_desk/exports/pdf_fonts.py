"""Fonts for the annual summary: the official 仿宋/宋体/黑体/楷体 when installed, bundled ones otherwise.

Each *role* of GB/T 9704 (body 仿宋, title 小标宋, headings 黑体 and 楷体, page numbers 宋体) is
served by the first font found: the Windows fonts (or their *_GB2312 variants), else the
TrueType fonts shipped in ``resources/fonts`` (subsets of GB 2312 plus a whole fallback font).
A character the role's font lacks is drawn from the first font of the role's fallback chain that
has it (a serif for the serif roles, a sans for 黑体: see ``FALLBACKS``) and named in the warnings; a character no font has is printed as 〓 (the typesetter's mark for a missing
character) and named in the warnings, so nothing vanishes silently.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from studio_desk.paths import asset_path

ROLES = ("fangsong", "title", "hei", "kai", "song")
ROLE_LABELS = {"fangsong": "仿宋", "title": "小标宋", "hei": "黑体", "kai": "楷体", "song": "宋体"}

# File names looked for in the system font folders, best first. (name, index in a .ttc)
SYSTEM_FONTS: dict[str, list[tuple[str, int]]] = {
    "fangsong": [("仿宋_GB2312.ttf", 0), ("FS_GB2312.ttf", 0), ("FSGB2312.ttf", 0), ("simfang.ttf", 0)],
    "title": [("方正小标宋简体.ttf", 0), ("FZXBSJW.TTF", 0), ("simsun.ttc", 0), ("simsun.ttf", 0)],
    "hei": [("simhei.ttf", 0)],
    "kai": [("楷体_GB2312.ttf", 0), ("KAI_GB2312.ttf", 0), ("KaiTi_GB2312.ttf", 0), ("simkai.ttf", 0)],
    "song": [("simsun.ttc", 0), ("simsun.ttf", 0)],
}
# Bundled fonts per role (resources/fonts). None of them is a 仿宋: the nearest free design with
# even strokes is the Song subset, which also serves the title (drawn with a stroke, see below).
BUNDLED = {
    "fangsong": "StudioDeskSong-GB.ttf",
    "title": "StudioDeskSong-GB.ttf",
    "hei": "DroidSansFallbackFull.ttf",
    "kai": "StudioDeskKai-GB.ttf",
    "song": "StudioDeskSong-GB.ttf",
}
# Where a character the role's font lacks is drawn from, per role, first found first: the serif
# roles keep a rare name character in a serif (the Song extension: the rest of GBK), the 黑体 role
# takes Latin letters and digits from one sans face (Droid Sans Fallback has none). Droid Sans
# Fallback carries what the others lack (Ext-A).
SERIF_FALLBACKS = ("StudioDeskSong-Ext.ttf", "StudioDeskSong-GB.ttf", "StudioDeskKai-GB.ttf",
                   "DroidSansFallbackFull.ttf", "StudioDeskSans-Latin.ttf")
FALLBACKS = {
    "fangsong": SERIF_FALLBACKS, "title": SERIF_FALLBACKS, "song": SERIF_FALLBACKS, "kai": SERIF_FALLBACKS,
    "hei": ("StudioDeskSans-Latin.ttf", "DroidSansFallbackFull.ttf", "StudioDeskSong-Ext.ttf", "StudioDeskSong-GB.ttf"),
}
# A fallback cut from the same typeface as a role's font draws its characters unnoticed.
SAME_DESIGN = {("StudioDeskSong-GB", "StudioDeskSong-Ext")}
MISSING_MARK = "〓"

_REGISTERED: dict[tuple[str, int], "_Face"] = {}


@dataclass
class _Face:
    name: str  # the name registered with reportlab
    path: Path
    label: str  # what the warnings call it
    chars: frozenset[int]

    def has(self, ch: str) -> bool:
        return ord(ch) in self.chars


def system_font_dirs() -> list[Path]:
    """Where Windows keeps fonts (for everyone, and per user). Other systems: none."""
    override = os.environ.get("STUDIO_DESK_FONT_DIRS")
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p]
    if sys.platform != "win32":
        return []
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _find_in(dirs: list[Path], filename: str, listings: dict[Path, dict[str, Path]]) -> Path | None:
    """The font file in the first folder that has it, whatever the case of its name
    (Windows names are case-insensitive; a copied folder elsewhere may differ in case)."""
    lowered = filename.lower()
    for folder in dirs:
        if folder not in listings:
            try:
                listings[folder] = {entry.name.lower(): entry for entry in folder.iterdir()}
            except OSError:
                listings[folder] = {}
        found = listings[folder].get(lowered)
        if found is not None and found.is_file():
            return found
    return None


def _load(path: Path, index: int, label: str) -> _Face | None:
    key = (str(path), index)
    face = _REGISTERED.get(key)
    if face is not None:
        return face
    name = f"SD{len(_REGISTERED)}-{path.stem}"
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except Exception:  # noqa: BLE001 - a damaged or CFF font is simply not used
        return None
    pdfmetrics.registerFont(font)
    face = _Face(name, path, label, frozenset(font.face.charToGlyph))
    _REGISTERED[key] = face
    return face


@dataclass
class FontSet:
    """The fonts chosen for one summary, and what had to be drawn from elsewhere."""

    roles: dict[str, _Face]
    fallbacks: dict[str, list[_Face]]  # role → the faces a missing character is looked for in
    fallback_used: dict[str, set[str]] = field(default_factory=dict)  # font label -> chars
    missing: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, font_dirs: list[Path] | None = None) -> FontSet:
        dirs = system_font_dirs() if font_dirs is None else font_dirs
        roles: dict[str, _Face] = {}
        listings: dict[Path, dict[str, Path]] = {}
        for role in ROLES:
            face = None
            for filename, index in SYSTEM_FONTS[role]:
                path = _find_in(dirs, filename, listings)
                if path is not None:
                    face = _load(path, index, path.name)
                    if face is not None:
                        break
            if face is None:
                path = asset_path("resources", "fonts", BUNDLED[role])
                face = _load(path, 0, path.stem)
            if face is None:  # pragma: no cover - the bundled fonts are part of the program
                raise RuntimeError(f"cannot load font for {role}")
            roles[role] = face
        fallbacks: dict[str, list[_Face]] = {}
        for role in ROLES:
            chain = fallbacks[role] = []
            for filename in FALLBACKS[role]:
                face = _load(asset_path("resources", "fonts", filename), 0, filename.rsplit(".", 1)[0])
                if face is not None:
                    chain.append(face)
            # The other chosen fonts come last (a Windows 黑体 may have what 仿宋 lacks).
            chain += [face for face in roles.values() if face not in chain]
        return cls(roles, fallbacks)

    def name(self, role: str) -> str:
        return self.roles[role].name

    def runs(self, text: str, role: str) -> list[tuple[str, str]]:
        """Split ``text`` into (text, reportlab font name) runs, falling back per character."""
        primary = self.roles[role]
        out: list[tuple[str, str]] = []
        for ch in text:
            if ch in "\n\t" or primary.has(ch):
                name = primary.name
            else:
                ch, name = self._fallback(ch, role)
            if out and out[-1][1] == name:
                out[-1] = (out[-1][0] + ch, name)
            else:
                out.append((ch, name))
        return out

    def _fallback(self, ch: str, role: str) -> tuple[str, str]:
        primary = self.roles[role]
        if ch.isspace() or _invisible(ch):
            return " " if ch.isspace() else "", primary.name
        for face in self.fallbacks[role]:
            if face is not primary and face.has(ch):
                # Latin letters and digits from another font, or a character from the same design,
                # are unremarkable; a 汉字 in another design is named in the warnings.
                if ord(ch) >= 0x2E80 and (primary.label, face.label) not in SAME_DESIGN:
                    self.fallback_used.setdefault(face.label, set()).add(ch)
                return ch, face.name
        self.missing.add(ch)
        return MISSING_MARK, primary.name

    def markup(self, text: str, role: str) -> str:
        """Paragraph markup for plain ``text`` in ``role``'s font, with fallback runs tagged."""
        primary = self.name(role)
        parts = []
        for run, name in self.runs(text, role):
            run = escape(run)
            parts.append(run if name == primary else f'<font face="{name}">{run}</font>')
        return "".join(parts)

    def width(self, text: str, role: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(run, name, size) for run, name in self.runs(text, role))

    def warnings(self) -> list[str]:
        out = []
        for label, chars in sorted(self.fallback_used.items()):
            shown = "、".join(sorted(chars)[:30])
            more = f"等{len(chars)}个字符" if len(chars) > 30 else ""
            out.append(f"以下字符不在所选字体中，已改用备用字体“{label}”绘制：{shown}{more}。")
        if self.missing:
            shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in sorted(self.missing)[:20])
            out.append(
                f"以下字符在所有可用字体中都没有字形，PDF 中以“{MISSING_MARK}”代替，请核对原记录：{shown}。"
            )
        return out

    def describe(self) -> dict[str, str]:
        """Role label → the file that serves it (shown in the dialog and the bench)."""
        return {ROLE_LABELS[r]: face.path.name for r, face in self.roles.items()}


def _invisible(ch: str) -> bool:
    """Zero-width joiners, variation selectors and controls: nothing to draw, nothing lost."""
    code = ord(ch)
    return (
        code < 0x20
        or 0x7F <= code < 0xA0
        or code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )
