"""document-name: titles of laws, outlines and plans against their official names.

A report cites the same few central documents; a reviewer knows their names by heart and sends
back 《法治政府建设实施纲要2021—2025》 (parentheses and 年 lost), 《法治政府建设实施纲要（2021—2025）》
(年 lost) or 《法治政府建设实施刚要》 (a character wrong). The official names are a small table
(:data:`OFFICIAL`, taken from the documents themselves); a title in 《》 is compared with it by a
general similarity (the edits that turn one into the other, :func:`edits`), not by a list of
misspellings:

- a title within a few edits of an official name is that document, misnamed: the official name
  is the fix (a title naming another place, such as 《重庆市法治政府建设实施方案（2021—2025年）》, is
  many edits away and is another document);
- the official name with its years written otherwise than （2021—2025年） (the range in other years
  is ``outdated-term``'s); a hyphen for the dash is a house style, not reported;
- any title whose range of years lacks 年: 《法治上海建设规划（2021-2025）》;
- an official name, or a law's full name (中华人民共和国……法), written without 《》 in running text.

A title cited without its years (《法治政府建设实施纲要》) is a common short form and right.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from drafter.checks._text import Context, inside, protected_spans
from drafter.checks.base import Finding, register
from drafter.text.hanzi import HAN, when_used
from drafter.text.numbers import DOCUMENT_CODE, DOCUMENT_YEAR

RULE = "document-name"


@dataclass(frozen=True, slots=True)
class Official:
    """A document's official name: ``name`` without its years, ``years`` as in the name."""

    name: str
    years: tuple[int, int] | None = None

    @property
    def full(self) -> str:
        return f"{self.name}（{self.years[0]}—{self.years[1]}年）" if self.years else self.name


OFFICIAL: tuple[Official, ...] = (
    # 中共中央、国务院印发 (2021, 2015, 2020).
    Official("法治政府建设实施纲要", (2021, 2025)),
    Official("法治政府建设实施纲要", (2015, 2020)),
    Official("法治社会建设实施纲要", (2020, 2025)),
    Official("法治中国建设规划", (2020, 2025)),
    # 中共中央办公厅、国务院办公厅印发 (2016, 2019).
    Official("党政主要负责人履行推进法治建设第一责任人职责规定"),
    Official("法治政府建设与责任落实督察工作规定"),
    # 国务院令第713号 (2019); 中共中央、国务院 (2022).
    Official("重大行政决策程序暂行条例"),
    Official("信访工作条例"),
    # 中央宣传部、中央全面依法治国委员会办公室编 (2021).
    Official("习近平法治思想学习纲要"),
    # 十八届四中全会 (2014); 中共中央办公厅、国务院办公厅 (2021).
    Official("中共中央关于全面推进依法治国若干重大问题的决定"),
    Official("关于加强社会主义法治文化建设的意见"),
    # 教育部令第52号 (2021).
    Official("中小学法治副校长聘任与管理办法"),
    # 国务院令第711号 (2019 修订).
    Official("中华人民共和国政府信息公开条例"),
)

_DASHES = when_used(r"\s*[—–\-－~～至到]+\s*")
_RANGE_AT_END = re.compile(
    r"(?P<range>[（(]?\s*(?P<a>(?:19|20)\d{2})(?:\s*[—–\-－~～至到]+\s*|(?=(?:19|20)\d{2}))"
    r"(?P<b>(?:19|20)\d{2})\s*(?P<nian>年)?\s*[）)]?)$"
)
_RANGE_FOLLOWS = re.compile(r"\s*[（(]\s*(?:19|20)\d{2}")
# A law's and a ranged plan's names, parts of _NAMES (never searched alone).
_LAW = rf"中华人民共和国{HAN}{{1,14}}?(?:法典|条例|法)(?![律规院治制官人庭学理典])"
# A plan's name with the years it runs (…实施方案（2021—2025年）) is a title wherever it stands:
# without 《》 it was cited bare.
_RANGED_NAME = (
    rf"{HAN}{{2,24}}?(?:纲要|规划|方案|计划)\s*[（(]\s*(?:19|20)\d{{2}}\s*[—–\-－~～至到]*"
    r"\s*(?:19|20)\d{2}\s*年?\s*[）)]"
)


