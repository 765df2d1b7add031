"""Stage 5, identity: who wrote the report, for which year, to whom, signed and dated how.

Unit, unit type and county come from the title, the addressee, the opening and the signature
(:func:`drafter.text.identity.detect_identity`); the 成文日期 from the date line in any common form
(2025年1月15日, 二〇二五年一月十五日, 2025.1.15, 2025-01-15), stored as "2025年1月15日". A report
written by a county-level body (县/区/旗/市人民政府) is refused: drafter drafts townships' reports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.blocks import Block
from drafter.errors import DrafterError
from drafter.text.hanzi import HAN, NOT_HAN, T2S
from drafter.text.identity import (
    Identity,
    county_level_reporter,
    detect_identity,
    split_place,
    unit_type_of,
)

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_DATE_CN = re.compile(
    r"([\d〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月"
    r"\s*([\d一二三四五六七八九十]{1,3})\s*日"
)
_DATE_NUMERIC = re.compile(r"(20\d{2})\s*[.．\-－/／]\s*(\d{1,2})\s*[.．\-－/／]\s*(\d{1,2})\s*日?")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _cn_number(text: str) -> int | None:
    """二〇二五 → 2025, 十五 → 15, 1 → 1 (the numerals a date is written in)."""
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        high = _CN_DIGITS.get(tens, -1) if tens else 1
        low = _CN_DIGITS.get(ones, -1) if ones else 0
        return high * 10 + low if high >= 0 and low >= 0 else None
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


def parse_date(text: str) -> str | None:
    """A written date → "2025年1月15日", or None when it is not a whole, real date."""
    text = text.translate(_FULLWIDTH).strip()
    match = _DATE_CN.search(text) or _DATE_NUMERIC.search(text)
    if match is None:
        return None
    parts = [_cn_number(g) for g in match.groups()]
    if any(p is None for p in parts):
        return None
    year, month, day = (int(p) for p in parts if p is not None)
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year}年{month}月{day}日"


def _is_date_line(text: str) -> bool:
    text = re.sub(r"[\s\u3000]+", "", text.translate(_FULLWIDTH))
    match = _DATE_CN.search(text) or _DATE_NUMERIC.search(text)
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


def read_identity(blocks: Sequence[Block], *, name_hint: str = "") -> ImportIdentity:
    """Identity, addressee, signers and date of a report; refuses a county-level report."""
    reporter = county_level_reporter(blocks)
    if reporter:
        raise DrafterError(
            f"这是县级报告（报告单位：{reporter}），drafter 只能导入乡、镇、街道、苏木的年度报告。",
            hint="请导入本乡（镇、街道、苏木）去年的法治政府建设情况报告；"
            "县级报告可以用 drafter check 检查。",
        )
    identity = detect_identity(blocks)
    if identity.unit_name is None and name_hint:
        # Last resort: a file named "某某镇2024年度法治政府建设情况报告.docx".
        head = re.split(r"\d|关于|法治|年度", name_hint.translate(T2S))[0]
        county, unit = split_place(re.sub(NOT_HAN, "", head))
        if unit:
            identity.unit_name, identity.county = unit, identity.county or county
            identity.unit_type = identity.unit_type or unit_type_of(unit)
    result = ImportIdentity(identity)
    result.addressee = next((b.text for b in blocks if b.kind == "addressee"), "")
    result.signers = _signers(blocks)
    date, source = find_date(blocks)
    if date and identity.year and int(date[:4]) < identity.year:
        identity.disagreements.append(
            f"落款日期“{source}”早于报告年度{identity.year}年，没有导入，请核对后填写成文日期。"
        )
        date = None
    result.date, result.date_source = date, source
    title = next((b.text for b in blocks if b.kind == "title"), "")
    if identity.county:
        result.county_in_title = identity.county in title.translate(T2S)
    return result
