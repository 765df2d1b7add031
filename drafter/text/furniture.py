"""Page furniture: what a government website prints around a report, and what it says.

Townships copy last year's report from their own website, and the page comes along: the
breadcrumb ("您当前的位置：首页 > 政务公开 > …"), the index table of the 政府信息公开目录 (索引号,
主题分类, 发布机构, 成文日期, 发布日期, 有效性 … as a table, a bracketed list, a bullet list or
"| label | value |" rows), the article's information bar (来源, 发布时间, 浏览次数, 点击数), its
widgets (字号 大中小, 打印本页, 关闭窗口, 分享到, 语音播报), the footer (主办单位, 网站标识码, ICP备),
URLs, the title printed once by the page and again by the document, dates on lines of their own.
None of it is report text. The rules below are written from what such pages are made of, the
field labels of open-government-information pages and their widgets, not from any one report.

The API, used by ``drafter import`` (which drops furniture and reads its fields) and by the
checks (a furniture line left in a report's body):

* :func:`is_furniture` — one line on its own: furniture wherever it stands;
* :func:`furniture_mask` — the lines of a text: also what only its place tells (a title printed
  twice, a date on a line of its own that is not the sign-off, a bullet list of index values);
* :func:`furniture_fields` — label → value of the page's fields ({"发布机构": "某某镇人民政府",
  "成文日期": "2025-02-14", …}), labels without their spaces or brackets;
* :func:`page_issuer` and :func:`page_written_date` — the 发布机构 (label stripped) and the
  成文日期 (normalised "2025年2月14日") of those fields, or None.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping, Sequence

from drafter.text.dates import is_date_only, parse_date
from drafter.text.hanzi import HAN, when_used

# --------------------------------------------------------------------------- vocabulary

# Labels of the fields a page prints about a document: the 政府信息公开目录's index table (索引号,
# the classifications, the issuing body, the dates, the document number, validity, how it is
# made public), the article's information bar (source, author, editors, counts of reads) and the
# navigation and footer. None of them opens a sentence of a report, so a line that starts with one
# of them and holds only short values after each is furniture, with or without a colon.
FIELD_LABELS = (
    "索引号", "信息索引号", "统一编号", "文件编号", "信息编号",
    "主题分类", "体裁分类", "信息分类", "组配分类", "服务对象分类", "主题词", "所属主题",
    "公开类别", "公开方式", "公开范围", "公开形式", "公开时限", "公开属性", "公开类型",
    "发布机构", "发文机关", "发文机构", "发文单位", "发布单位", "公开主体", "公开责任部门",
    "所属机构", "信息来源", "文章来源", "稿件来源",
    "成文日期", "发文日期", "发文时间", "印发日期", "公文生成日期", "发布日期", "发布时间",
    "公开日期", "公开时间",
    "生成日期", "更新时间", "更新日期", "实施日期", "生效日期", "施行日期", "废止日期",
    "发文字号", "有效性", "时效性", "效力状态", "是否有效",
    "浏览次数", "浏览量", "阅读次数", "阅读量", "点击数", "点击量", "点击次数", "点击率",
    "访问量", "访问次数", "责任编辑", "信息名称", "文件名称", "内容概述",
    "上一篇", "下一篇", "上一条", "下一条",
    "网站标识码", "主办单位", "承办单位", "技术支持", "版权所有",
)  # fmt: skip
# Labels that are everyday words too (日期, 来源, 作者…): a field only with a colon or a bracket
# after it, and, for the dates, a date after that.
GENERIC_LABELS = (
    "日期", "时间", "来源", "作者", "编辑", "审核", "校对", "供稿", "撰稿", "摄影", "通讯员",
    "标题", "名称", "文号", "分类", "关键词", "关键字", "浏览", "阅读", "点击", "网址", "链接",
    "主办", "承办",
)  # fmt: skip
_DATE_LABELS = ("日期", "时间")
ISSUER_LABELS = (
    "发布机构", "发文机关", "发文机构", "发文单位", "发布单位", "公开主体", "信息来源",
    "文章来源", "稿件来源", "来源",
)  # fmt: skip
"""Fields naming who published the page, most telling first."""
WRITTEN_DATE_LABELS = ("成文日期", "发文日期", "发文时间", "印发日期", "公文生成日期")
"""Fields holding the document's 成文日期 (发布日期 is the day the page went up, not it)."""

