"""Import: last year's report (.docx/.txt) → an answers file to start this year from.

The reader turns the file into blocks; this module turns blocks into answers:

* identity from :func:`drafter.identity.detect_identity`;
* top-level parts classified as the regulation's kinds (measures / problems / first-duty / plans /
  other) by keywords in their titles, then in their content; the outline follows their order;
* items and sub-items (（一） headings run in or on their own line, ``1. 小标题：`` paragraphs,
  一是…二是… runs) mapped into the measures of each topic, problems, duties, plans, rectification;
* every number with a unit word, with its sentence: numbers that match a catalogue figure are
  filled in (value and approximate mark), the rest go to ``unplaced_figures``.

Nothing is invented: each value keeps its source sentence (in the JSON report) and every imported
key is listed in ``to_confirm`` so the questionnaire asks the user before it counts.
The rules are general keyword rules, not the sample reports' sentences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from drafter.errors import DrafterError
from drafter.figures import FULLWIDTH, Figure
from drafter.identity import Identity, detect_identity
from drafter.mentions import (
    PART_WORDS,
    RATE_PAIRS,
    SENTENCE_END,
    ZERO_RULES,
    Token,
    all_facts,
    clause_span,
    find_tokens,
    for_matching,
    key_for,
    split_sentences,
)
from drafter.outline import Block
from drafter.questions import QUESTIONS

# --------------------------------------------------------------------------- text normalisation

_CJK = r"\u3400-\u9fff"
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def normalise_punctuation(text: str) -> str:
    """Half-width punctuation inside Chinese text → full-width, as GB/T 9704 drafts need.

    Only marks next to a Chinese character change, so "1,500" and "3.15" stay as they are.
    """

    def fix(match: re.Match[str]) -> str:
        return _HALF_TO_FULL[match.group(2)]

    text = re.sub(rf"(?<=[{_CJK}”’》）])(\s*)([,;:?!)])\s*", lambda m: fix(m), text)
    text = re.sub(rf"\s*(\()(?=[{_CJK}])", "（", text)
    text = re.sub(rf"(?<=[{_CJK}])\)", "）", text)
    # A full stop typed as "." after Chinese text (not a decimal point or a date like 3.15).
    text = re.sub(rf"(?<=[{_CJK}”’》）])\.(?!\d)", "。", text)
    return text


# --------------------------------------------------------------------------- parts and topics

KIND_MEASURES = "measures"
KIND_PROBLEMS = "problems"
KIND_FIRST_DUTY = "first-duty"
KIND_PLANS = "plans"
KIND_OTHER = "other"

_KIND_TITLE_RULES: tuple[tuple[str, str], ...] = (
    (KIND_OTHER, r"其他需要报告|其它需要报告|其他情况|其它情况"),
    (KIND_FIRST_DUTY, r"第一责任人|主要负责人|主要负责同志|主要领导|党政负责人|履职"),
    (KIND_PROBLEMS, r"不足|问题|短板|差距|困难|薄弱"),
    (KIND_PLANS, r"计划|打算|安排|下一步|下一年|来年|明年|思路|展望|努力方向|重点工作"),
    (
        KIND_MEASURES,
        r"举措|成效|开展情况|工作情况|主要做法|做法|成绩|进展|完成情况|推进情况|工作开展|主要工作|基本情况|总体情况",
    ),
)
_KIND_CONTENT_RULES: tuple[tuple[str, str], ...] = (
    (KIND_FIRST_DUTY, r"第一责任人|主要负责人"),
    (KIND_PROBLEMS, r"有待|不够|不足|欠缺|薄弱|滞后|不强|不高"),
    (KIND_PLANS, r"进一步|将|持续|继续|力争|计划"),
    (KIND_MEASURES, r"全年|共|开展|组织|成立|召开|制定"),
)

TOPICS = (
    "organisation",
    "study",
    "publicity",
    "decision",
    "enforcement",
    "review",
    "disputes",
    "petitions",
    "openness",
    "highlights",
    "first_duty",
)
# Keyword weights per topic; heading words count three times as much as body words.
_TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "organisation": ("组织领导", "领导小组", "领导机制", "领导体制", "工作机制", "责任", "考核", "工作方案", "工作计划", "议事日程", "制度体系", "政治站位", "高位推动"),
    "study": ("学法", "学习", "中心组", "述法", "考试", "讲座", "法治思维", "法治素养", "培训学习"),
    "publicity": ("普法", "宣传", "法治文化", "宣讲", "法律明白人", "八五", "法治意识", "咨询", "宣传教育"),
    "decision": ("决策", "法律顾问", "合法性审查", "三重一大", "集体讨论", "规范性文件", "民主集中制"),
    "enforcement": ("执法", "行政处罚", "三项制度", "执法证", "执法人员", "监督检查"),
    "review": ("行政复议", "行政诉讼", "应诉", "出庭"),
    "disputes": ("调解", "纠纷", "矛盾", "枫桥", "化解", "调处", "排查"),
    "petitions": ("信访", "来访", "来信", "接访", "积案", "12345", "热线", "诉求"),
    "openness": ("政务公开", "信息公开", "公开", "监督", "阳光", "村务"),
    "highlights": ("荣获", "荣誉", "称号", "特色", "边界", "草原", "林草", "通用语言", "民族团结", "生态"),
    "first_duty": ("第一责任人", "主要负责人", "党政主要负责", "主要负责同志"),
}  # fmt: skip


def classify_topic(heading: str, body: str = "", default: str = "organisation") -> str:
    """The measures topic of an item, by keywords in its heading (weighted) and text."""
    heading_m, body_m = for_matching(heading), for_matching(body)
    scores: dict[str, float] = {}
    for topic, words in _TOPIC_WORDS.items():
        score = 0.0
        for word in words:
            score += 3 * heading_m.count(word) + min(body_m.count(word), 3) * 0.5
        scores[topic] = score
    # 第一责任人 only when the item is about it (its heading), not when a body mentions it.
    if "第一责任人" not in heading_m and "主要负责" not in heading_m:
        scores["first_duty"] = min(scores["first_duty"], 1.0)
    best = max(scores.items(), key=lambda kv: kv[1])
    return best[0] if best[1] > 0 else default


def classify_part(title: str, text: str = "") -> str:
    """One of the regulation's kinds for a top-level part: by its title, else by its content."""
    title_m = for_matching(title)
    for kind, pattern in _KIND_TITLE_RULES:
        if re.search(pattern, title_m):
            return kind
    text_m = for_matching(text)
    counts = {kind: len(re.findall(pattern, text_m)) for kind, pattern in _KIND_CONTENT_RULES}
    best = max(counts.items(), key=lambda kv: kv[1])
    return best[0] if best[1] >= 2 else KIND_OTHER