def edits(a: str, b: str) -> int:
    """How many characters must change (insert, delete or replace) to turn ``a`` into ``b``,
    as difflib lines the two up."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def _allowed_edits(name: str) -> int:
    """Edits a misnamed title may be away from the name: none for a short name (《刑法》 is not a
    misspelt 《宪法》), one for a middling one, two for a long one."""
    return 0 if len(name) < 6 else 1 if len(name) < 12 else 2


_KEPT_SHARE = 0.9
"""A title that keeps at least this share of a long official name's characters, in order, is
that document with a few words replaced (《中共中央三升体育平台全面推进依法治国若干重大问题的决定》:
a page's spam for 关于), however many characters the replacement has."""
_LONG_NAME = 16
_REPLACED_MAX = 8


def _kept(base: str, name: str) -> float:
    matcher = difflib.SequenceMatcher(None, base, name, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(name)


def _closest(base: str) -> tuple[Official, int] | None:
    best: tuple[Official, int] | None = None
    for official in OFFICIAL:
        name = official.name
        if name in base and base != name:
            continue  # a document of its own that holds the name (《渠县……职责规定》)
        if abs(len(name) - len(base)) > 2:
            # Words replaced inside the name, its ends as they are.
            close = (
                len(name) >= _LONG_NAME
                and base[:2] == name[:2]
                and base[-2:] == name[-2:]
                and len(base) - len(name) <= _REPLACED_MAX
                and _kept(base, name) >= _KEPT_SHARE
            )
            if close:
                best = (official, edits(base, name))
            continue
        distance = edits(base, name)
        if distance <= _allowed_edits(name) and (best is None or distance < best[1]):
            best = (official, distance)
    return best


def _normal_range(match: re.Match[str]) -> str:
    return f"（{match.group('a')}—{match.group('b')}年）"


@functools.lru_cache(maxsize=1024)
def judge(title: str) -> str | None:
    """What is wrong with a title in 《》 (its text without the marks), as the message; None when
    it is right or not one of the documents the rule knows."""
    plain = re.sub(r"\s+", "", title)
    found = _RANGE_AT_END.search(plain)
    base = plain[: found.start()] if found else plain
    closest = _closest(base)
    if closest is not None:
        official, distance = closest
        if distance:
            right = official.full if found else official.name
            return f"文件名称有误：应为《{right}》。"
        if found is None or official.years is None:
            return None
        years = (int(found.group("a")), int(found.group("b")))
        editions = [o for o in OFFICIAL if o.name == official.name and o.years == years]
        if not editions:
            return None  # a range in other years: outdated-term reports it
        written = _DASHES().sub("—", found.group("range")).replace("(", "（").replace(")", "）")
        if written != _normal_range(found):
            return f"文件名称中的年份写法不规范：应为《{editions[0].full}》。"
        return None
    if found and not _DASHES().search(found.group("range")):
        return f"文件名称中的两个年份之间少了连接号：应写作“{_normal_range(found)}”。"
    if found and not found.group("nian"):
        return f"文件名称中的年份范围后面少了“年”：应写作“{_normal_range(found)}”。"
    return None


def _official_names() -> re.Pattern[str]:
    names = sorted({o.name for o in OFFICIAL if len(o.name) >= 8}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)) + "|" + _LAW + "|" + _RANGED_NAME)


# A document number (发文字号): its forms are described in drafter/text/numbers.py.
_NUMBER_CODE = DOCUMENT_CODE
_NUMBER_YEAR = DOCUMENT_YEAR


# Each form compiled when a text first has the mark it needs (most paragraphs cite no document).
_WRONG_BRACKETS = when_used(
    rf"(?P<code>{_NUMBER_CODE})\s*[\[【(（]\s*{_NUMBER_YEAR}\s*[\]】)）]\s*(?P<no>\d{{1,4}})\s*号"
)
_NO_BRACKETS = when_used(
    rf"(?<=[（(])(?P<code>{_NUMBER_CODE}){_NUMBER_YEAR}(?P<no>\d{{1,4}})号?(?=[）)])"
)
_NO_HAO = when_used(rf"(?P<code>{_NUMBER_CODE})〔{_NUMBER_YEAR}〕(?P<no>\d{{1,4}})(?![\d号])")


