"""The studio's printable paperwork (SPEC section 10), each built once as a
:class:`~studio_desk.exports.document.Document` and rendered to an A4 PDF (and a .docx where the
clerk would edit it): 签到表, 委员接待日 排班 and 公示, 回执/签收单, 履职档案, the 扫码找委员 poster."""