# --------------------------------------------------------------------------- structure


@dataclass
class Item:
    """A numbered item (（一）, 1., 一是) or an unnumbered paragraph, with its sub-items."""

    heading: str = ""
    texts: list[str] = field(default_factory=list)
    subs: list[Item] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.texts)


@dataclass
class Part:
    title: str
    kind: str
    blocks: list[Block]
    items: list[Item] = field(default_factory=list)


_ORDINAL_RUN = re.compile(r"(?:(?<=^)|(?<=[。；;！？：:，]))\s*([一二三四五六七八九十]{1,3})是")
_HEADING_SENTENCE_MAX = 24
"""A run's first sentence up to this length (and the run goes on) is its heading."""


def split_runs(text: str) -> tuple[str, list[str]]:
    """Split "lead：一是……二是……" into the lead and the runs (without 一是), in order.

    Only a sequence starting at 一是 and counting up is a run; a lone "二是" inside a sentence is
    text.
    """
    text_m = for_matching(text)
    expected = 1
    cuts: list[tuple[int, int]] = []
    for match in _ORDINAL_RUN.finditer(text_m):
        value = _cn_value(match.group(1))
        if value == expected:
            cuts.append((match.start(1), match.end()))
            expected += 1
    if len(cuts) < 2 and not (len(cuts) == 1 and cuts[0][0] == 0):
        return text, []
    lead = text[: cuts[0][0]].strip()
    runs = []
    for index, (_, end) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        runs.append(text[end:stop].strip())
    return lead, runs


def _cn_value(numeral: str) -> int:
    digits = "一二三四五六七八九"
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + digits.index(numeral[1]) + 1
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (digits.index(tens) + 1) * 10 + (digits.index(ones) + 1 if ones else 0)
    return digits.index(numeral) + 1 if numeral in digits else 0


def run_item(run: str) -> Item:
    """An 一是 run: a short first sentence is its heading, the rest its text."""
    run = run.strip().rstrip("；;")
    sentences = split_sentences(run)
    if len(sentences) >= 2:
        first = sentences[0]
        if len(first.rstrip("。！？!?")) <= _HEADING_SENTENCE_MAX:
            return Item(heading=_clean_heading(first), texts=["".join(sentences[1:])])
    return Item(texts=[_end_sentence(run)])


def _clean_heading(text: str) -> str:
    return text.strip().rstrip("。；;：:，,！!？? ").strip()


def _end_sentence(text: str) -> str:
    text = text.strip().rstrip("；;，,、")
    if text and text.rstrip("”’）)")[-1:] not in ("。", "！", "？"):
        text += "。"
    return text


def body_item(text: str) -> Item:
    """A paragraph without a number: a short lead sentence (no comma) is a heading.

    This is how a single measure is written under a run-in （一） heading ("X。正文…"): the
    lead is short and has no comma; a sentence with commas is body text.
    """
    sentences = split_sentences(text)
    if len(sentences) >= 2:
        first = sentences[0].rstrip("。！？!?")
        if len(first) <= 20 and "，" not in first and "," not in first:
            return Item(heading=_clean_heading(first), texts=["".join(sentences[1:])])
    return Item(texts=[text])


