"""The county's figures: each studio's own yearly figures side by side, their sum, and a rating.

A studio's figures are computed by :func:`studio_desk.core.figures.period_figures` on its own
database copy when its package is added, and kept in the county file as JSON; the county's totals
are the sum of the studios' figures, field by field (counts add up; a rate adds its numerators
and its denominators), so every county figure means exactly what the same figure means for one
studio.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from collections.abc import Callable, Collection

from studio_desk.core.figures import AnnualFigures, KeyFigure, Rate, YearFigures

# Lists that belong to one studio and are not added up for the county.
_NOT_SUMMED = ("last_year", "first_year", "ranking", "highlights", "economic_events")


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _identity(value: Any) -> Any:
    return value


@functools.lru_cache(maxsize=None)
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """A function turning JSON back into a value of type ``tp`` (built once per type)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner = _decoder(options[0]) if len(options) == 1 else _identity
        return lambda v: None if v is None else inner(v)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(tp) if f.init]
        return lambda v: tp(**{name: fn(v[name]) for name, fn in fields if name in v})
    if origin is dict:
        value_fn = _decoder(args[1])
        if value_fn is _identity:
            return dict
        return lambda v: {k: value_fn(x) for k, x in v.items()}
    if origin is list:
        item_fn = _decoder(args[0])
        if item_fn is _identity:
            return list
        return lambda v: [item_fn(x) for x in v]
    if tp is date:
        return date.fromisoformat
    if tp is Decimal:
        return Decimal
    return _identity


def figures_to_json(figures: YearFigures) -> str:
    return json.dumps(_encode(figures), ensure_ascii=False, separators=(",", ":"))


def figures_from_json(text: str) -> YearFigures:
    result = _decoder(YearFigures)(json.loads(text))
    assert isinstance(result, YearFigures)
    return result


def _shape(tp: Any, seen: frozenset[Any] = frozenset()) -> Any:
    if dataclasses.is_dataclass(tp) and isinstance(tp, type) and tp not in seen:
        hints = typing.get_type_hints(tp)
        return [(f.name, _shape(hints[f.name], seen | {tp})) for f in dataclasses.fields(tp)]
    return str(tp)


@functools.lru_cache(maxsize=None)
def figures_format() -> str:
    """A fingerprint of the figures' fields: figures kept in an older shape are computed again."""
    return hashlib.sha256(repr(_shape(YearFigures)).encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=None)
def _hints(tp: type) -> dict[str, Any]:
    return typing.get_type_hints(tp)


def _sum(tp: Any, values: list[Any], default: Any) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is int:
        return sum(values)
    if tp is Rate:
        return Rate(sum(v.numerator for v in values), sum(v.denominator for v in values))
    if origin is dict:
        out: dict[Any, Any] = {}
        for value in values:
            for key in value:
                out.setdefault(key, None)
        for key in out:
            present = [v[key] for v in values if key in v]
            out[key] = _sum(args[1], present, present[0])
        return out
    if origin is list and args and args[0] is int:
        length = max((len(v) for v in values), default=len(default))
        return [sum(v[i] for v in values if i < len(v)) for i in range(length)]
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        if values and all(hints[f.name] is int for f in dataclasses.fields(tp)):
            return tp(**{f.name: sum(getattr(v, f.name) for v in values) for f in dataclasses.fields(tp)})
    return default


def sum_figures(items: list[YearFigures], year: int, first_year: int | None = None) -> YearFigures:
    """The figures of several studios together: every count added, every rate over the sums."""
    total = YearFigures(year, first_year=first_year)
    hints = _hints(YearFigures)
    for f in dataclasses.fields(YearFigures):
        if f.name in _NOT_SUMMED:
            continue
        default = getattr(total, f.name)
        setattr(total, f.name, _sum(hints[f.name], [getattr(x, f.name) for x in items], default))
    return total


def key_figure_map(figures: AnnualFigures) -> dict[str, KeyFigure]:
    return {kf.key: kf for _, items in figures.key_figures() for kf in items}


def figure_value(figures: AnnualFigures, key: str, column: KeyFigure) -> KeyFigure:
    """The studio's figure for a column of the county table (0 where the studio has none of it)."""
    found = key_figure_map(figures).get(key)
    if found is not None:
        return found
    zero: int | Rate = Rate(0, 0) if column.kind == "rate" else 0
    return KeyFigure(key, column.label, column.unit, column.kind, zero, zero)


