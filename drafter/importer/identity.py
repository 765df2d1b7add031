"""Stage 5, identity: who wrote the report, for which year, to whom, signed and dated how.

Unit, unit type and county come from the title, the addressee, the opening and the signature
(:func:`drafter.text.identity.detect_identity`); the 成文日期 from the date line in any common form
(2025年1月15日, 二〇二五年一月十五日, 2025.1.15, 2025-01-15), stored as "2025年1月15日". A report
written by a county-level body (县/区/旗/市人民政府) is refused: drafter drafts townships' reports.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from drafter.blocks import Block
from drafter.errors import DrafterError
from drafter.text.counties import counties_in
from drafter.text.dates import DATE_CN, DATE_NUMERIC, FULLWIDTH_DIGITS, parse_date
from drafter.text.furniture import (
    WRITTEN_DATE_LABELS,
    after_widgets,
    field_pairs,
    page_issuer,
    page_written_date,
)
from drafter.text.hanzi import HAN, NOT_HAN, to_simplified, when_used
from drafter.text.identity import (
    Identity,
    county_level_reporter,
    detect_identity,
    split_place,
    unit_type_of,
)
from drafter.text.numbers import DOCUMENT_CODE, DOCUMENT_YEAR

__all__ = ["ImportIdentity", "find_date", "is_note", "parse_date", "read_identity", "tidy_tail"]


def _is_date_line(text: str) -> bool:
    text = re.sub(r"[\s\u3000]+", "", text.translate(FULLWIDTH_DIGITS))
    match = DATE_CN.search(text) or DATE_NUMERIC.search(text)
    return match is not None and match.end() == len(text) and match.start() <= 30


_SIGNER_LINE = re.compile(
    rf"^(?:{HAN}|\s){{2,40}}?(?:人民政府|政府|党委|党工委|委员会|办事处|街道|乡|镇|苏木)$"
)


def tidy_tail(blocks: Sequence[Block]) -> list[Block]:
    """The report's last lines as signature and date, when the reader left them paragraphs
    ("东风街道" without a date under it, a date written 2025年1月16日 before a note).

    Only unpunctuated lines at the very end, up to six: a closing sentence stops the walk.
    """
    out = list(blocks)
    index = len(out) - 1
    while index >= 0 and len(out) - index <= 6:
        block = out[index]
        text = block.text.strip()
        if block.kind == "paragraph" and _is_date_line(text):
            out[index] = Block("date", text)
        elif block.kind == "paragraph" and _SIGNER_LINE.match(text):
            out[index] = Block("signature", text)
        elif block.kind not in ("date", "signature") and not is_note(text):
            break
        index -= 1
    return out


def is_note(text: str) -> bool:
    """A 附注 after the date: "（此件公开发布）", "（联系人：张三，电话：……）"."""
    return re.fullmatch(r"[（(](?:此件|联系人|附注)[^（）()]{0,60}[)）]", text.strip()) is not None


@dataclass
class ImportIdentity:
    """The identity answers of an imported report."""

    identity: Identity
    addressee: str = ""
    signers: list[str] = field(default_factory=list)
    date: str | None = None
    date_source: str = ""
    county_in_title: bool | None = None
    title: str = ""
    """The report's own title, on one line, where it is not the standard one drafter prints
    ("某某镇人民政府关于2024年度法治政府建设情况的报告"); "" otherwise."""


_ISSUERS = ("委员会", "人民政府", "办事处", "党工委", "党委")


def own_title(title: str, identity: Identity) -> str:
    """A title as the township wrote it, on one line ("" when it is the standard title the draft
    prints anyway), up to the 报告 it ends with. Its line breaks and letter spacing ("关　于")
    are layout and go; a space between two issuers ("中共某镇委员会　某镇人民政府关于……") stays, as one full-width space.

    What stands with the title on a page but is not title goes: a document number (发文字号 is an
    element of its own above the title, GB/T 9704—2012 7.2.4), a body above the title that is not
    the township's (the site's name: the county's government), a page's widgets run on before
    the title, and whatever follows its 报告 (a line run on, the page's fields, the title again)."""
    unit = identity.unit_name
    pieces = [p for p in to_simplified(title).split() if not _DOCUMENT_NUMBER().fullmatch(p)]
    while len(pieces) > 1 and unit and _another_body(pieces[0], unit):
        pieces.pop(0)
    text = ""
    for piece in pieces:
        joint = text.endswith(_ISSUERS) and any(name in piece.split("关于")[0] for name in _ISSUERS)
        text += "\u3000" if joint else ""
        text += piece
    if "报告" in text:
        # The title ends with its kind of document, written once.
        text = text[: text.index("报告") + 2]
    text = _from_opening(text, unit)
    standard = f"{unit or ''}{identity.year or ''}年度法治政府建设情况报告"
    return "" if text in ("", standard, (identity.county or "") + standard) else text


def _another_body(piece: str, unit: str) -> bool:
    """Whether a line above the title names a body other than the township (禄丰市人民政府 over
    某乡人民政府关于……): the township's report is issued by the township alone, or jointly by
    its own party committee and government, both of which carry its name."""
    return piece.endswith(_ISSUERS) and unit not in piece


# A title opens with its issuers or places (中共, 某省某市某县, 某镇人民政府, separated by spaces),
# 关于, or its year.
_TITLE_OPENING = re.compile(
    rf"(?:中共|关于|(?:19|20)\d{{2}}年度?|{HAN}{{1,10}}?(?:自治区|自治州|自治县|自治旗|省|市|州|盟"
    r"|地区|县|区|旗)|委员会|人民政府|办事处|党工委|党委|政府|[\s\u3000])*"
)
_DOCUMENT_NUMBER = when_used(rf"{DOCUMENT_CODE}[〔\[【(（]?{DOCUMENT_YEAR}[〕\]】)）]?\d{{1,4}}号")


def _from_opening(text: str, unit: str | None) -> str:
    """``text`` from where the title opens: a page's widgets run on before it go, when what
    stands between the last of them and the unit's name is a title's opening."""
    at = text.find(unit) if unit else -1
    start = after_widgets(text, at) if at > 0 else 0
    if start and _TITLE_OPENING.fullmatch(text, start, at):
        return text[start:]
    return text


def find_date(blocks: Sequence[Block]) -> tuple[str | None, str]:
    """The 成文日期 (normalised) and the line it was read from: the date line, or a line at the
    end of the report (after the signature, or a signature line that ends with the date)."""
    for block in blocks:
        if block.kind == "date":
            parsed = parse_date(block.text)
            if parsed:
                return parsed, block.text
    for block in list(blocks)[-6:][::-1]:
        if block.kind in ("paragraph", "signature") and _is_date_line(block.text):
            parsed = parse_date(block.text)
            if parsed:
                return parsed, block.text
    return None, ""


def _signers(blocks: Sequence[Block]) -> list[str]:
    """Signature lines; two bodies written on one line ("中共某乡委员会　某乡人民政府") are two."""
    out: list[str] = []
    for block in blocks:
        if block.kind != "signature":
            continue
        pieces = [p for p in re.split(r"\s{2,}|\u3000+", block.text.strip()) if p]
        out.extend(pieces if len(pieces) > 1 else [block.text.strip()])
    return out


def _unit_from_page(identity: Identity, page: Mapping[str, str]) -> None:
    """The unit (and its county) from the page's 发布机构, label stripped, only where the report
    does not name itself, and only of the type the report calls itself (我镇 is no 乡)."""
    issuer = page_issuer(page)
    if not issuer:
        return
    name = re.sub(r"^中共|(?:人民政府|办事处|党委|党工委|委员会|政府)$", "", to_simplified(issuer))
    county, unit = split_place(re.sub(NOT_HAN, "", name))
    if unit is None:
        return
    if identity.unit_name is not None:
        if unit == identity.unit_name and identity.county is None:
            identity.county = county
        return
    own_type = identity.unit_type
    if own_type and unit_type_of(unit) != own_type:
        identity.disagreements.append(
            f"网页的发布机构写“{issuer}”，而报告自称“我{own_type}”，没有采用，请核对单位名称。"
        )
        return
    identity.unit_name, identity.unit_type = unit, unit_type_of(unit)
    identity.county = identity.county or county


def _county_from_page(identity: Identity, lines: Sequence[str]) -> None:
    """The county from the page around the report, where the report names none.

    First the unit's own name written with its county anywhere on the page ("• 铜梁区双山镇",
    "来源：渠县有庆镇", the title printed again above the text); else the one county body the
    page's lines name ("发布机构：开州区政府办公室"). A 市 named only by the page is not taken:
    a prefecture's site names its 市 as well as a county-level city's does.
    """
    if identity.county is not None or not lines:
        return
    unit = identity.unit_name
    pieces = [
        piece
        for line in lines
        for value in ([v for _, v in field_pairs(line) or ()] or [line])
        for piece in re.sub(NOT_HAN, " ", to_simplified(value)).split()
    ]
    for piece in pieces:
        at = piece.find(unit) if unit else -1
        if at > 0:
            county, found = split_place(piece[: at + len(unit or "")])
            if county and found == unit:
                identity.county = county
                return
    names = {name for line in lines for name in counties_in(line) if not name.endswith("市")}
    if len(names) == 1:
        identity.county = names.pop()


def read_identity(
    blocks: Sequence[Block],
    *,
    name_hint: str = "",
    page: Mapping[str, str] | None = None,
    page_lines: Sequence[str] = (),
) -> ImportIdentity:
    """Identity, addressee, signers and date of a report; refuses a county-level report.

    ``page``: what the web page around the report said (:func:`furniture_fields`): its 发布机构
    names the unit and its 成文日期 dates the report where the report itself does not.
    ``page_lines``: the page's furniture lines, read for the county where the report names none.
    """
    reporter = county_level_reporter(blocks)
    if reporter:
        raise DrafterError(
            f"这是县级报告（报告单位：{reporter}），drafter 只能导入乡、镇、街道、苏木的年度报告。",
            hint="请导入本乡（镇、街道、苏木）去年的法治政府建设情况报告；"
            "县级报告可以用 drafter check 检查。",
        )
    identity = detect_identity(blocks)
    page = page or {}
    _unit_from_page(identity, page)
    if identity.unit_name is None and name_hint:
        # Last resort: a file named "某某镇2024年度法治政府建设情况报告.docx".
        head = re.split(r"\d|关于|法治|年度", to_simplified(name_hint))[0]
        county, unit = split_place(re.sub(NOT_HAN, "", head))
        own_type = identity.unit_type
        if unit and (own_type is None or unit_type_of(unit) == own_type):
            identity.unit_name, identity.county = unit, identity.county or county
            identity.unit_type = own_type or unit_type_of(unit)
    _county_from_page(identity, page_lines)
    result = ImportIdentity(identity)
    result.addressee = next((b.text for b in blocks if b.kind == "addressee"), "")
    result.signers = _signers(blocks)
    date, source = find_date(blocks)
    if date is None and page_written_date(page):
        date = page_written_date(page)
        label = next(label for label in WRITTEN_DATE_LABELS if parse_date(page.get(label, "")))
        source = f"网页的{label}“{page[label]}”"
    if date and identity.year and int(date[:4]) < identity.year:
        identity.disagreements.append(
            f"落款日期“{source}”早于报告年度{identity.year}年，没有导入，请核对后填写成文日期。"
        )
        date = None
    result.date, result.date_source = date, source
    title = next((b.text for b in blocks if b.kind == "title"), "")
    if identity.county:
        result.county_in_title = identity.county in to_simplified(title)
    result.title = own_title(title, identity)
    return result