def build_items(blocks: Sequence[Block]) -> list[Item]:
    """Blocks of one part → items (level-2 headings or paragraphs) with sub-items."""
    items: list[Item] = []
    current: Item | None = None
    current_level = 0
    for block in blocks:
        if block.kind == "table":
            text = "；".join("，".join(cell for cell in row if cell) for row in block.rows)
            if current is None:
                items.append(Item())
            (current.texts if current else items[-1].texts).append(text)
            continue
        if (
            block.kind == "heading"
            and block.level >= 2
            and (current is None or block.level <= current_level or current_level == 0)
        ):
            current = Item(heading=_clean_heading(block.text))
            current_level = block.level
            if block.body:
                current.texts.append(block.body.strip())
            items.append(current)
            continue
        if block.kind == "heading" and current is not None and block.level > current_level:
            sub = Item(heading=_clean_heading(block.text))
            if block.body:
                sub.texts.append(block.body.strip())
            current.subs.append(sub)
            continue
        text = block.full_text.strip()
        if not text:
            continue
        if current is not None and current.subs:
            current.subs[-1].texts.append(text)
        elif current is not None:
            current.texts.append(text)
        else:
            items.append(Item(texts=[text]))
    return items


def expand_runs(item: Item) -> Item:
    """Turn 一是…二是… runs inside an item's text into sub-items (the lead stays as text)."""
    if item.subs:
        return item
    lead, runs = split_runs(item.text)
    if not runs:
        return item
    return Item(
        heading=item.heading, texts=[lead] if lead else [], subs=[run_item(r) for r in runs]
    )


# --------------------------------------------------------------------------- the importer


@dataclass
class Placed:
    key: str
    figure: Figure
    source: str


@dataclass
class ImportResult:
    """What an import produced: answers data (with to_confirm/unplaced_figures) and the report."""

    data: dict[str, Any]
    identity: Identity
    parts: list[Part]
    placed: list[Placed]
    unplaced: list[dict[str, Any]]

    def report(self) -> dict[str, Any]:
        """The JSON report of design.md (fixed contract)."""
        ident = self.data.get("identity", {})
        return {
            "identity": {
                "unit_name": ident.get("unit_name"),
                "unit_type": ident.get("unit_type"),
                "county": ident.get("county"),
                "year": ident.get("year"),
            },
            "parts": [{"title": p.title, "kind": p.kind} for p in self.parts],
            "figures": [
                {
                    "key": p.key,
                    "label": QUESTIONS[p.key].label,
                    "value": p.figure.value,
                    "approx": p.figure.approx,
                    "source": p.source,
                }
                for p in self.placed
            ],
        }


_CLOSING = re.compile(r"取得了?一定(?:的)?成效|今后的?工作中|我们将|再上新台阶|在新的一年|下一步，")
_REPORT_FORMULA = re.compile(r"现将[^。]*?(?:报告|汇报)如下[：:。]?")
_LEADERSHIP = re.compile(r"在[^，。；]{1,30}?(?:坚强|正确|有力|关心)?(?:领导|指导)下")
_GUIDING = re.compile(r"习近平|为指导|全会|二十大|十九大|新时代中国特色")
_SUMMARY = re.compile(r"(?:提供|奠定)[^，。]*保障|取得[^，。]*成效|保驾护航")
_HONOUR = re.compile(r"荣获|获得[^，。]*?(?:称号|奖|表彰|荣誉)|被评为|授予[^，。]*?称号|获评")
_LEAD_ONLY = 8
"""What is left of a figure sentence when every figure in it was placed ("全年", "截至目前")."""