@dataclass(frozen=True)
class Criterion:
    """One of the county's rating criteria: a key figure at or above a threshold earns a star.

    The threshold is in the figure's own unit: a count, yuan for money, percent for a rate."""

    key: str
    threshold: int

    def met(self, figure: KeyFigure) -> bool:
        value = figure.current
        if isinstance(value, Rate):
            ratio = value.value
            return ratio is not None and ratio * 100 >= self.threshold
        if figure.kind == "money":
            return value >= self.threshold * 100
        return value >= self.threshold


DEFAULT_CRITERIA = (
    Criterion("activities_total", 12),
    Criterion("receptions_total", 12),
    Criterion("practical_help", 5),
    Criterion("outputs_total", 5),
    Criterion("close_rate", 80),
)


def column_header(figure: KeyFigure) -> str:
    """The figure's column in the county table: ``接待走访(次)``, ``接待走访群众(人次)``, ``办结率``."""
    return f"{figure.label}({figure.unit})" if figure.unit and figure.kind != "rate" else figure.label


# Short names a county official types for the figures rated most often (``活动=12``).
CRITERION_ALIASES = {
    "活动": "activities_total",
    "活动次数": "activities_total",
    "接待": "receptions_total",
    "接待次数": "receptions_total",
    "接待人次": "reception_people",
    "实事": "practical_help",
    "提案建议": "outputs_total",
    "建言": "outputs_total",
    "立案": "proposals_filed",
    "采用": "adopted_total",
    "批示": "instructions",
    "满意率": "satisfaction_rate",
    "认可率": "satisfaction_rate",
    "捐赠慰问": "donation_events",
    "捐赠慰问次数": "donation_events",
    "捐赠慰问金额": "donation_total",
}


def _plain(text: str) -> str:
    return text.replace(" ", "").replace("　", "").replace("（", "(").replace("）", ")")


def find_figure(name: str, figures: AnnualFigures) -> KeyFigure:
    """The key figure a typed name means: its column header (``接待走访(次)``), its label
    (``办结率``), a short name (``活动``) or its key; a :class:`StudioDeskError` naming the
    choices when the name fits none or several."""
    from studio_desk.core.errors import StudioDeskError

    known = key_figure_map(figures)
    typed = _plain(name)
    if typed in known:
        return known[typed]
    alias = CRITERION_ALIASES.get(typed)
    if alias in known:
        return known[alias]
    exact = [kf for kf in known.values() if typed in (_plain(column_header(kf)), _plain(kf.label))]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        choices = "、".join(column_header(kf) for kf in exact)
        raise StudioDeskError(f"“{name}”可以指几项：{choices}。请照汇总表的列名写，如“{column_header(exact[0])}=…”。")
    partial = [kf for kf in known.values() if typed and typed in _plain(kf.label)]
    if len(partial) == 1:
        return partial[0]
    if partial:
        choices = "、".join(column_header(kf) for kf in partial[:12])
        raise StudioDeskError(f"“{name}”可以指几项：{choices}。请写全指标的名称。")
    listed = "、".join(column_header(kf) for kf in known.values())
    raise StudioDeskError(f"没有叫“{name}”的指标。可用的指标（汇总表的列名）：{listed}。")


def _threshold_unit(figure: KeyFigure | None) -> str:
    if figure is None:
        return ""
    return "%" if figure.kind == "rate" else figure.unit


def last_year_not_sent(year: int) -> str:
    """Said in last year's totals row (the county window and workbook) when no studio sent ``year``."""
    return f"{year}年：各工作室都没有报送，没有上年合计可比"


def studio_names(names: list[str], limit: int | None = None) -> str:
    """``甲、乙共2个工作室``; past ``limit`` names, ``甲、乙……等122个工作室``; one name alone."""
    shown = "、".join(names[:limit] if limit else names)
    if limit and len(names) > limit:
        return f"{shown}等{len(names)}个工作室"
    return f"{shown}共{len(names)}个工作室" if len(names) > 1 else shown


def last_year_words(figures: CountyFigures, limit: int | None = None) -> str:
    """What the comparison with last year leaves out, in the words the county window, the workbook's
    统计汇总 and the write-up all say: no studio sent last year (:func:`last_year_not_sent`), or
    which of this year's studios did not send it — last year's totals are then of the others only;
    empty when every studio of the year sent last year too. ``limit``: how many names to list."""
    last = figures.year - 1
    if not figures.last_year_sent:
        return last_year_not_sent(last)
    missing = figures.not_sent_last_year
    if not missing:
        return ""
    which = "该工作室" if len(missing) == 1 else "这些工作室"
    return f"尚未报送{last}年的工作室：{studio_names(missing, limit)}，{last}年的数字不含{which}"