def _document_numbers(norm: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each document number written otherwise than 代字〔年份〕序号号, with what is wrong."""
    if "号" in norm:
        for match in _WRONG_BRACKETS().finditer(norm):
            yield match, "年份应使用六角括号“〔〕”"
    if "(" in norm or "（" in norm:
        for match in _NO_BRACKETS().finditer(norm):
            yield match, "年份缺少六角括号“〔〕”"
    if "〔" in norm:
        for match in _NO_HAO().finditer(norm):
            yield match, "序号后面缺少“号”"


_NAMES = _official_names()
_CITING = when_used(
    r".*(?:落实|贯彻|执行|按照|根据|依据|学习|印发|制定|对照|围绕|结合|遵循)(?!方案|纲要|规划|计划)"
)
_NAME_STARTS = re.compile(
    "|".join(sorted({"中华人民共和国"} | {o.name[:4] for o in OFFICIAL}))
    + r"|(?:纲要|规划|方案|计划)\s*[（(]\s*(?:19|20)\d{2}"
)


# A range of years written after the closing 》 (《……纲要》（2021—2025）): the years are part of the
# name and go inside the marks, with 年.
_RANGE_OUTSIDE = when_used(
    r"《(?P<name>[^《》]{2,40})》(?P<range>\s*[（(]\s*(?:19|20)\d{2}\s*[—–\-－~～至到]*\s*"
    r"(?:19|20)\d{2}\s*年?\s*[）)])"
)
# A title whose 》 was lost, its name running on after a range of years: 《……方案(2022-2025)的要求.
_UNCLOSED = when_used(
    r"《(?P<name>[^《》]{2,40}?[（(]\s*(?:19|20)\d{2}\s*[—–\-－~～至到]*\s*(?:19|20)\d{2}"
    r"\s*年?\s*[）)])(?![^《]*》)"
)


def _misplaced_ranges(norm: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, message) of a title's years written outside its 》, and of a title with a
    range of years whose 》 is missing."""
    if "》" in norm:
        for match in _RANGE_OUTSIDE().finditer(norm):
            found = _RANGE_AT_END.search(re.sub(r"\s+", "", match.group("range")))
            if found is None:
                continue
            right = f"《{match.group('name')}{_normal_range(found)}》"
            yield (
                match.start(),
                match.end(),
                f"年份范围是文件名称的一部分，应写在书名号里：应为{right}。",
            )
    for match in _UNCLOSED().finditer(norm):
        name = re.sub(r"\s+", "", match.group("name"))
        found = _RANGE_AT_END.search(name)
        if found is None:
            continue
        closest = _closest(name[: found.start()])
        base = closest[0].name if closest else name[: found.start()]
        right = f"《{base}{_normal_range(found)}》"
        yield match.start(), match.end(), f"书名号没有闭合：文件名称应写作{right}。"


LAWS = Path(__file__).resolve().parent / "data" / "laws.txt"
"""The national laws by their short names (source and licence in the file)."""
BARE_LEAST = 4
"""A law's short name shorter than this (宪法, 刑法, 民法典) is a word of running text as well
(宪法宣传周, 民法典进万家): only the longer ones are reported bare."""
# After a law's name, characters that make it another word (法律, 法规, 法治…).
_NOT_AFTER_LAW = frozenset("律规院治制官人庭学理典")
# A law's name inside another name: a day or week named after it (未成年人保护法宣传日), or the
# regulation that implements it (行政复议法实施条例, a title of its own).
_NAMED_AFTER = re.compile(r"宣传[日周月]|[日周月](?!常|益|渐)|实施(?:条例|办法|细则)")


# The last characters of every law's name: a text without them names no law.
_MAY_NAME_LAW = re.compile("法|条例|规则")


@functools.cache
def _law_names() -> tuple[frozenset[str], tuple[int, ...]]:
    """The laws' short names at least BARE_LEAST long, and their lengths, longest first."""
    lines = LAWS.read_text(encoding="utf-8").splitlines()
    names = frozenset(n for n in (line.strip() for line in lines) if len(n) >= BARE_LEAST)
    names = frozenset(n for n in names if not n.startswith("#"))
    return names, tuple(sorted({len(n) for n in names}, reverse=True))


def bare_laws(norm: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each national law's name (its 中华人民共和国 with it when written) in
    ``norm``, marks or not: the caller leaves out those in 《》."""
    names, lengths = _law_names()
    for tail in ("法", "条例", "规则"):
        at = norm.find(tail)
        while at >= 0:
            end = at + len(tail)
            if norm[end : end + 1] not in _NOT_AFTER_LAW and not _NAMED_AFTER.match(norm, end):
                for length in lengths:
                    start = end - length
                    if start >= 0 and norm[start:end] in names:
                        if norm.endswith("中华人民共和国", 0, start):
                            start -= len("中华人民共和国")
                        yield start, end
                        break
            at = norm.find(tail, end)


# A document cited by its title, 关于…的 and a kind of document (GB/T 9704's 文种 and the kinds of
# normative documents), after a verb that cites it and perhaps its issuer ("落实县委关于……的实施
# 意见"): the form of a title, whatever the document. A subject or a requirement "关于……的" (要求,
# 部署, 精神) is no kind of document, and 征求/听取/提出 …意见 cite none.
_ABOUT_TITLE = when_used(
    r"(?:印发|转发|制定|出台|贯彻|落实|学习|执行|根据|按照|依据|依照|对照|遵照)(?:了|好)?"
    r"[^，。；：、！？“”《》〈〉\s]{0,12}?"
    r"(?P<name>关于[^，。；：！？《》〈〉\s]{2,40}?的"
    r"(?:实施意见|指导意见|若干意见|意见|决定|通知|通报|实施方案|工作方案|方案|实施办法|管理办法|办法|"
    r"若干规定|规定|实施细则|细则|规划|工作计划|计划|工作要点|要点|纲要|条例|规则|制度))"
    r"(?=[，。；：、！？\s）)]|$|精神|要求|部署|规定|和|及|等|有关|相关|文件|中)"
)


def _bare_names(norm: str, quoted: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(start, end) of each official name, law, ranged plan or document title written without
    《》."""
    found: list[tuple[int, int]] = []
    if "关于" in norm:
        for match in _ABOUT_TITLE().finditer(norm):
            start, end = match.span("name")
            if not inside(quoted, start, end):
                found.append((start, end))
    if _NAME_STARTS.search(norm) is not None:
        for match in _NAMES.finditer(norm):
            if inside(quoted, match.start(), match.end()):
                continue
            if match.start() > 0 and norm[match.start() - 1] in "”」":
                continue  # “八五”普法规划（2021—2025年）: a name that begins with a quoted word
            # A bare name's start is not marked: it begins after the verb that cites it.
            cited = _CITING().search(match.group(0))
            start = match.start() + (cited.end() if cited else 0)
            if not any(a < match.end() and start < b for a, b in found):
                found.append((start, match.end()))
    if _MAY_NAME_LAW.search(norm):
        for start, end in bare_laws(norm):
            if not inside(quoted, start, end) and not any(a < end and start < b for a, b in found):
                found.append((start, end))
    yield from sorted(found)


@register(RULE, "文件名称")
def check(context: Context) -> Iterator[Finding]:
    for index, text, norm in context.prose():
        misplaced: list[tuple[int, int, str]] = []
        if "《" in norm:
            for start, end in protected_spans(norm, "《》"):
                message = judge(norm[start + 1 : end - 1])
                if message and not _RANGE_FOLLOWS.match(norm, end):
                    yield Finding(RULE, "warning", message, text[start:end], index)
            misplaced = list(_misplaced_ranges(norm))
            for start, end, message in misplaced:
                yield Finding(RULE, "warning", message, text[start:end], index)
        for match, what in _document_numbers(norm):
            # Where the organ's code starts is not known (落实渝府发【2021】15号): the excerpt
            # and the fix begin at its last characters.
            start = max(match.start(), match.end("code") - 3)
            right = (
                f"{norm[start : match.end('code')]}〔{match.group('year')}〕{match.group('no')}号"
            )
            yield Finding(
                RULE,
                "warning",
                f"发文字号写法不规范：{what}，应写作“{right}”。",
                text[start : match.end()],
                index,
            )
        if (
            _NAME_STARTS.search(norm) is None
            and not _MAY_NAME_LAW.search(norm)
            and "关于" not in norm
        ):
            continue  # no official name, law nor title can be in the text (most blocks)
        quoted = protected_spans(norm, "《》“”〈〉")
        # A title whose 》 is lost is reported as that, not as a name without its marks.
        quoted += [(start, end) for start, end, _ in misplaced]
        for start, end in _bare_names(norm, quoted):
            yield Finding(
                RULE,
                "warning",
                "法律、法规和文件的名称应加书名号：写作《……》。",
                text[start:end],
                index,
            )