class _Importer:
    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = [self._normalised(b) for b in blocks]
        self.identity = detect_identity(self.blocks)
        self.data: dict[str, dict[str, Any]] = {}
        self.placed: list[Placed] = []
        self.unplaced: list[dict[str, Any]] = []
        self.figures: dict[str, Figure] = {}
        self.honours: list[str] = []
        self.seen: set[str] = set()

    @staticmethod
    def _normalised(block: Block) -> Block:
        if block.kind == "table":
            rows = [[normalise_punctuation(c) for c in row] for row in block.rows]
            return Block("table", normalise_punctuation(block.text), rows=rows)
        return Block(
            block.kind,
            normalise_punctuation(block.text),
            level=block.level,
            number=block.number,
            body=normalise_punctuation(block.body.strip(" \u3000\u00a0")),
        )

    # ----------------------------------------------------------------- helpers

    def set(self, key: str, value: Any) -> None:
        if value in (None, "", []):
            return
        section, name = key.split(".", 1)
        self.data.setdefault(section, {})[name] = value

    def get(self, key: str) -> Any:
        section, name = key.split(".", 1)
        return self.data.get(section, {}).get(name)

    def add_items(self, key: str, items: Iterable[Item]) -> None:
        section, name = key.split(".", 1)
        target = self.data.setdefault(section, {}).setdefault(name, [])
        for item in items:
            text = item.text.strip()
            if item.heading or text:
                target.append({"heading": item.heading, "text": text})

    # ----------------------------------------------------------------- run

    def run(self) -> ImportResult:
        self._identity()
        opening, parts, tail = self._split_parts()
        self._opening(opening)
        for part in parts:
            self._part(part)
        closing = self._closing(parts, tail)
        if closing:
            self.set("closing.text", closing)
        kinds = [p.kind for p in parts]
        self.set("identity.outline", choose_outline(kinds))
        if self.honours:
            self.set("highlights.honours", list(dict.fromkeys(self.honours)))
        self._check_consistency()
        for key, figure in self.figures.items():
            self.set(key, figure.to_yaml())
        data: dict[str, Any] = dict(self.data)
        data["to_confirm"] = [
            f"{section}.{name}"
            for section, values in self.data.items()
            for name, value in values.items()
            if value not in (None, "", [])
        ]
        data["unplaced_figures"] = self.unplaced
        return ImportResult(data, self.identity, parts, self.placed, self.unplaced)

    def _identity(self) -> None:
        ident = self.identity
        self.set("identity.unit_name", ident.unit_name)
        self.set("identity.unit_type", ident.unit_type)
        self.set("identity.county", ident.county)
        self.set("identity.year", ident.year)
        title = next((b.text for b in self.blocks if b.kind == "title"), "")
        if ident.county:
            self.set("identity.county_in_title", ident.county in for_matching(title))
        addressee = next((b.text for b in self.blocks if b.kind == "addressee"), "")
        self.set("identity.addressee", addressee)
        self.set("identity.signers", [b.text for b in self.blocks if b.kind == "signature"])
        date = next((b.text for b in self.blocks if b.kind == "date"), "")
        match = re.match(
            r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", date.translate(FULLWIDTH)
        )
        if match:
            self.set("identity.date", "{}年{}月{}日".format(*(int(g) for g in match.groups())))

    def _split_parts(self) -> tuple[list[Block], list[Part], list[Block]]:
        body = [b for b in self.blocks if b.kind in ("paragraph", "heading", "table")]
        level = 1 if any(b.kind == "heading" and b.level == 1 for b in body) else 0
        if level == 0:
            # No 一、 parts: a report using （一） at the top, or a truncated text. Promote the
            # level-2 headings whose titles name a part kind; otherwise the body is one part.
            promoted = [
                b
                for b in body
                if b.kind == "heading" and classify_part(b.text) != KIND_OTHER and b.level == 2
            ]
            if promoted:
                for block in promoted:
                    block.level = 1
                level = 1
        opening: list[Block] = []
        parts: list[Part] = []
        for block in body:
            if block.kind == "heading" and block.level == 1:
                title = (block.text + block.body) if not block.body else block.text
                parts.append(Part(_clean_heading(title), "", []))
                if block.body:
                    parts[-1].blocks.append(Block("paragraph", block.body))
            elif parts:
                parts[-1].blocks.append(block)
            else:
                opening.append(block)
        if not parts and len(opening) > 1:
            parts.append(Part("", "", opening[1:]))
            opening = opening[:1]
        for part in parts:
            text = "".join(b.full_text for b in part.blocks)
            part.kind = classify_part(part.title, text)
        tail: list[Block] = []
        if parts:
            last = parts[-1]
            while last.blocks and self._is_closing(last.blocks[-1], last):
                tail.insert(0, last.blocks.pop())
        return opening, parts, tail

    @staticmethod
    def _is_closing(block: Block, part: Part) -> bool:
        if block.kind != "paragraph":
            return False
        text = for_matching(block.text)
        if not _CLOSING.search(text):
            return False
        # Inside a part whose items are own-line headings, a paragraph is an item's body unless
        # it reads as the report's conclusion (a year or 我们将 near its start).
        return bool(
            re.match(r"^(?:\d{4}\s*年|总之|综上|今后|在今后|下一步|我们将|新的一年)", text)
        ) or ("取得" in text and "成效" in text)

    # ----------------------------------------------------------------- opening and closing

    def _opening(self, blocks: list[Block]) -> None:
        paragraphs = [b.full_text for b in blocks if b.kind == "paragraph"]
        if not paragraphs:
            return
        text = paragraphs[0]
        self._collect_figures(text, fill=True)
        text = _REPORT_FORMULA.sub("", text).strip()
        unit = self.identity.unit_name or ""
        # The template writes "{year}年，{unit}{leadership}，…": drop what it writes itself.
        clauses = [c.strip() for c in re.split(r"[，,]", text.rstrip("。；; ")) if c.strip()]
        leadership = guiding = goal = summary = None
        rest: list[str] = []
        guiding_parts: list[str] = []
        for clause in clauses:
            plain = re.sub(r"^\d{4}\s*年度?", "", clause).strip()
            county = self.identity.county or ""
            for name in (county + unit, unit, "我" + (self.identity.unit_type or "乡")):
                if name and plain.startswith(name):
                    plain = plain[len(name) :]
            plain = re.sub(r"^(?:人民政府|党委|政府)", "", plain).strip()
            if not plain:
                continue
            lead = _LEADERSHIP.search(plain)
            if lead and leadership is None:
                leadership = lead.group(0)
                plain = (plain[: lead.start()] + plain[lead.end() :]).strip()
                if not plain:
                    continue
            if _HONOUR.search(plain):
                self.honours.extend(
                    _end_sentence(h) for h in re.split(r"、(?=[^、]*(?:荣获|获得))", plain)
                )
                continue
            if _GUIDING.search(plain):
                guiding_parts.append(plain)
                continue
            if _SUMMARY.search(plain):
                summary = plain
                continue
            rest.append(plain)
        if guiding_parts:
            guiding = "，".join(guiding_parts)
            guiding = re.sub(r"^(?:始终|一直)?坚持(?=以)", "", guiding)
        if rest:
            goal = "，".join(rest)
        self.set("opening.leadership", leadership)
        self.set("opening.guiding", guiding)
        self.set("opening.goal", goal)
        self.set("opening.summary", summary)

    def _closing(self, parts: list[Part], tail: list[Block]) -> str | None:
        if not tail:
            return None
        text = "".join(b.full_text for b in tail)
        for sentence in split_sentences(text):
            self._collect_figures(sentence, fill=False)
        # The template writes "{year}年，{unit}在法治政府建设方面取得了一定成效，但还存在一些问题和
        # 不足。{next_year}年，" itself; keep what follows.
        sentences = split_sentences(text)
        while sentences and re.search(r"取得了?一定(?:的)?成效|存在[^。]*不足", sentences[0]):
            sentences.pop(0)
        rest = "".join(sentences)
        rest = re.sub(r"^\d{4}\s*年，?", "", rest).strip()
        return rest or None

    # ----------------------------------------------------------------- parts

    def _part(self, part: Part) -> None:
        # 一是…二是… runs become items of their own in measures (each is topic-classified) and
        # in unheaded paragraphs; under a heading elsewhere the paragraph is kept verbatim.
        items = [
            expand_runs(i) if part.kind == KIND_MEASURES or not i.heading else i
            for i in build_items(part.blocks)
        ]
        part.items = items
        if part.kind == KIND_MEASURES:
            self._measures(items)
        elif part.kind == KIND_FIRST_DUTY:
            self._first_duty(items)
        elif part.kind == KIND_PROBLEMS:
            self._problems(items)
        elif part.kind == KIND_PLANS:
            self._plain_items("plans.items", items)
        else:
            text = "\n".join(
                "".join(filter(None, [i.heading and i.heading + "。", i.text])) for i in items
            )
            for sentence in split_sentences(text):
                self._collect_figures(sentence, fill=False)
            existing = self.get("other.text")
            self.set("other.text", f"{existing}\n{text}" if existing else text)

    def _measures(self, items: list[Item]) -> None:
        for item in items:
            topic = classify_topic(item.heading, item.text + "".join(s.text for s in item.subs))
            title_key = f"{topic}.title" if topic != "highlights" else "highlights.title"
            has_title = item.heading and not self.get(title_key)
            if has_title:
                self.set(title_key, item.heading)
            subs = item.subs
            lead = item.text
            if not subs:
                measure = body_item(lead)
                if not has_title and item.heading:
                    measure = Item(heading=item.heading, texts=[lead])
                self._add_measure(topic, measure)
                continue
            if lead.strip():
                self._add_measure(topic, Item(texts=[lead]))
            for sub in subs:
                sub_topic = classify_topic(sub.heading, sub.text, default=topic)
                if sub_topic != topic and not self._clearly(sub_topic, sub):
                    sub_topic = topic
                self._add_measure(sub_topic, sub)

    @staticmethod
    def _clearly(topic: str, item: Item) -> bool:
        """A sub-item leaves its parent's topic only when its own heading (or text) says so."""
        heading = for_matching(item.heading)
        return any(word in heading for word in _TOPIC_WORDS[topic]) or not item.heading

    def _dedupe(self, text: str) -> str:
        """Drop a sentence already imported word for word (a copy-paste slip of the original)."""
        kept = []
        for sentence in split_sentences(text):
            if len(sentence) >= 10 and sentence in self.seen:
                continue
            self.seen.add(sentence)
            kept.append(sentence)
        return "".join(kept)

    def _add_measure(self, topic: str, item: Item) -> None:
        text = self._strip_placed(item.text, fill=True)
        text = self._dedupe(self._take_honours(text))
        if not (item.heading or text):
            return
        key = {
            "highlights": "highlights.specialities",
            "first_duty": "first_duty.duties",
        }.get(topic, f"{topic}.measures")
        self.add_items(key, [Item(heading=item.heading, texts=[text])])

    def _first_duty(self, items: list[Item]) -> None:
        flat: list[Item] = []
        for item in items:
            if item.subs:
                if item.text.strip():
                    flat.append(Item(heading=item.heading, texts=[item.text]))
                    flat.extend(item.subs)
                elif item.heading:
                    joined = "\n".join(_sub_paragraph(s) for s in item.subs)
                    flat.append(Item(heading=item.heading, texts=[joined]))
                else:
                    flat.extend(item.subs)
            else:
                flat.append(item)
        for item in flat:
            text = self._strip_placed(item.text, fill=True)
            if not item.heading:
                # The part's lead ("党委书记、乡长认真履行…第一责任人职责…") is what the
                # template writes itself; any other unheaded paragraph is kept.
                sentences = [
                    s
                    for s in split_sentences(text)
                    if not re.search(r"认真履行[^。]*第一责任人职责|把法治政府建设摆在", s)
                ]
                text = "".join(sentences)
            text = self._dedupe(self._take_honours(text))
            if item.heading or text:
                self.add_items("first_duty.duties", [Item(heading=item.heading, texts=[text])])

    def _problems(self, items: list[Item]) -> None:
        target = "problems.items"
        for item in _split_at_rectification(items):
            marker = for_matching(item.heading + item.text[:40])
            if re.search(r"整改", marker) and (target == "problems.items"):
                target = "rectification.items"
                if not item.heading and item.text.rstrip().endswith(("：", ":")):
                    continue  # "针对上述问题…整改情况如下：" — the template writes its own lead
            if item.heading and re.search(r"原因", for_matching(item.heading)) and not item.subs:
                text = item.text
                self.set("problems.causes", text)
                continue
            self._plain_items(target, [item])

    def _plain_items(self, key: str, items: list[Item]) -> None:
        out: list[Item] = []
        for item in items:
            for sentence in split_sentences(item.text + "".join(s.text for s in item.subs)):
                self._collect_figures(sentence, fill=False)
            if item.subs:
                lead = item.text.strip()
                if item.heading:
                    paragraphs = [lead] if lead and not lead.endswith(("：", ":")) else []
                    paragraphs += [_sub_paragraph(s) for s in item.subs]
                    out.append(Item(heading=item.heading, texts=["\n".join(paragraphs)]))
                else:
                    if lead and not lead.endswith(("：", ":")):
                        out.append(Item(texts=[lead]))
                    out.extend(item.subs)
            elif item.heading:
                out.append(Item(heading=item.heading, texts=[item.text]))
            elif item.text.strip():
                out.append(Item(texts=[item.text]))
        self.add_items(key, out)

    def _take_honours(self, text: str) -> str:
        """Move honour sentences to highlights.honours (the template writes them once there)."""
        kept = []
        for sentence in split_sentences(text):
            if _HONOUR.search(for_matching(sentence)) and len(sentence) <= 80:
                self.honours.append(sentence)
            else:
                kept.append(sentence)
        return "".join(kept)

    # ----------------------------------------------------------------- figures

    def _collect_figures(self, sentence: str, *, fill: bool) -> list[Token]:
        """Find a sentence's figures; fill catalogue keys when ``fill``, else list them unplaced."""
        matching = for_matching(sentence)
        tokens = find_tokens(matching)
        sentence_placed: dict[str, Token] = {}
        for token in tokens:
            if token.rate:
                continue
            key = key_for(matching, token, sentence_placed) if fill else None
            if key is not None:
                figure = Figure(token.value, token.approx)
                if key in self.figures and self.figures[key] != figure:
                    key = None
                else:
                    if key not in self.figures:
                        self.figures[key] = figure
                        self.placed.append(Placed(key, figure, sentence))
                    token.key, token.used = key, True
                    sentence_placed[key] = token
            if key is None:
                self._unplace(token, sentence)
        for token in tokens:
            if token.rate:
                self._rate(matching, sentence, token, sentence_placed, fill=fill)
        if fill:
            for key, pattern in ZERO_RULES:
                if key not in self.figures and re.search(pattern, matching):
                    self.figures[key] = Figure(0)
                    self.placed.append(Placed(key, Figure(0), sentence))
            for fact in all_facts(sentence):  # "调解矛盾纠纷5件，全部调解成功"
                whole = self.figures.get(fact.whole)
                if fact.key not in self.figures and whole == Figure(fact.value, fact.approx):
                    self.figures[fact.key] = whole
                    self.placed.append(Placed(fact.key, whole, sentence))
        return tokens

    def _rate(
        self,
        matching: str,
        sentence: str,
        token: Token,
        placed: dict[str, Token],
        *,
        fill: bool,
    ) -> None:
        """A stated rate sets the part count when it follows from the whole exactly (5件, 100%)."""
        start, _ = clause_span(matching, token.start)
        if "率" not in matching[start : token.start]:
            return  # 满意度达100%, 覆盖率 without counts: not a figure of the catalogue
        token.dangling = True
        wholes = [k for k in placed if k in RATE_PAIRS and placed[k].start < token.start]
        if not fill or not wholes:
            self._unplace(token, sentence)
            return
        whole_key = max(wholes, key=lambda k: placed[k].start)
        part_key = RATE_PAIRS[whole_key]
        whole = self.figures.get(whole_key)
        if whole is None or whole.approx:
            self._unplace(token, sentence)
            return
        part = whole.value * token.value / 100
        if abs(part - round(part)) > 1e-9 or part_key in self.figures:
            existing = self.figures.get(part_key)
            if existing is None or existing.value != round(part):
                self._unplace(token, sentence)
                return
        else:
            figure = Figure(round(part))
            self.figures[part_key] = figure
            self.placed.append(Placed(part_key, figure, sentence))
        token.used = True

    def _unplace(self, token: Token, sentence: str) -> None:
        self.unplaced.append(
            {
                "value": token.value,
                "unit": token.unit,
                "approx": token.approx,
                "sentence": sentence,
            }
        )

    def _strip_placed(self, text: str, *, fill: bool) -> str:
        """Collect a measure text's figures and drop the clauses whose figures were placed.

        The template writes every placed figure in its own sentence ("全年共开展普法宣传活动20场次，
        …"), so keeping the original clause as well would state the figure twice in the draft.
        Clauses with figures that stayed unplaced are kept verbatim (the user places them), and a
        sentence left with only its frame ("全年", "截至目前") is dropped.
        """
        out: list[str] = []
        for paragraph in text.split("\n"):
            kept_sentences: list[str] = []
            for sentence in split_sentences(paragraph):
                tokens = self._collect_figures(sentence, fill=fill)
                tokens += self._zero_facts(sentence)
                used = [t for t in tokens if t.used]
                if not used:
                    kept_sentences.append(sentence)
                    continue
                kept_sentences.append(_drop_used(sentence, tokens))
            out.append("".join(s for s in kept_sentences if s))
        return "\n".join(p for p in out if p)

    def _zero_facts(self, sentence: str) -> list[Token]:
        """ "无行政复议案件" placed as a zero: a used token, so its clause is dropped like any
        placed figure (the template states the zero itself)."""
        matching = for_matching(sentence)
        facts = []
        for key, pattern in ZERO_RULES:
            hit = re.search(pattern, matching)
            if hit and self.figures.get(key) == Figure(0):
                facts.append(Token(0, False, "", hit.start(), hit.end(), key=key, used=True))
        for fact in all_facts(sentence):
            if self.figures.get(fact.key) == Figure(fact.value, fact.approx):
                facts.append(
                    Token(
                        fact.value, fact.approx, "", fact.start, fact.end, key=fact.key, used=True
                    )
                )
        return facts

    def _check_consistency(self) -> None:
        """A part larger than its whole cannot both be right: the part goes back unplaced."""
        for part, (whole, _, _) in PART_WORDS.items():
            p, w = self.figures.get(part), self.figures.get(whole)
            if p is not None and w is not None and p.value > w.value:
                del self.figures[part]
                placed = next(x for x in self.placed if x.key == part)
                self.placed.remove(placed)
                self.unplaced.append(
                    {
                        "value": p.value,
                        "unit": QUESTIONS[part].unit,
                        "approx": p.approx,
                        "sentence": placed.source,
                    }
                )