# The page's widgets: reading aloud, text size, print, close, share, favourites, accessibility,
# back to top. A line made of these words only (with brackets and 大/中/小) is furniture.
WIDGET_WORDS = (
    "语音播报", "语音合成中", "请耐心等待", "进入播报模式", "退出播报模式", "进入播报",
    "退出播报", "播报模式", "全文朗读", "停止朗读", "听全文", "朗读", "无障碍", "关怀版",
    "适老化", "长者模式", "视力保护色", "打印本页", "打印此页", "打印文章", "打印", "关闭窗口",
    "关闭本页", "关闭", "收藏本页", "加入收藏", "收藏", "分享到", "分享", "微信好友", "微信",
    "朋友圈", "新浪微博", "腾讯微博", "微博", "QQ空间", "QQ好友", "QQ", "扫一扫", "手机扫码",
    "手机阅读", "在手机上打开", "二维码", "文字大小", "字号", "字体", "默认", "返回顶部",
    "回到顶部", "返回", "我要纠错", "纠错", "繁体", "简体", "繁體", "简体版", "繁体版",
)  # fmt: skip
_TEXT_SIZES = "大中小"

# Around fields and widgets: bullets, brackets, pipes, dashes of a list or a table row.
_DECOR = " \t\u3000\u00a0•·●▪■◆◇○◎★☆►▶»-*|｜[]【】［］"
_BULLET = re.compile(r"^[\s\u3000\u00a0]*[•·●▪■◆◇○◎★☆►▶*\-]\s*")
_SENTENCE_MARKS = when_used(r"[。；;！!？?，,]")


def _spaced(word: str) -> str:
    """A label as a pattern that allows spaces between its characters ("索  引  号")."""
    return r"[ \u3000]*".join(re.escape(ch) for ch in word)


_SPECIFIC = "|".join(_spaced(w) for w in sorted(FIELD_LABELS, key=len, reverse=True))
_GENERIC = "|".join(_spaced(w) for w in sorted(GENERIC_LABELS, key=len, reverse=True))
# A specific label may follow its value's last character directly (a table copied without its
# cells); a generic one only after a space, a delimiter or the start of the line.
_LABEL_SOURCE = (
    rf"(?P<specific>{_SPECIFIC})"
    rf"|(?:^|(?<=[\s\]】］|｜•·:：]))(?P<generic>{_GENERIC})(?=[ \u3000]*[:：\]】］|｜])"
)
_LABELS = FIELD_LABELS + GENERIC_LABELS


@functools.cache
def _label() -> re.Pattern[str]:
    """The field labels as one pattern, compiled when a line first starts with one: it spells
    every label out with the spaces a page may put between its characters, the costliest
    pattern to compile of all the checks, and few reports hold a line of fields."""
    return re.compile(_LABEL_SOURCE)


_DELIMITED = when_used(r"^[ \u3000]*[:：\]】］|｜]")
_VALUE_MAX = 60
_WIDGET = re.compile("|".join(re.escape(w) for w in sorted(WIDGET_WORDS, key=len, reverse=True)))
_FOOTER = re.compile(r"\S{0,3}ICP备[\d\-]+号(?:-\d+)?|\S{0,4}公网安备\s*\d+号")
_LOCATION = re.compile(r"^(?:您|你)?(?:当前|现在|目前)?(?:所在|所处)?的?位置[ \u3000]*[:：]")
_ARROWS = ">>|>|＞|›|»|→"
_ARROW = re.compile(_ARROWS)
_CRUMB_SEP = re.compile(rf"[ \u3000]*(?:{_ARROWS}|/)[ \u3000]*")
_HOME = re.compile(r"^\W*\d{0,2}(?:网站首页|首页|主页)$")
_URL = re.compile(r"(?:https?://|www\.)[\w\-.~:/?#\[\]@!$&'()*+,;=%]+", re.IGNORECASE)
_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z/_\-.:]{7,}")
_FILE_NAME = re.compile(
    r"[^。；！？，,]{1,80}\.(?:docx|doc|wps|pdf|ofd|xlsx|xls|et|zip|rar)", re.IGNORECASE
)
_WORD = re.compile(r"[^\W_]")
_HAN = re.compile(HAN)
_NOT_WORD = when_used(rf"[{_TEXT_SIZES}\W_]")
_DIGITS_ONLY = re.compile(r"[\d\W_]+")
_SENTENCE_END = re.compile(r"[。；;！？]")
_PUNCT = re.compile(r"[\W_]")
# A line a report numbers (一、 （一） 1.): report text, never the page's.
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])"
)


