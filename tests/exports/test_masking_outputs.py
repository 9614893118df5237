"""Nothing of a citizen is left in a masked output: generated citizen-facing records (several
persons in one field, phones and ID numbers and names typed into free text and follow-ups) go
through the masked workbook, the PDF summary and the package's database copy, and none of their
names, phone numbers or ID numbers can be found in any of them, also where a name stands with no
word before it or in another record's text; enterprises keep their names."""

from __future__ import annotations

import random
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import openpyxl

from studio_desk.core.models import Donation, FollowUp, Member, Reception
from studio_desk.core.store import Store
from studio_desk.exports.county_package import write_county_package
from studio_desk.exports.workbook import write_workbook

YEAR = 2025
SURNAMES = "王李张陈杨黄赵吴周徐孙马朱胡郭何罗高林"
GIVEN = "芳娜磊婷鑫涛晨阳宇欣悦瑶浩然"
ROLES = ("村民", "居民", "户主", "联系人：", "当事人", "低保户")


def _citizens(store: Store, seed: int) -> set[str]:
    """Adds the records; returns the secrets written into them."""
    rng = random.Random(seed)
    secrets: set[str] = set()

    def name() -> str:
        text = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice([1, 2])))
        secrets.add(text)
        return text

    def mobile() -> str:
        digits = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        secrets.add(digits)
        return rng.choice([digits, f"{digits[:3]}-{digits[3:7]}-{digits[7:]}", f"{digits[:3]} {digits[3:7]} {digits[7:]}"])

    def id_number() -> str:
        text = f"5108{rng.randrange(10**2):02d}19{rng.randrange(50, 99)}0{rng.randint(1, 9)}1{rng.randint(0, 9)}" + \
            f"{rng.randrange(10**3):03d}{rng.choice('0123456789X')}"
        secrets.add(text)
        return text

    member = store.save(Member(name="刘刚", level="县", role="召集人"))
    for i in range(30):
        persons = [name() for _ in range(rng.randint(1, 3))]
        shape = i % 4
        person = (
            "、".join(persons) if shape == 0
            else f"{persons[0]}等{len(persons) + 1}人" if shape == 1
            else f"{persons[0]}（村民）" if shape == 2
            else " ".join(persons)
        )
        store.save(
            Reception(
                date=date(YEAR, 1 + i % 12, 1 + i % 27),
                mode="接待日来访",
                person_name=person,
                person_phone="/".join(mobile() for _ in persons),
                person_id_number=id_number(),
                person_address=f"城关镇东街{i}号",
                request_content=f"{persons[0]}反映：{rng.choice(ROLES)}{name()}家的围墙倒塌，电话{mobile()}，"
                f"身份证号{id_number()}",
                result=f"已转交镇政府，{rng.choice(ROLES)}{name()}表示满意，手机 {mobile()}",
                notes=f"{name()}等{rng.randint(2, 5)}人同来",
                status="已办结",
                member_ids=[member.id],
                followups=[FollowUp(date=date(YEAR, 12, 1), note=f"回访{persons[0]}，联系人：{name()} {mobile()}")],
            )
        )
        if i % 3 == 0:
            store.save(
                Donation(
                    date=date(YEAR, 1 + i % 12, 2),
                    category="慰问",
                    donor="县慈善会",
                    recipients=f"低保户{name()}（电话{mobile()}）",
                    recipient_count=1,
                    notes=f"经办：联系人{name()}，身份证{id_number()}",
                    member_ids=[member.id],
                )
            )
        if i % 5 == 0:
            # Citizens named with no word before them, in this record and in others of the year
            # (a recipient named in a visit's notes); an enterprise visited is named as it is.
            visitor, recipient = name(), name()
            store.save(
                Reception(
                    date=date(YEAR, 1 + i % 12, 3), mode="企业走访", person_name=f"{ENTERPRISES[i % 3]}、{visitor}",
                    request_content=f"{visitor}反映企业用工难，{persons[0]}也在场",
                    result=f"走访了{recipient}家后，协调{ENTERPRISES[i % 3]}招用",
                    status="已办结", member_ids=[member.id],
                )
            )
            store.save(
                Donation(
                    date=date(YEAR, 1 + i % 12, 4), category="慰问", donor=ENTERPRISES[(i + 1) % 3],
                    recipients=f"{recipient}、{visitor}", recipient_count=2,
                    notes=f"{recipient}家中缺少过冬物资", member_ids=[member.id],
                )
            )
    return secrets


ENTERPRISES = ("青溪县宏达建材有限公司", "青溪县果蔬种植专业合作社", "城关镇东街社区")


def _cell_texts(path: Path) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(
        str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None
    )


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch == "X")


def _leaks(text: str, secrets: set[str]) -> list[str]:
    flat = text.replace(" ", "").replace("-", "")
    return sorted(s for s in secrets if s in flat)


def test_nothing_of_a_citizen_is_left_in_a_masked_workbook_pdf_or_copy(store: Store, tmp_path: Path):
    secrets = _citizens(store, seed=15)
    assert len(secrets) > 150
    plain = write_workbook(store, YEAR, tmp_path / "自留.xlsx", mask_pii=False)
    # Unmasked, the secrets are there (all but the columns a workbook does not show).
    assert len(_leaks(_cell_texts(plain), secrets)) > len(secrets) * 0.7

    masked = write_workbook(store, YEAR, tmp_path / "报送.xlsx", mask_pii=True)
    assert _leaks(_cell_texts(masked), secrets) == []
    assert all(e in _cell_texts(masked) for e in ENTERPRISES)  # enterprises are not personal data

    out = tmp_path / "out"
    out.mkdir()
    result = write_county_package(store, YEAR, out, with_db=True)
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(result.path) as zf:
        zf.extractall(unpacked)
    (folder,) = unpacked.iterdir()
    assert _leaks(_cell_texts(folder / f"{YEAR}年度履职台账.xlsx"), secrets) == []
    pdf_text = subprocess.run(
        ["pdftotext", str(folder / f"{YEAR}年度工作总结.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert pdf_text.strip() and _leaks(pdf_text, secrets) == []
    (copy,) = folder.glob("*.sqlite")
    raw = copy.read_bytes().decode("utf-8", errors="ignore")  # rows, history and free pages alike
    assert _leaks(raw, secrets) == []
    with Store.open(copy, replica_id="county", create=False) as opened:
        assert opened.count(Reception) == store.count(Reception)
        texts = "\n".join(repr(r) for r in opened.list_records(Reception))
        assert "（村民）" in texts and "等" in texts  # what is not personal stays readable
        assert all(e in texts for e in ENTERPRISES)