def _split_at_rectification(items: list[Item]) -> list[Item]:
    """An own-line heading's paragraphs run on until the next heading; a paragraph that starts
    the rectification ("针对上述问题……整改情况如下：") begins items of its own."""
    out: list[Item] = []
    for item in items:
        cut = next(
            (
                i
                for i, text in enumerate(item.texts)
                if i > 0 and re.search(r"整改", for_matching(text[:60]))
            ),
            None,
        )
        if cut is None or item.subs:
            out.append(item)
            continue
        out.append(Item(heading=item.heading, texts=item.texts[:cut]))
        out.extend(Item(texts=[text]) for text in item.texts[cut:])
    return out


def _sub_paragraph(item: Item) -> str:
    text = item.text.strip()
    if item.heading:
        return f"{item.heading}：{text}" if text else _end_sentence(item.heading)
    return text


def _drop_used(sentence: str, tokens: list[Token]) -> str:
    """The sentence without the clauses (or 、-parts) whose figures were all placed."""
    end_mark = sentence[-1] if sentence[-1] in SENTENCE_END else ""
    body = sentence[:-1] if end_mark else sentence
    pieces = re.split(r"([，,；;])", body)
    clauses = pieces[0::2]
    seps = [*pieces[1::2], ""]
    offset = 0
    kept: list[tuple[str, str]] = []
    # A rate whose counts were placed goes with them: the draft computes it from the counts, and
    # a stated rate that did not follow from them exactly is in unplaced_figures.
    any_used = any(t.used and not t.rate for t in tokens)
    for clause, sep in zip(clauses, seps, strict=True):
        start, end = offset, offset + len(clause)
        offset = end + len(sep)
        inside = [t for t in tokens if start <= t.start < end]
        if not inside:
            kept.append((clause, sep))
            continue
        if all(t.used or (t.dangling and any_used) for t in inside):
            continue
        # Mixed: drop only the 、-parts whose figures were placed.
        sub_pieces = re.split(r"(、)", clause)
        sub_offset = start
        parts = []
        for piece in sub_pieces[0::2]:
            p_start, p_end = sub_offset, sub_offset + len(piece)
            sub_offset = p_end + 1
            inner = [t for t in inside if p_start <= t.start < p_end]
            if inner and all(t.used or (t.dangling and any_used) for t in inner):
                continue
            parts.append(piece)
        kept.append(("、".join(parts), sep))
    text = "".join(c + s for c, s in kept).strip("，,；;、 ")
    if len(re.sub(r"[^\u3400-\u9fff0-9A-Za-z]", "", text)) <= _LEAD_ONLY and all(
        t.used or (t.dangling and any_used) for t in tokens
    ):
        return ""
    return text + (end_mark or "。") if text else ""


