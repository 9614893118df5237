"""Exported workbooks never carry a formula made from user text.

Records whose text fields (and a member's name, a donor, a follow-up note, an item name) start with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return, or are random text, are exported; the
workbook is read back and every cell must be a plain value, not a formula, in the sheet XML too.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from studio_desk.core.models import Activity, Author, Donation, DonationItem, FollowUp, Member, Proposal, Reception
from studio_desk.core.store import Store
from studio_desk.exports.workbook import write_workbook

EXAMPLES = int(os.environ.get("STUDIO_DESK_FUZZ_EXAMPLES", "15"))
PREFIXES = ["=", "+", "-", "@", "\t", "\r", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\",\"点我\")",
            "+1+1", "-2+3", "@SUM(1,1)", "=1+1", "\t=1+1", "\r\n=1", " =1"]


def hostile_text():
    return st.tuples(st.sampled_from(PREFIXES), st.text(max_size=30)).map(
        lambda t: ILLEGAL_CHARACTERS_RE.sub("", t[0] + t[1])[:200] or "=1")


def sheet_formulas(path: Path) -> list[str]:
    """Formula elements in the sheet XML itself (what Excel would run)."""
    found = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += re.findall(rb"<(?:\w+:)?f\b[^>]*>([^<]*)<", zf.read(name))
    return [f.decode("utf-8", "replace") for f in found]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("STUDIO_DESK_FUZZ_EXAMPLES"),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(hostile_text(), min_size=12, max_size=12), mask=st.booleans())
def test_hostile_text_is_exported_as_text(texts, mask):
    t = iter(texts)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with Store.open(folder / "台账.sqlite", replica_id="f") as store:
            # check=False: text that validation would refuse can still arrive (a merge, an old file)
            member = store.save(Member(name=next(t)[:20].strip() or "=委员", role="成员"), check=False)
            store.save(Activity(date=date(2026, 3, 1), type="集中学习", topic=next(t), location=next(t),
                                content=next(t), member_ids=[member.id]), check=False)
            store.save(Reception(date=date(2026, 3, 2), mode="来访接待", person_name=next(t)[:30],
                                 request_content=next(t), member_ids=[member.id], status="待办"), check=False)
            store.save(Donation(date=date(2026, 3, 3), category="捐赠", donor=next(t), recipients=next(t),
                                cash_fen=100, items=[DonationItem(name=next(t)[:40], value_fen=100)]), check=False)
            store.save(Proposal(category="提案", title=next(t), status="已提交", submitted_on=date(2026, 3, 4),
                                authors=[Author(name=member.name, member_id=member.id)],
                                followups=[FollowUp(date=date(2026, 3, 5), note=next(t))], notes=next(t)),
                       check=False)
            out = folder / "导出.xlsx"
            write_workbook(store, 2026, out, mask_pii=mask)
        wb = openpyxl.load_workbook(out)  # not read-only: data_type tells a formula apart
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
        # the writer's own totals may be formulas, but none may hold user text
        for formula in sheet_formulas(out):
            assert not any(text.strip() and text.strip() in formula for text in texts if len(text.strip()) > 3), formula
