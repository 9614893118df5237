from __future__ import annotations

from datetime import date

from studio_desk.core.masking import (
    is_masked,
    mask_address,
    mask_id_number,
    mask_name,
    mask_phone,
    mask_record,
)
from studio_desk.core.models import Member, Reception, pii_fields


def test_names():
    assert mask_name("张三") == "张*"
    assert mask_name("李秀英") == "李**"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("青溪县宏达建材有限公司") == "青溪*******公司"
    assert mask_name("张") == "*"
    assert mask_name("") == ""


def test_phones():
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("138-1234-1234") == "138-****-1234"
    assert mask_phone("+86 13812341234") == "+86 138****1234"
    assert mask_phone("0839-6621088") == "0839-***1088"
    assert mask_phone("6621088") == "***1088"
    assert mask_phone("110") == "*10"


def test_id_numbers_and_addresses():
    assert mask_id_number("51082319800101123X") == "510***********123X"
    assert mask_id_number("12345") == "*****"
    assert mask_address("青溪县城关镇迎宾路18号") == "青溪县城关镇****"
    assert mask_address("开封镇文林村6组53号") == "开封镇****"
    assert mask_address("文林村6组53号") == "文林****"  # no town named: only a little is kept
    assert mask_address("四川省广元市青溪县城关镇迎宾路18号") == "四川省广元市青溪县城关镇****"


def test_record_masking_uses_the_schema_and_leaves_members_alone():
    r = Reception(
        date=date(2025, 3, 1),
        mode="入户走访",
        person_name="罗丽国",
        person_phone="13889875173",
        person_id_number="510823198001011234",
        person_address="开封镇文林村6组53号",
        request_content="反映道路损坏",
    )
    masked = mask_record(r)
    assert set(pii_fields(Reception)) == {"person_name", "person_phone", "person_id_number", "person_address"}
    assert masked.person_name == "罗**"
    assert masked.person_phone == "138****5173"
    assert masked.person_id_number == "510***********1234"
    assert masked.person_address == "开封镇****"
    assert masked.request_content == r.request_content
    assert r.person_name == "罗丽国"  # the original is untouched
    assert is_masked(masked.person_phone) and not is_masked(r.person_phone)
    m = Member(name="刘刚", phone="13954251571")
    assert mask_record(m) is m