def criterion_label(criterion: Criterion, figures: AnnualFigures) -> str:
    """``接待走访(次) ≥ 12``, ``办结率 ≥ 80%``: the county table's column and the threshold."""
    found = key_figure_map(figures).get(criterion.key)
    if found is None:
        return f"{criterion.key} ≥ {criterion.threshold}"
    percent = "%" if found.kind == "rate" else ""
    return f"{column_header(found)} ≥ {criterion.threshold}{percent}"


def criterion_words(criterion: Criterion, figures: AnnualFigures) -> str:
    """The criterion in a sentence: ``接待走访不少于12次``, ``办结率不低于80%``."""
    found = key_figure_map(figures).get(criterion.key)
    label = found.label if found is not None else criterion.key
    verb = "不低于" if found is not None and found.kind == "rate" else "不少于"
    return f"{label}{verb}{criterion.threshold}{_threshold_unit(found)}"


def stars(figures: AnnualFigures, criteria: tuple[Criterion, ...] | list[Criterion]) -> int:
    """How many of the county's criteria the studio's figures of the year meet."""
    known = key_figure_map(figures)
    count = 0
    for criterion in criteria:
        figure = known.get(criterion.key)
        if figure is not None and criterion.met(figure):
            count += 1
    return count


def star_text(n: int, out_of: int) -> str:
    return "★" * n + "☆" * max(out_of - n, 0)


@dataclass
class StudioFigures:
    key: str
    name: str
    figures: AnnualFigures
    stars: int


@dataclass
class CountyFigures:
    """A year of the county: every studio's figures, their totals, and the rating."""

    year: int
    studios: list[StudioFigures]
    totals: AnnualFigures
    criteria: list[Criterion] = field(default_factory=list)
    not_reported: list[str] = field(default_factory=list)  # studios with last year's figures only
    last_year_sent: bool = True  # whether any studio sent last year's records
    not_sent_last_year: list[str] = field(default_factory=list)  # studios of the year that did not

    def columns(self) -> list[tuple[str, KeyFigure]]:
        """The key figures of the county table, in sections (those of the totals)."""
        return [(section, kf) for section, items in self.totals.key_figures() for kf in items]

    def studio_count(self) -> int:
        return len(self.studios)

    def active_studios(self) -> list[StudioFigures]:
        """Studios with any activity, reception, output or donation in the year."""
        out = []
        for s in self.studios:
            c = s.figures.current
            if c.activities_total or c.receptions_total or c.outputs_total or c.donations_all.events:
                out.append(s)
        return out


def county_figures(
    year: int,
    studios: list[tuple[str, str, YearFigures | None, YearFigures | None]],
    criteria: list[Criterion],
    sent_last_year: Collection[str] | None = None,
) -> CountyFigures:
    """``studios``: (key, name, the year's figures, last year's figures) for each studio; a studio
    without figures of the year has not reported it: it is named apart, and its last year's
    figures still count in last year's totals. ``sent_last_year``: the keys of the studios that
    sent last year's records (None: all did); the year's studios not among them are named, and
    last year's totals are of the senders only."""
    rows, missing = [], []
    for key, name, current, previous in studios:
        if current is None:
            missing.append(name)
            continue
        annual = AnnualFigures(year, current, previous or YearFigures(year - 1))
        rows.append(StudioFigures(key, name, annual, stars(annual, criteria)))
    sent = None if sent_last_year is None else set(sent_last_year)
    # Last year's totals are the senders' (a studio's own last year, kept beside the first year it
    # sent, stays in its own row's comparison only): what the words say they leave out, they do.
    totals = AnnualFigures(
        year,
        sum_figures([s[2] for s in studios if s[2] is not None], year),
        sum_figures([s[3] for s in studios if s[3] is not None and (sent is None or s[0] in sent)], year - 1),
    )
    result = CountyFigures(year, rows, totals, list(criteria), missing)
    if sent is not None:
        result.last_year_sent = bool(sent)
        result.not_sent_last_year = [s.name for s in rows if s.key not in sent] if sent else []
    return result


__all__ = [
    "last_year_not_sent",
    "last_year_words",
    "studio_names",
    "CRITERION_ALIASES",
    "DEFAULT_CRITERIA",
    "CountyFigures",
    "Criterion",
    "StudioFigures",
    "county_figures",
    "column_header",
    "criterion_label",
    "criterion_words",
    "find_figure",
    "figure_value",
    "figures_format",
    "figures_from_json",
    "figures_to_json",
    "key_figure_map",
    "star_text",
    "stars",
    "sum_figures",
]