def choose_outline(kinds: Sequence[str]) -> str:
    """The outline that fits the parts' order: first-duty first, regulation order, or three parts."""
    if KIND_FIRST_DUTY not in kinds:
        return "three-part"
    if KIND_MEASURES in kinds and kinds.index(KIND_FIRST_DUTY) < kinds.index(KIND_MEASURES):
        return "first-duty"
    return "regulation"


# --------------------------------------------------------------------------- public API


def import_blocks(blocks: Sequence[Block]) -> ImportResult:
    """Blocks of a report → answers data, the JSON report and what could not be placed."""
    result = _Importer(blocks).run()
    _validate(result.data)
    return result


def import_path(path: Path) -> ImportResult:
    """Read a .docx/.txt report and import it (DrafterError for unusable files)."""
    from drafter.reader import read_blocks

    blocks = read_blocks(Path(path))
    result = import_blocks(blocks)
    identity = result.identity
    if not result.parts and not (identity.unit_name or identity.year):
        raise DrafterError(
            "这个文件看起来不是法治政府建设情况报告：没有找到“一、”“二、”等部分，也没有开头段。",
            path=path,
            hint="请确认选对了文件；导入需要去年的报告正文（.docx 或 .txt）。",
        )
    return result


def import_file(path: Path) -> dict[str, Any]:
    """Plain answers data (incl. ``to_confirm`` and ``unplaced_figures``) from a report file."""
    return import_path(path).data