# --------------------------------------------------------------------------- one line


def is_furniture(line: str) -> bool:
    """Whether a line, on its own, is page furniture and not report text.

    True for an empty line or one of spaces only, a line of markup without a word (``|---|``),
    a URL, a breadcrumb, a line of fields (``[ 索引号 ]… [ 发布机构 ]…``, ``来源：… 发布日期：…``,
    ``| 主题分类 | 其他 |``), a line of widgets (``【打印】【关闭】``, ``字号 大中小``, ``分享到：``),
    an index number or code on its own, and digits that make no date ("20243"). A date alone on
    its line is left to :func:`furniture_mask`: at the end of a report it is the sign-off.
    """
    text = line.strip(" \t\u3000\u00a0\ufeff")
    if not text or _WORD.search(text) is None:
        return True
    if _reads_as_text(text) or _NUMBERED.match(text):
        return False
    if _URL.sub("", text).strip(_DECOR + ":：") == "" or _URL.fullmatch(text.strip(_DECOR)):
        return True
    if _FILE_NAME.fullmatch(text.strip(_DECOR)):
        return True  # the page's link to the report's file ("……情况.docx")
    if _is_breadcrumb(text) or _is_menu(text) or _is_widget_line(text):
        return True
    if field_pairs(text) is not None or _is_info_bar(text):
        return True
    bare = text.strip(_DECOR)
    if _HAN.search(bare) is None and not is_date_only(bare):
        # No Chinese: an index number (11500224691216248X/2026-00002), a code, or stray digits.
        return _CODE.fullmatch(bare) is not None or _DIGITS_ONLY.fullmatch(bare) is not None
    return False


_HEAD_LINES = 30
"""How far down a page its copy of the title and the document's own may stand."""
_LINE_MAX = 300
"""Longer than any line of fields a page prints: report text."""
_SHORT = 40
_FULL_STOP = re.compile(r"[。；！？]")


def _reads_as_text(text: str) -> bool:
    """A line that is report text at a glance: long, or holding a sentence's end, or a comma
    in more than a short line ("语音合成中，请耐心等待" has one). Most lines end here."""
    return (
        len(text) > _LINE_MAX
        or _FULL_STOP.search(text) is not None
        or (len(text) > _SHORT and ("，" in text or "," in text))
    )


def _is_breadcrumb(text: str) -> bool:
    """A breadcrumb: "您当前的位置：…", "首页 > 政务公开 > …", or three pieces or more joined by arrows
    ("市司法局>专题专栏>法治政府建设工作情况报告": a site's own name may stand for 首页)."""
    if _LOCATION.match(text):
        return True
    pieces = [p for p in _CRUMB_SEP.split(text.strip(_DECOR)) if p]
    if len(pieces) < 2:
        return False
    if not any(_HOME.match(p) for p in pieces) and (
        len(pieces) < 3 or len(_ARROW.findall(text)) < 2
    ):
        return False
    return all(len(p) <= 25 and not _SENTENCE_MARKS().search(p) for p in pieces)


def _is_menu(text: str) -> bool:
    """A navigation bar: short items apart by spaces, one of them the home page ("网站首页 政府信息
    公开 互动交流")."""
    items = text.split()
    return (
        len(items) >= 2
        and any(_HOME.match(item) for item in items)
        and all(len(item) <= 10 and not _SENTENCE_MARKS().search(item) for item in items)
    )


def after_widgets(text: str, end: int) -> int:
    """Where the last widget word (打印, 收藏, 字号…) before ``end`` ends; 0 when there is none.
    A page's widgets pasted into the same line as its title stand before the title."""
    ends = [match.end() for match in _WIDGET.finditer(text, 0, end)]
    return ends[-1] if ends else 0


def _is_widget_line(text: str) -> bool:
    if _WIDGET.search(text) is None and _FOOTER.search(text) is None:
        return False
    rest = _FOOTER.sub("", _WIDGET.sub("", text))
    return _NOT_WORD().sub("", rest) == ""


