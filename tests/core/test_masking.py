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
    assert mask_name("青溪县宏达建材有限公司") == "青溪县宏达建材有限公司"  # an enterprise: not personal data
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
    assert set(pii_fields(Reception)) == {
        "person_name", "person_phone", "person_id_number", "person_address",
        "request_content", "result", "notes", "followups",  # free texts: numbers and names in them
    }
    assert masked.person_name == "罗**"
    assert masked.person_phone == "138****5173"
    assert masked.person_id_number == "510***********1234"
    assert masked.person_address == "开封镇****"
    assert masked.request_content == r.request_content
    assert r.person_name == "罗丽国"  # the original is untouched
    assert is_masked(masked.person_phone) and not is_masked(r.person_phone)
    m = Member(name="刘刚", phone="13954251571")
    assert mask_record(m) is m


def test_every_person_in_a_name_field_is_masked():
    assert mask_name("王芳等3人") == "王*等3人"
    assert mask_name("李明（村民）") == "李*（村民）"
    assert mask_name("张伟 李娜") == "张* 李*"
    assert mask_name("张伟、李娜，赵强") == "张*、李*，赵*"
    assert mask_name("刘洋夫妇") == "刘*夫妇"
    assert mask_name("李大爷") == "李大爷"  # a surname and a form of address name nobody
    assert mask_name("孙丽（电话13812345678）") == "孙*（电话138****5678）"


def test_every_number_in_a_phone_field_is_masked():
    assert mask_phone("13812345678/13987654321") == "138****5678/139****4321"
    assert mask_phone("13812345678 13987654321") == "138****5678 139****4321"
    assert mask_phone("13812345678、0839-6621088") == "138****5678、0839-***1088"
    assert mask_phone("1381234567813987654321") == "*" * 22  # run together: nothing kept


def test_numbers_and_names_in_free_text_are_masked():
    from studio_desk.core.masking import mask_free_text

    text = "村民王建国反映，其身份证号510823198001011234，电话13812345678；联系人：李娜，手机 139-8765-4321。"
    masked = mask_free_text(text)
    for secret in ("王建国", "510823198001011234", "13812345678", "李娜", "8765"):
        assert secret not in masked, masked
    assert masked.startswith("村民王**反映") and "510***********1234" in masked
    assert mask_free_text("赵强等5人来访，投资2000000元，2025年3月1日") == "赵*等5人来访，投资2000000元，2025年3月1日"
    assert mask_free_text("罗丽国反映道路损坏，罗丽国的邻居同意", ("罗丽国",)) == "罗**反映道路损坏，罗**的邻居同意"
    assert mask_free_text("座机0839-6621088") == "座机0839-***1088"


def test_free_texts_and_follow_ups_of_a_reception_are_masked():
    from studio_desk.core.models import FollowUp

    r = Reception(
        date=date(2025, 3, 1),
        mode="来访",
        person_name="罗丽国等2人",
        person_phone="13889875173/13912345678",
        request_content="罗丽国反映：村民陈小明家的围墙倒塌，电话13700001111",
        result="已转交镇政府，罗丽国表示满意",
        notes="身份证 510823198001011234",
        followups=[FollowUp(date=date(2025, 3, 5), note="回访罗丽国，联系人：周杰 13655556666")],
    )
    masked = mask_record(r)
    everything = repr(masked)
    for secret in ("罗丽国", "陈小明", "13700001111", "13912345678", "510823198001011234", "周杰", "13655556666"):
        assert secret not in everything, secret
    assert masked.person_name == "罗**等2人" and masked.followups[0].date == date(2025, 3, 5)


def test_masked_values_are_recognised():
    for value in ("张*", "138****1234", "城关镇****", "王*等3人", "510***********123X", "欧***"):
        assert is_masked(value), value
    for value in ("张三", "13812341234", "3*4=12", "A*", ""):
        assert not is_masked(value), value


