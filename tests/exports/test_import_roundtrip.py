"""Export → import → export gives the same ledgers; re-importing an export changes nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from studio_desk.core import codec, enums
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_stores
from studio_desk.exports.ledger_import import apply_plan, read_ledgers
from studio_desk.exports.workbook import write_workbook

YEAR = 2025
RECORD_SHEETS = ("委员名册", "活动台账", "接待走访台账", "捐赠慰问台账", "提案建议台账")


def _ledgers(path: Path) -> dict[str, list[list]]:
    """The record sheets without the hidden 版本 column (a copy's versions are its own) and the 附件
    list (files do not travel in a workbook: the attachments test below covers that column)."""
    wb = CalamineWorkbook.from_path(str(path))
    out = {}
    for name in RECORD_SHEETS:
        rows = wb.get_sheet_by_name(name).to_python()[1:]
        keep = [i for i, header in enumerate(rows[0]) if header not in ("版本", "附件")]
        out[name] = [[row[i] for i in keep] for row in rows]
    return out


def test_round_trip_into_an_empty_database(demo_store, tmp_path: Path):
    first = write_workbook(demo_store, YEAR, tmp_path / "first.xlsx")
    with Store.open(tmp_path / "empty.sqlite") as empty:
        plan = read_ledgers(empty, first)
        assert plan.problems == []
        assert not plan.changes and not plan.unchanged
        result = apply_plan(empty, plan)
        assert result.added == len(plan.additions) > 100
        assert result.backup is not None and result.backup.exists()
        second = write_workbook(empty, YEAR, tmp_path / "second.xlsx")
        assert _ledgers(first) == _ledgers(second)
        # the records themselves, ids included (the roster's 党派 and 界别 too)
        for cls in (Member, Activity, Reception, Donation, Proposal):
            original = {r.id: r for r in demo_store.list_records(cls, year=YEAR)}
            copied = {r.id: r for r in empty.list_records(cls, year=YEAR)}
            assert set(original) == set(copied), cls
            # every field of every record: long texts, 办理时限, follow-up logs, items, authors
            for record_id, record in original.items():
                assert codec.content_of(copied[record_id]) == codec.content_of(record), (cls, record_id)
                assert copied[record_id].created_at == record.created_at


def test_reimporting_an_export_changes_nothing(demo_store, tmp_path: Path, fingerprint, file_print):
    path = write_workbook(demo_store, YEAR, tmp_path / "again.xlsx")
    before = fingerprint(demo_store)
    source = file_print(path)
    plan = read_ledgers(demo_store, path)
    assert plan.problems == []
    assert plan.additions == [] and plan.changes == []
    assert len(plan.unchanged) == sum(
        demo_store.count(cls, year=YEAR) for cls in (Member, Activity, Reception, Donation, Proposal)
    )
    result = apply_plan(demo_store, plan)
    assert (result.added, result.changed, result.backup) == (0, 0, None)
    assert fingerprint(demo_store) == before
    assert file_print(path) == source


def test_an_edited_cell_is_a_change_of_that_record(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, YEAR, tmp_path / "edit.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["活动台账"]
    id_column = next(c.column for c in ws[2] if c.value == "记录编号")
    record_id = ws.cell(3, id_column).value
    ws.cell(3, 5).value = "改过的活动主题"
    ws.cell(3, 10).value = 999
    ws.cell(3, 8).value = "刘刚, 王建国；李秀英"
    wb.save(path)
    plan = read_ledgers(demo_store, path)
    assert plan.problems == []
    assert [(c.record.id, sorted(c.changed)) for c in plan.changes] == [
        (record_id, sorted(["活动主题", "群众人次", "参加委员"]))
    ]
    history_before = len(demo_store.history(record_id))
    apply_plan(demo_store, plan)
    stored = demo_store.get(Activity, record_id)
    assert stored.topic == "改过的活动主题" and stored.public_count == 999
    assert demo_store.member_names(stored.member_ids) == ["刘刚", "王建国", "李秀英"]
    assert len(demo_store.history(record_id)) == history_before + 1


def test_a_masked_copy_is_refused_with_the_reason(demo_store, tmp_path: Path, fingerprint):
    path = write_workbook(demo_store, YEAR, tmp_path / "masked.xlsx", mask_pii=True)
    before = fingerprint(demo_store)
    with pytest.raises(StudioDeskError, match="隐去群众个人信息") as raised:
        read_ledgers(demo_store, path)
    assert "masked.xlsx" in str(raised.value)
    assert fingerprint(demo_store) == before
    # retitled and copied into a new workbook: the masked values themselves still give it away
    source = openpyxl.load_workbook(path)
    copy = openpyxl.Workbook()
    target = copy.active
    target.title = "接待走访台账"
    for row in source["接待走访台账"].iter_rows(values_only=True):
        target.append(row)
    target["A1"] = "接待台账"
    copy.save(tmp_path / "copied.xlsx")
    with Store.open(tmp_path / "empty.sqlite") as empty:
        with pytest.raises(StudioDeskError, match="隐去"):
            read_ledgers(empty, tmp_path / "copied.xlsx")


def test_command_line_import(demo_path: Path, tmp_path: Path, capsys):
    from studio_desk.cli import main

    with Store.open(demo_path) as store:
        path = write_workbook(store, YEAR, tmp_path / "cli.xlsx")
        receptions = store.count(Reception, year=YEAR)
    empty = tmp_path / "empty.sqlite"
    Store.open(empty).close()
    assert main(["import", "--db", str(empty), str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "检查通过" in out and "仅检查" in out
    with Store.open(empty) as store:
        assert store.count(Reception) == 0
    assert main(["import", "--db", str(empty), str(path)]) == 0
    out = capsys.readouterr().out
    assert "导入完成" in out and "已备份到" in out and f"写入的记录在{YEAR}年的台账中" in out
    with Store.open(empty) as store:
        assert store.count(Reception) == receptions
    # a second time: nothing new
    assert main(["import", "--db", str(empty), str(path)]) == 0
    assert "新增 0 条，修改 0 条" in capsys.readouterr().out


def test_records_keep_content_through_the_round_trip(demo_store, tmp_path: Path):
    """Every field a sheet shows comes back equal (compared as the store compares records)."""
    path = write_workbook(demo_store, YEAR, tmp_path / "rt.xlsx")
    with Store.open(tmp_path / "empty.sqlite") as empty:
        apply_plan(empty, read_ledgers(empty, path))
        for d in demo_store.list_records(Donation, year=YEAR):
            copy = empty.get(Donation, d.id)
            assert [(i.name, i.quantity, i.unit, i.value_fen) for i in copy.items] == [
                (i.name, i.quantity, i.unit, i.value_fen) for i in d.items
            ]
            assert copy.cash_fen == d.cash_fen
        for p in demo_store.list_records(Proposal, year=YEAR):
            copy = empty.get(Proposal, p.id)
            assert [a.name for a in copy.authors] == [a.name for a in p.authors]
            assert (copy.status, copy.submitted_on, copy.answered_on) == (p.status, p.submitted_on, p.answered_on)
            if p.followups:
                assert copy.followups[-1] == p.followups[-1]


def test_cancelling_the_import_writes_nothing(demo_store, tmp_path: Path, fingerprint, monkeypatch):
    from studio_desk.core.progress import Cancelled

    path = write_workbook(demo_store, YEAR, tmp_path / "cancel.xlsx")
    with Store.open(tmp_path / "empty.sqlite") as empty:
        plan = read_ledgers(empty, path)
        before = fingerprint(empty)
        calls = []

        def progress(done: int, total: int, text: str) -> None:
            calls.append(text)
            if "写入" in text:  # stop half-way through the writing
                raise Cancelled()

        # progress reports often enough to cancel in the middle of the writing
        monkeypatch.setattr("studio_desk.exports.ledger_import.WRITE_REPORT_EVERY", 10)
        with pytest.raises(Cancelled):
            apply_plan(empty, plan, progress=progress)
        assert any("写入" in c for c in calls)
        assert fingerprint(empty) == before
        assert empty.count(Activity) == 0


def _column(ws, header: str) -> int:
    return next(c.column for c in ws[2] if c.value == header)


def _row_of(ws, record_id: str) -> int:
    id_column = _column(ws, "记录编号")
    return next(r for r in range(3, ws.max_row + 1) if ws.cell(r, id_column).value == record_id)


def test_attachments_are_listed_and_an_import_never_creates_or_drops_one(demo_store, tmp_path: Path):
    import io

    from PIL import Image

    from studio_desk.core import attachments
    from studio_desk.core.models import Attachment
    from studio_desk.core.sync import merge_stores

    def picture(color: tuple[int, int, int]) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (64, 48), color).save(out, "PNG")
        return out.getvalue()

    # records without files of their own yet (the demo's activities carry photos)
    act = next(a for a in demo_store.list_records(Activity, year=YEAR) if not attachments.attachments_of(demo_store, a.id))
    visit = next(r for r in demo_store.list_records(Reception, year=YEAR)
                 if not attachments.attachments_of(demo_store, r.id))
    attachments.add_prepared(demo_store, act, attachments.prepare_bytes("现场.png", picture((200, 0, 0))), "会场全景")
    attachments.add_prepared(demo_store, act, attachments.prepare_bytes("签到表.png", picture((0, 0, 200))))
    attachments.add_prepared(demo_store, visit, attachments.prepare_bytes("来信.png", picture((0, 200, 0))), "张三来信")
    before = sorted((a.id, a.version_id) for a in demo_store.list_records(Attachment))

    path = write_workbook(demo_store, YEAR, tmp_path / "with-files.xlsx")
    ws = openpyxl.load_workbook(path)["活动台账"]
    assert ws.cell(_row_of(ws, act.id), _column(ws, "附件")).value == "现场.jpg：会场全景\n签到表.jpg"
    visits = openpyxl.load_workbook(path)["接待走访台账"]
    assert visits.cell(_row_of(visits, visit.id), _column(visits, "附件")).value == "来信.jpg：张三来信"
    # A copy for the county leaves the citizens' files out, names and captions included.
    masked = openpyxl.load_workbook(write_workbook(demo_store, YEAR, tmp_path / "masked.xlsx", mask_pii=True))
    sheet = masked["接待走访台账"]
    assert sheet.cell(_row_of(sheet, visit.id), _column(sheet, "附件")).value in (None, "")
    assert "张三来信" not in str([c.value for row in sheet.iter_rows() for c in row])

    # Imported again: nothing changes, nothing is said about the files.
    plan = read_ledgers(demo_store, path)
    assert plan.problems == [] and plan.changes == [] and plan.additions == []
    assert not [n for n in plan.notes if "附件" in n]

    # Imported into an empty database: the records come back, no attachment is made up, and the
    # clerk is told the files did not travel; merging that copy with the original changes nothing.
    with Store.open(tmp_path / "empty.sqlite", replica_id="E") as empty:
        plan = read_ledgers(empty, path)
        assert plan.problems == []
        notes = [n for n in plan.notes if "附件" in n]
        assert len(notes) == 2 and all("不随表格导入" in n for n in notes)
        apply_plan(empty, plan)
        assert empty.list_records(Attachment) == []
        merged = merge_stores(demo_store, empty)
        assert merged.per_type.get("附件") is None or not merged.per_type["附件"].any()
        assert sorted((a.id, a.version_id) for a in demo_store.list_records(Attachment)) == before
        # The other way round the files travel, byte for byte.
        merge_stores(empty, demo_store)
        assert sorted((a.id, a.version_id) for a in empty.list_records(Attachment)) == before
        copied = attachments.attachments_of(empty, act.id)[0]
        assert attachments.blob_bytes(empty, copied.blob_sha256) == attachments.blob_bytes(demo_store, copied.blob_sha256)

    # A line typed into or removed from the column is reported by row; the attachments stay.
    wb = openpyxl.load_workbook(path)
    ws = wb["活动台账"]
    row = _row_of(ws, act.id)
    ws.cell(row, _column(ws, "附件")).value = "现场.jpg：改过的说明"
    wb.save(path)
    plan = read_ledgers(demo_store, path)
    assert plan.problems == [] and plan.changes == []
    (note,) = [n for n in plan.notes if "附件" in n]
    assert f"“活动台账”第 {row} 行" in note and "不会导入" in note
    apply_plan(demo_store, plan)
    assert sorted((a.id, a.version_id) for a in demo_store.list_records(Attachment)) == before


_sectors = st.one_of(st.sampled_from(enums.DEFAULT_SECTORS), st.sampled_from(("个私协会", "新的社会阶层", "青联界")))
_roster_rows = st.lists(
    st.tuples(st.sampled_from(("", *enums.PARTIES)), st.one_of(st.just(""), _sectors)), min_size=1, max_size=6
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_roster_rows)
def test_party_and_sector_survive_the_round_trip(tmp_path_factory, rows):
    """Any 党派 and 界别 (a studio's own 界别 included) come back exactly; the copy's 界别 list
    gains the studio's own values, and merging the copy back changes no member and no list value."""
    folder = tmp_path_factory.mktemp("roster")
    with Store.open(folder / "a.sqlite", replica_id="A") as store:
        for n, (party, sector) in enumerate(rows):
            member = Member(name=f"委员{n}", party=party, sector=sector)
            with store.transaction():
                store.add_new_list_values(member)
                store.save(member)
        path = write_workbook(store, YEAR, folder / "roster.xlsx")
        with Store.open(folder / "b.sqlite", replica_id="B") as copy:
            plan = read_ledgers(copy, path)
            assert plan.problems == []
            apply_plan(copy, plan)
            mine = {m.id: codec.content_of(m) for m in store.list_records(Member)}
            assert {m.id: codec.content_of(m) for m in copy.list_records(Member)} == mine
            assert copy.type_values("sector") == store.type_values("sector")
            merged = merge_stores(store, copy)
            assert not merged.per_type["委员"].any() and not merged.per_type["类型"].any()
