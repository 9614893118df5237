"""A citizen's name, 身份证号 and phone number typed into the free text of a reception or a
donation never reach the summary (PDF or Word), read back as text; the donation is still told."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pdfplumber

from studio_desk.core.models import Donation, DonationItem, Reception
from studio_desk.core.store import Store
from studio_desk.exports.summary import write_summary

ID_NUMBER = "511023199001011234"
PHONE = "13812345678"
DONOR_PHONE = "13900001111"
NAME = "王芳"


def _flat(text: str) -> str:
    return "".join(text.split()).replace("-", "")


def test_citizens_typed_into_free_text_are_masked_in_the_summary(store: Store, tmp_path: Path) -> None:
    store.save(Reception(
        date=date(2025, 3, 2), mode="接待日来访", person_name=NAME, person_phone=PHONE, person_id_number=ID_NUMBER,
        person_address="城关镇幸福路8号", request_content=f"村民{NAME}（身份证{ID_NUMBER}，电话{PHONE}）反映低保问题",
        result=f"已联系{NAME}本人，电话{PHONE}", notes=f"{NAME} {PHONE}", status="已办结", closed_on=date(2025, 3, 9),
        request_category="社会保障", dispute=True, practical_help=True, satisfaction="满意",
    ))
    store.save(Donation(
        date=date(2025, 6, 1), category="慰问", donor=f"爱心人士 {DONOR_PHONE}",
        recipients=f"困难群众{NAME}（身份证{ID_NUMBER}，电话{PHONE}）", recipient_count=1, cash_fen=200000,
        items=[DonationItem(name=f"大米（送至村民{NAME}家）", unit="袋", value_fen=30000)],
        notes=f"{NAME}签收，电话{PHONE}",
    ))
    pdf = write_summary(store, 2025, tmp_path / "总结.pdf", signed_on=date(2025, 12, 28)).path
    word = write_summary(store, 2025, tmp_path / "总结.docx", signed_on=date(2025, 12, 28)).path
    with pdfplumber.open(str(pdf)) as read:
        pdf_text = _flat("".join(page.extract_text() for page in read.pages))
    document = docx.Document(str(word))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    word_text = _flat("".join(p.text for p in document.paragraphs) + "".join(cells))
    for text in (pdf_text, word_text):
        # the records were told: the relief visit with its money, the dispute resolved
        assert "6月，爱心人士139****1111慰问困难群众王*（身份证511***********1234，电话138****5678）1名" in text
        assert "送去慰问金2000元，发放大米（送至村民王*家），价值300元" in text and "化解矛盾纠纷1件" in text
        for secret in (NAME, ID_NUMBER, PHONE, DONOR_PHONE, "幸福路8号"):
            assert secret not in text, secret