def test_ordinary_requests_are_left_as_they_are():
    from studio_desk.core.demo import REQUESTS
    from studio_desk.core.masking import mask_free_text

    texts = [t for r in REQUESTS for t in (r if isinstance(r, tuple) else (r,)) if isinstance(t, str)]
    texts += ["咨询城乡居民养老保险补缴政策", "独居老人行动不便，希望提供上门服务", "投资2000000元，2025年3月1日签约"]
    assert len(texts) > 5
    for text in texts:
        assert mask_free_text(text) == text


def test_enterprises_and_organisations_are_not_masked_but_people_are():
    from studio_desk.core.masking import is_organisation

    kept = ("青溪县宏达建材有限公司", "城关镇东街社区", "青溪县果蔬种植专业合作社", "县个体劳动者协会", "开封镇敬老院",
            "青溪县第二中学", "宏达砖厂", "县人社局", "用工单位", "东街居委会")
    for name in kept:
        assert mask_name(name) == name, name
    assert mask_name("宏达建材公司、张秀英") == "宏达建材公司、张**"
    assert mask_name("东街社区（联系人13812345678）") == "东街社区（联系人138****5678）"
    for person in ("王建科", "李中", "张秀英", "欧阳娜娜", "赵强等5人"):  # a one-character ending is no unit
        assert not is_organisation(person), person
        assert mask_name(person) != person


def test_citizens_named_without_an_intro_word_are_masked_across_the_records_of_the_output():
    from studio_desk.core.masking import citizen_names
    from studio_desk.core.models import Donation, FollowUp

    visit = Reception(
        date=date(2025, 4, 2), mode="入户走访", person_name="张秀英",
        request_content="张秀英反映，自家房屋漏雨，希望协调维修；邻居李桂兰也有同样情况",
        result="已联系青溪县宏达建材有限公司捐赠防水材料，城关镇东街社区组织维修",
        followups=[FollowUp(date=date(2025, 5, 6), note="回访张秀英，房屋已修好")],
    )
    relief = Donation(
        date=date(2025, 9, 1), category="慰问", donor="县慈善会", recipients="低保户李桂兰、王德明",
        notes="刘刚委员走访了李桂兰家，送去米面油；王德明因病住院，由其女儿代收",
    )
    other = Reception(
        date=date(2025, 10, 8), mode="电话/线上", person_name="青溪果蔬种植专业合作社",
        request_content="合作社反映冷库用电问题，社员王德明提出增容", notes="张秀英陪同前来",
    )
    citizens = citizen_names([visit, relief, other], public=["刘刚"])
    assert citizens == {"张秀英", "李桂兰", "王德明"}
    masked = [mask_record(r, citizens) for r in (visit, relief, other)]
    text = repr(masked)
    for secret in ("张秀英", "李桂兰", "王德明"):
        assert secret not in text, secret
    assert masked[0].request_content == "张**反映，自家房屋漏雨，希望协调维修；邻居李**也有同样情况"
    assert masked[0].result == visit.result  # enterprises and the community are named as they are
    assert masked[0].followups[0].note == "回访张**，房屋已修好"
    assert masked[1].recipients == "低保户李**、王**"
    assert masked[1].notes == "刘刚委员走访了李**家，送去米面油；王**因病住院，由其女儿代收"  # the member stays
    assert masked[2].person_name == "青溪果蔬种植专业合作社" and masked[2].notes == "张**陪同前来"
    # without the other records, a recipient named in another record's text is still masked by its own
    assert mask_record(relief).notes == masked[1].notes


def test_groups_places_and_organisations_in_a_recipients_list_are_not_taken_for_names():
    from studio_desk.core.masking import listed_names

    assert listed_names("低保户李桂兰、张秀英等3户") == ("李桂兰", "张秀英")
    for text in ("留守儿童12名", "王庄、高山村困难群众", "城关镇敬老院老人", "环卫工人", "青溪县第二中学"):
        assert listed_names(text) == (), text
