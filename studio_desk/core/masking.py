"""Masking citizens' personal data for copies that leave the studio (county ledgers, packages).

Which fields are personal data is said once, in the schema (``models.pii_fields``); this module
only knows how each kind of personal data is masked. Members are public figures in this role and
are never masked (the ``Member`` class marks no field as personal data).

- names: every person in the field is masked, notes and counts around them are kept:
  ``张三`` → ``张*``, ``王芳等3人`` → ``王*等3人``, ``李明（村民）`` → ``李*（村民）``,
  ``张伟 李娜`` → ``张* 李*``; an enterprise or organisation (``青溪县宏达建材公司``,
  ``城关镇东街社区``, ``果蔬合作社``) is not a citizen's personal data and stays as it is, so the
  county can see which enterprise was visited;
- phones: every number in the field, ``13812341234`` → ``138****1234``; a landline keeps its area
  code and last four digits;
- ID numbers: first three and last four characters kept: ``510***********123X``;
- addresses: kept down to the town or street office, the rest replaced: ``城关镇迎宾路18号`` → ``城关镇****``;
- free text (诉求内容, 办理结果, notes, follow-up notes, 受助对象): phone and ID numbers wherever they
  stand; the names of the citizens the record and the other records of the copy name (in
  对象(姓名/单位) or as 受助对象) wherever they stand, with or without a word before them
  (``张秀英反映……``, ``走访了李桂兰家``; see :func:`citizen_names`); and names introduced as a
  citizen (``村民王建国``, ``联系人：李娜``, ``赵强等5人``).

A masked workbook or database copy is recognised by :mod:`studio_desk.core.masked_marker`
(re-exported here: ``MASKED_MARKER``, ``is_masked_database``, ``masked_workbook_reason``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from studio_desk.core.masked_marker import (
    MASKED_MARKER,
    is_masked,
    is_masked_database,
    mark_masked_database,
    masked_database_file_reason,
    masked_workbook_reason,
)
from studio_desk.core.models import (
    PII_ADDRESS,
    PII_ID,
    PII_NAME,
    PII_PHONE,
    PII_TEXT,
    RECORD_TYPES,
    TEXT,
    Record,
    fields_of,
    pii_fields,
)

if TYPE_CHECKING:
    from studio_desk.core.store import Store

R = TypeVar("R", bound=Record)

STAR = "*"
# Places an address may be cut after: administrative levels above the house number.
_ADDRESS_LEVELS = re.compile(r"(省|自治区|市|自治州|州|盟|县|区|旗|镇|乡|街道|街道办事处)")

_HAN = "\u3400-\u9fff\U00020000-\U0002ffff"
# Between persons in one field: 、，,；; / and spaces ("张伟 李娜", "张伟、李娜").
_PERSON_SEP = re.compile(r"([、，,；;/／|]+|\s+)")
# What may follow a name and is not part of it: a count, a relation, a form of address.
_NAME_SUFFIX = re.compile(
    r"(等\s*[\d一二两三四五六七八九十百]+\s*[人户名位家]|等人|等|夫妇|夫妻|一家\s*[\d一二两三四五六七八九十]*\s*口?"
    r"|及其?家[人属]|家属|之[子女妻夫父母]|父子|父女|母子|母女|兄弟|姐妹|老人|大爷|大娘|大妈|阿姨|奶奶|爷爷"
    r"|师傅|同志|先生|女士|老师|户)$"
)
_NOTE = re.compile(r"[（(][^（()）]*[)）]")
# How an enterprise's or organisation's name ends: such a name is not a citizen's personal data.
_ORGANISATION = re.compile(
    r"(公司|集团|企业|工厂|厂|商店|店|超市|商行|门市|市场|合作社|协会|商会|学会|联合会|基金会|促进会|单位|"
    r"学校|小学|中学|大学|学院|幼儿园|医院|卫生院|卫生室|诊所|敬老院|养老院|福利院|委员会|村委会|居委会|社区|"
    r"政府|局|办事处|所|站|中心|银行|信用社|农场|牧场|林场|养殖场|种植园|园区|酒店|宾馆|饭店|餐馆|餐厅|"
    r"事务所|工作室|车间|部|队|馆|处|科)$"
)
# Words that make a name a unit or a group rather than a person (these are kept more fully).
_UNIT_WORDS = re.compile(
    r"公司|集团|厂|店|超市|合作社|协会|商会|学校|小学|中学|幼儿园|医院|卫生院|诊所|委员会|村委|居委|社区|小区"
    r"|村|组|镇|乡|街道|局|所|站|中心|办|部|队|院|馆|会|群众|村民|居民|住户|农户|业主|商户|职工|学生|家长"
)

# Numbers in free text. The look-arounds keep digits of longer numbers (amounts, dates) out.
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(?:\d{6}\s?\d{8}\s?\d{3}[\dXx]|\d{15})(?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(r"(?<![\d])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![\d])")
_LANDLINE_IN_TEXT = re.compile(r"(?<![\d])0\d{2,3}[-－—\s]\d{7,8}(?![\d])|(?<![\d])0\d{2,3}\d{7,8}(?![\d])")
_PHONE_WORD = re.compile(
    r"(?:电话|手机|手机号|座机|联系方式|电话号码|号码|tel|TEL|Tel)[:：\s]*(?:是|为)?[:：\s]*(\+?\d[\d\-\s]{4,18}\d)"
)
# A citizen named after a word that introduces one: 村民王建国, 联系人：李娜, 户主张某.
_ROLE_WORDS = (
    "村民|居民|群众|市民|来访人|来访者|来访群众|反映人|诉求人|当事人|申请人|户主|业主|住户|农户|患者|病人|家长|"
    "低保户|五保户|贫困户|脱贫户|困难户|残疾人|退役军人|老党员|留守老人|留守儿童|孤儿|老人|职工|工人|租户|"
    "儿子|女儿|丈夫|妻子|父亲|母亲|之子|之女|联系人|姓名|名叫|叫做|本人|对象"
)
# The common surnames (百家姓, by frequency): a name in free text starts with one. A word that
# follows a role word without one ("居民养老保险", "老人行动不便") is left alone.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝"
)
_NAME = rf"[{_SURNAMES}][{_HAN}]{{1,2}}"
_ROLE_NAME = re.compile(rf"((?:{_ROLE_WORDS})[:：\s]?)({_NAME})")
# A name followed by a count or a relation: 赵强等5人, 刘洋夫妇, 孙丽一家.
_NAME_BEFORE = re.compile(
    rf"(?<![{_HAN}])({_NAME})(?=等\s*[\d一二两三四五六七八九十]+\s*[人户名位]|夫妇|一家|及其?家[人属])"
)
# Characters that end a name when the pattern above takes three: "村民张三反映" is 张三, not 张三反.
_AFTER_NAME = set("反说称来家的等一同和与及在向于因到已是为、，,。；;：:（(）) 表诉要希请想夫去住今昨前近多")


def mask_name(text: str) -> str:
    """Every person in a name field masked; separators, counts and notes kept."""
    text = text.strip()
    if not text:
        return ""
    parts = _PERSON_SEP.split(text)
    out = []
    for i, part in enumerate(parts):
        out.append(part if i % 2 else _mask_one_name(part))
    return "".join(out)


def _mask_one_name(part: str) -> str:
    if not part:
        return part
    notes = [(m.start(), m.group()) for m in _NOTE.finditer(part)]
    core = _NOTE.sub("", part)
    if is_organisation(core):
        return core + "".join(mask_free_text(note) for _, note in notes)
    suffix = ""
    match = _NAME_SUFFIX.search(core)
    if match and match.start() > 0:
        core, suffix = core[: match.start()], core[match.start() :]
    # A surname with a form of address (李大爷) names nobody; a full name is masked.
    masked = (core if suffix and len(core) == 1 else _mask_person(core)) + suffix
    # Notes stay where they were (after the name, usually), with numbers and names in them masked.
    for _, note in notes:
        masked += mask_free_text(note)
    return masked


def _mask_person(text: str) -> str:
    if not text:
        return ""
    if len(text) <= 4 and not (len(text) > 2 and _UNIT_WORDS.search(text[1:])):
        return text[0] + STAR * (len(text) - 1) if len(text) > 1 else STAR
    if len(text) <= 4:
        return text[0] + STAR * (len(text) - 2) + text[-1]
    return text[:2] + STAR * (len(text) - 4) + text[-2:]


def _mask_one_phone(text: str) -> str:
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not digits:
        return STAR * len(text) if text.strip() else text
    n = len(digits)
    if 11 <= n <= 13 and text[digits[n - 11]] == "1":  # a mobile number, perhaps with +86 before it
        keep = set(digits[: n - 8]) | set(digits[n - 4 :])
    elif 7 <= n <= 12:
        # A landline: keep the area code (up to the first separator) and the last four digits.
        head = re.match(r"\D*0\d{2,3}(?=\D)", text)
        head_len = head.end() if head else 0
        keep = {i for i in digits if i < head_len} | set(digits[n - 4 :])
    elif n > 12:  # several numbers run together: nothing of them is kept
        keep = set()
    else:
        keep = set(digits[n - 2 :]) if n > 2 else set()
    return "".join(ch if (not ch.isdigit() or i in keep) else STAR for i, ch in enumerate(text))


PHONE_SEPARATORS = r"[/／、,，;；|]+"  # between the numbers of one phone field


def mask_phone(text: str) -> str:
    """Every number in a phone field masked (middle digits); separators and shapes kept."""
    text = text.strip()
    if not text:
        return ""
    # "13812345678/13987654321", "138… 139…": each number on its own.
    parts = re.split(rf"({PHONE_SEPARATORS}|(?<=\d{{4}})\s+(?=\+?\d{{7}}))", text)
    return "".join(part if i % 2 else _mask_one_phone(part) for i, part in enumerate(parts))


def mask_id_number(text: str) -> str:
    text = text.strip()
    if len(text) <= 7:
        return STAR * len(text)
    return text[:3] + STAR * (len(text) - 7) + text[-4:]


def mask_address(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    cut = 0
    for match in _ADDRESS_LEVELS.finditer(text):
        if match.end() < len(text):
            cut = match.end()
    if cut == 0:
        cut = min(3, max(1, len(text) // 3))
    text = text[:cut] + STAR * 4
    return mask_free_text(text)


def _role_name(match: re.Match[str]) -> str:
    word, name = match.group(1), match.group(2)
    if name.endswith("某") or STAR in name:
        return match.group()
    if len(name) == 3 and name[2] in _AFTER_NAME:
        return word + _mask_person(name[:2]) + name[2]
    return word + _mask_person(name)


def mask_free_text(text: str, names: Collection[str] = (), citizens: frozenset[str] = frozenset()) -> str:
    """Phone and ID numbers, the given names and ``citizens`` (wherever they stand) and names
    introduced as a citizen, masked in a text. ``names`` are a record's own few; ``citizens``
    may be the thousands of an output (:func:`citizen_names`) and are looked up, not replaced
    one by one."""
    if not text:
        return text
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group()), text)
    text = _MOBILE_IN_TEXT.sub(lambda m: _mask_one_phone(m.group()), text)
    text = _LANDLINE_IN_TEXT.sub(lambda m: _mask_one_phone(m.group()), text)
    text = _PHONE_WORD.sub(
        lambda m: m.group()[: m.start(1) - m.start()] + _mask_one_phone(m.group(1)), text
    )
    for name in sorted(set(names), key=len, reverse=True):
        if len(name) >= 2 and name in text:
            text = text.replace(name, _mask_person(name))
    if citizens:
        text = _mask_names_in(text, citizens)
    text = _ROLE_NAME.sub(_role_name, text)
    text = _NAME_BEFORE.sub(lambda m: _mask_person(m.group(1)), text)
    return text


@functools.lru_cache(maxsize=8)
def _name_starts(names: frozenset[str]) -> re.Pattern[str]:
    """The first characters of ``names``: where a name may start (a frozenset's hash is kept)."""
    return re.compile("[" + "".join(sorted({re.escape(n[0]) for n in names if n})) + "]")


def _mask_names_in(text: str, names: frozenset[str]) -> str:
    """Every occurrence of one of ``names`` masked, the longest where two start together."""
    out: list[str] = []
    last = 0
    for match in _name_starts(names).finditer(text):
        i = match.start()
        if i < last:
            continue
        for size in (4, 3, 2):
            word = text[i : i + size]
            if len(word) == size and word in names:
                out += (text[last:i], _mask_person(word))
                last = i + size
                break
    return "".join(out) + text[last:] if out else text


def is_organisation(text: str) -> bool:
    """An enterprise's or organisation's name (``宏达建材公司``, ``东街社区``), not a person's.
    A one-character ending counts from four characters on: ``王建科`` is a person."""
    text = text.strip()
    match = _ORGANISATION.search(text)
    return match is not None and len(text) >= (3 if len(match.group()) > 1 else 4)


def _name_parts(text: str, separators: re.Pattern[str]) -> Iterator[str]:
    """The parts of a name field between its separators, each without its note in brackets
    and its trailing ``等3人``-like suffix."""
    for i, part in enumerate(separators.split(text.strip())):
        if i % 2 or not part:
            continue
        core = _NOTE.sub("", part)
        match = _NAME_SUFFIX.search(core)
        yield core[: match.start()] if match and match.start() > 0 else core


def person_names(text: str) -> tuple[str, ...]:
    """The persons' names in a name field (``王芳等3人、李明（村民）`` → ``王芳``, ``李明``);
    enterprises and organisations are not persons."""
    return tuple(core for core in _name_parts(text, _PERSON_SEP) if len(core) >= 2 and not is_organisation(core))


_LISTED_NAME = re.compile(rf"(?:{_ROLE_WORDS})?[:：]?({_NAME}|欧阳[{_HAN}]{{1,2}}|司马[{_HAN}]{{1,2}}|诸葛[{_HAN}]{{1,2}})")
_LIST_SEP = re.compile(r"([、，,；;/／|。\s]+)")
# A short list field may name places or groups that begin like a surname: 王庄, 高山村, 李家湾.
_PLACE_END = re.compile(r"[村庄屯寨湾坝沟街路镇乡组队社区院园家]$")


def listed_names(text: str) -> tuple[str, ...]:
    """The persons a short list of recipients names (``低保户李桂兰、张秀英等3户`` → ``李桂兰``,
    ``张秀英``); groups (``留守儿童``), places and organisations are not persons."""
    out = []
    for core in _name_parts(text, _LIST_SEP):
        found = _LISTED_NAME.fullmatch(core)
        if found and not _PLACE_END.search(found[1]) and not is_organisation(found[1]):
            out.append(found[1])
    return tuple(out)


def record_names(record: Record) -> tuple[str, ...]:
    """The citizens a record names: its name fields' persons and its short lists of recipients
    (a free-text field that is one line, like 受助对象)."""
    out: tuple[str, ...] = ()
    for info in fields_of(type(record)):
        value = getattr(record, info.name, None)
        if not isinstance(value, str) or not value:
            continue
        if info.pii == PII_NAME:
            out += person_names(value)
        elif info.pii == PII_TEXT and info.kind == TEXT:
            out += listed_names(value)
    return out


def citizen_names(records: Iterable[Record], public: Iterable[str] = ()) -> frozenset[str]:
    """Every citizen the records name (:func:`record_names`), but not the ``public`` names
    (the members': a member is never masked, even where a citizen has the same name)."""
    names = {name for record in records for name in record_names(record)}
    return frozenset(n for n in names if 2 <= len(n) <= 4) - frozenset(public)


_MASKERS = {
    PII_NAME: mask_name,
    PII_PHONE: mask_phone,
    PII_ID: mask_id_number,
    PII_ADDRESS: mask_address,
    PII_TEXT: mask_free_text,
}


def mask_value(kind: str, value: str) -> str:
    """Mask one value of the given kind of personal data (``models.PII_*``)."""
    if not value:
        return value
    return _MASKERS[kind](value)


def _mask_children(children: list[Any], names: tuple[str, ...], citizens: frozenset[str]) -> list[Any]:
    out = []
    for child in children:
        changes = {}
        for info in fields_of(type(child)):
            value = getattr(child, info.name)
            if isinstance(value, str) and value:
                changes[info.name] = mask_free_text(value, names, citizens)
        out.append(dataclasses.replace(child, **changes) if changes else child)
    return out


def mask_record(record: R, citizens: frozenset[str] = frozenset()) -> R:
    """A copy of ``record`` with every personal-data field masked (the record is not changed).

    Free texts lose the names of the citizens the record names and of ``citizens`` (those the
    other records of the same output name: :func:`citizen_names`), wherever they are mentioned.
    """
    pii = pii_fields(type(record))
    if not pii:
        return record
    names = record_names(record)
    changes: dict[str, Any] = {}
    for name, kind in pii.items():
        value = getattr(record, name)
        if isinstance(value, list) and value:
            changes[name] = _mask_children(value, names, citizens)
        elif isinstance(value, str) and value:
            changes[name] = mask_free_text(value, names, citizens) if kind == PII_TEXT else mask_value(kind, value)
    return dataclasses.replace(record, **changes) if changes else record


def store_citizen_names(store: Store, years: Iterable[int] | None = None) -> frozenset[str]:
    """The citizens the records of ``years`` (all years: None) name, deleted ones included,
    members' names left out."""
    from studio_desk.core.models import Member

    records: list[Record] = []
    for cls in RECORD_TYPES:
        only = [i.name for i in fields_of(cls) if i.pii == PII_NAME or (i.pii == PII_TEXT and i.kind == TEXT)]
        if not only:
            continue
        for year in years if years is not None else (None,):
            ids = store.query_ids(cls, year=year, include_deleted=True)
            for start in range(0, len(ids), 2000):
                records += store.get_many(cls, ids[start : start + 2000], only=only)
    members = (m.name for m in store.list_records(Member, include_deleted=True))
    return citizen_names(records, members)


def write_masked_copy(store: Store, target: Path) -> None:
    """A copy of the database at ``target`` with personal data masked, in the current rows and in
    history, and marked as masked.

    Version ids are kept, so the copy can never overwrite the studio's own data in a merge;
    merging, restoring or importing it is refused outright (``masked_marker``).
    """
    from studio_desk.core.store import Store

    store.backup_to(target)
    with Store.open(target, replica_id=store.replica_id, create=False) as copy:
        citizens = store_citizen_names(copy)
        with copy.transaction():
            for cls in RECORD_TYPES:
                if pii_fields(cls):
                    copy.rewrite_versions(cls, lambda record: mask_record(record, citizens))
            from studio_desk.core.attachments import drop_citizen_attachments

            drop_citizen_attachments(copy.conn)  # photos and scans of citizens stay at the studio
            mark_masked_database(copy.conn)
        copy.conn.execute("VACUUM")  # no unmasked text left behind in free pages


__all__ = [
    "MASKED_MARKER",
    "citizen_names",
    "is_masked",
    "is_organisation",
    "is_masked_database",
    "mask_address",
    "mask_free_text",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "mask_record",
    "mask_value",
    "masked_database_file_reason",
    "masked_workbook_reason",
    "person_names",
    "listed_names",
    "record_names",
    "store_citizen_names",
    "write_masked_copy",
]