def _validate(data: dict[str, Any]) -> None:
    """Imported data must load like any answers file; an invalid value is an importer bug."""
    from drafter.model import validate_answers

    validate_answers(data, source="导入结果")


def run_import_command(
    file: Path, output: Path, *, report: str | None, force: bool, out: TextIO
) -> int:
    """``drafter import FILE -o OUT.yaml [--report json] [--force]``."""
    from drafter.answers import save_answers

    output = Path(output)
    if output.exists() and not force:
        raise DrafterError(
            "答卷文件已存在，为避免覆盖已填写的内容，没有导入。",
            path=output,
            hint="换一个文件名（-o 新文件.yaml），或确认要覆盖时加 --force。",
        )
    if output.is_dir():
        raise DrafterError(
            "输出路径是一个文件夹。", path=output, hint="请用 -o 指定 .yaml 文件名。"
        )
    result = import_path(Path(file))
    save_answers(output, result.data)
    if report == "json":
        json.dump(result.report(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    ident = result.identity
    print(f"已导入：{file}", file=out)
    print(
        f"单位：{ident.county or ''}{ident.unit_name or '（未识别）'}，"
        f"年度：{ident.year or '（未识别）'}",
        file=out,
    )
    for note in ident.disagreements:
        print(f"注意：{note}", file=out)
    print(
        "各部分：" + "；".join(f"{p.title}（{_KIND_NAMES[p.kind]}）" for p in result.parts),
        file=out,
    )
    print(
        f"已填入数字 {len(result.placed)} 个，待人工放置的数字 {len(result.unplaced)} 个。",
        file=out,
    )
    print(f"答卷已写入：{output}", file=out)
    print("导入的答案都需要确认：请用 drafter edit 逐项确认后再生成报告。", file=out)
    return 0


_KIND_NAMES = {
    KIND_MEASURES: "主要举措和成效",
    KIND_PROBLEMS: "存在的不足",
    KIND_FIRST_DUTY: "第一责任人履职",
    KIND_PLANS: "下一年度安排",
    KIND_OTHER: "其他",
}