def _is_info_bar(text: str) -> bool:
    """An article's information bar: widgets and fields apart by spaces, with at most one short
    word among them that is neither, the author's or the site's name ("好学生 分享 时间:")."""
    pieces = text.split()
    if len(pieces) < 2 or len(text) > _SHORT:
        return False
    others = [p for p in pieces if not _is_widget_line(p) and field_pairs(p) is None]
    return len(others) <= 1 and all(
        len(p) <= 6 and _SENTENCE_MARKS().search(p) is None for p in others
    )


def field_pairs(line: str) -> list[tuple[str, str]] | None:
    """The (label, value) fields of a line made of fields only, else None.

    "[ 发布机构 ]开州区某镇 [ 主题分类 ]其他" → [("发布机构", "开州区某镇"), ("主题分类", "其他")];
    "索引号 发布机构 某镇" (a table's header and values run together) → [("索引号", ""),
    ("发布机构", "某镇")]. A value may be empty; none may be long or hold a sentence mark.
    """
    text = line.strip(_DECOR)
    if not text.replace(" ", "").replace("\u3000", "").startswith(_LABELS):
        return None  # the first match must start the line, and it starts with a label
    matches = list(_label().finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    pairs: list[tuple[str, str]] = []
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        raw = text[match.end() : end]
        value = raw.strip(_DECOR + ":：")
        label = re.sub(r"[ \u3000]", "", match.group(0))
        if len(value) > _VALUE_MAX or _SENTENCE_MARKS().search(value):
            return None
        if match.group("generic") is not None:
            if not _DELIMITED().match(raw):
                return None
            if label in _DATE_LABELS and value and not is_date_only(value):
                return None
        pairs.append((label, value))
    return pairs


# --------------------------------------------------------------------------- lines in place


def _title_like(text: str) -> bool:
    return 8 <= len(text) <= 80 and not re.search(r"[。；;！!？?，,：:]", text)


# " - ", " _ ", "_" or " | " between a page title's parts (a title's own dash has no spaces:
# "（2021—2025年）").
_PAGE_TITLE_TAIL = re.compile(r"\s+[-–—|_]\s+|_|\s*\|\s*")


def _plain(text: str) -> str:
    return _PUNCT.sub("", text)


def _printed_again(lines: Sequence[str], mask: list[bool], index: int) -> bool:
    """Whether the title-like line ``index`` is printed again by the lines after it (alone, or
    split over up to three lines as a document prints a long title). A browser's page title
    ("某镇……报告 - 通知公告 - 某市政府门户网站") is compared by its first part: what follows the
    separators names the page's section and site."""
    wanted = _plain(_PAGE_TITLE_TAIL.split(lines[index], maxsplit=1)[0])
    following = [i for i in range(index + 1, min(len(lines), index + 16)) if not mask[i]]
    for start, first in enumerate(following[:8]):
        joined = ""
        for i in following[start : start + 3]:
            if not _title_like(lines[i].strip()):
                break
            joined += _plain(lines[i])
            if difflib.SequenceMatcher(None, wanted, joined, autojunk=False).ratio() >= 0.9:
                return True
            if len(joined) > len(wanted) * 1.2:
                break
        if not _title_like(lines[first].strip()):
            return False  # the report's text has begun
    return False


def furniture_mask(lines: Sequence[str]) -> list[bool]:
    """For each line of a text (in order), whether it is page furniture.

    Beyond :func:`is_furniture`: a date on a line of its own is furniture unless the report's
    text is over after it (then it is the 成文日期); a bullet list of short values that holds an
    index number, a date or a field is the index table printed without its labels; a title line
    that the lines after it print again is the page's copy of it (the document's own stays).
    """
    mask = [is_furniture(line) for line in lines]
    texts = [line.strip(" \t\u3000\u00a0\ufeff") for line in lines]
    sentences = [i for i, t in enumerate(texts) if not mask[i] and _SENTENCE_END.search(t)]
    # Where the report's sentences end: a date line after that is the sign-off.
    last_sentence = sentences[-1] if sentences else -1
    for index, text in enumerate(texts):
        if not mask[index] and len(text) <= _SHORT and is_date_only(text.strip(_DECOR)):
            mask[index] = index < last_sentence or _BULLET.match(text) is not None
    _bullet_runs(texts, mask)
    # A title printed twice stands at the top of the page, before the report's first sentence.
    head = min(sentences[0] if sentences else len(texts), _HEAD_LINES)
    for index in range(head):
        if not mask[index] and _title_like(texts[index]) and _printed_again(texts, mask, index):
            mask[index] = True
    _above_title(texts, mask, head)
    return mask


def furniture_by_block(lines_of: Sequence[Sequence[str]]) -> list[list[bool]]:
    """For the lines of each block (in order), which are page furniture: :func:`furniture_mask`
    over all the lines at once, since a line is read with its neighbours whatever block holds
    them (a title line printed again in the opening, a date after the report's last sentence)."""
    mask = iter(furniture_mask([line for lines in lines_of for line in lines]))
    return [[next(mask) for _ in lines] for lines in lines_of]


_REPORT_NAME = re.compile(r"报告|总结")
_TITLE_PART = re.compile(r"\d{4}|[〇○零一二][〇○零一二三四五六七八九]{3}|法治|法制|依法|关于")
_ORGAN_LINE = re.compile(r"(?:人民政府|政府|办事处|委员会|党委|党工委|乡|镇|街道|苏木)$")


def _above_title(texts: Sequence[str], mask: list[bool], head: int) -> None:
    """The lines a page prints above the report's title: its masthead ("左贡县人民政府"), the
    section ("政府信息公开"). The title is the first line before the report's text that names a
    report; a line above it is part of it only when it holds a year, 法治 or 关于 (a title in
    two lines), or names the issuing organ right above a title that opens with 关于 or a year
    ("某镇人民政府 / 关于2024年度……的报告", "某区某镇 / 2024年……报告") or the unit the title opens with
    ("中共某旗巴音苏木委员会 / 巴音苏木2024年……报告"; not "左贡县人民政府 / 碧土乡2024年……").
    """
    kept = [i for i in range(head) if not mask[i] and texts[i]]
    title = next((i for i in kept if _title_like(texts[i]) and _REPORT_NAME.search(texts[i])), None)
    if title is None:
        return
    above = [i for i in kept if i < title]
    # The name the title opens with ("巴音苏木2024年……": the issuer's line above names it too).
    name = re.split(r"关于|\d|[〇○零一二][〇○零一二三四五六七八九]|法治|法制", texts[title])[0]
    issuer = True
    for index in reversed(above):
        text = texts[index]
        if _TITLE_PART.search(text):
            issuer = False  # the title's own first line: what is above it is the page's
            continue
        names_it = not name or (len(name) >= 2 and name in text)
        if issuer and names_it and _ORGAN_LINE.search(text) and len(text) <= _SHORT:
            continue
        issuer = False
        mask[index] = True


def _bullet_runs(texts: Sequence[str], mask: list[bool]) -> None:
    """A run of two or more short bullet lines holding a furniture line is the index table."""
    index = 0
    while index < len(texts):
        end = index
        while (
            end < len(texts)
            and len(texts[end]) <= _SHORT
            and _BULLET.match(texts[end])
            and not _SENTENCE_MARKS().search(texts[end])
        ):
            end += 1
        if end - index >= 2 and any(mask[index:end]):
            mask[index:end] = [True] * (end - index)
        index = max(end, index + 1)


# --------------------------------------------------------------------------- what it says


def furniture_fields(lines: Sequence[str]) -> dict[str, str]:
    """Label → value of every field the page prints (the first value of a label wins; empty
    values are left out): {"发布机构": "某某镇人民政府", "成文日期": "2025-02-14", …}."""
    fields: dict[str, str] = {}
    for line in lines:
        for label, value in field_pairs(line) or ():
            if value and label not in fields:
                fields[label] = value
    return fields


def page_issuer(fields: Mapping[str, str]) -> str | None:
    """Who the page says published it (发布机构 and the like), its label stripped."""
    return next((fields[label] for label in ISSUER_LABELS if fields.get(label)), None)


def page_written_date(fields: Mapping[str, str]) -> str | None:
    """The 成文日期 the page gives, normalised ("2025年2月14日"), or None."""
    for label in WRITTEN_DATE_LABELS:
        parsed = parse_date(fields.get(label, ""))
        if parsed:
            return parsed
    return None
