"""The sample reports through drafter itself: import → build → drafter's own checks (issue 12).

For each of the five real sample reports (and the unseen-style import fixtures) the test imports
it with ``drafter import``, builds the draft, reads the .docx back and runs drafter's checks: on
the original, on the answers and on the draft. Everything is derived from those findings and
texts, nothing from hand-picked strings:

* **no seam**: every finding on the draft (and its answers) is one the original already has
  (a defect copied with the report's words), or the visible placeholder of a required part the
  original's own check says is missing, or the blank date of a report that had none;
* **every copied defect is still flagged**: each finding of a text rule on the original's body
  (全镇 in a 乡's report, 《信访条例》, 衍接, 3.15, a repeated sentence, 1项，均 …) is reported
  again, in the same sentence, against the draft or the answer it now sits in;
* **no invented sentence**: every sentence of the draft's body after the opening formula is the
  original's, its words in order (clauses may be joined, ordinals and punctuation changed);
* **dated**: the draft ends with a 成文日期 line, the original's date or the visible blank one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from drafter.answers.load import load_answers
from drafter.blocks import Block
from drafter.build import BuildResult, build_report
from drafter.checks import Finding, run_checks
from drafter.checks.answers import TEXT_RULES
from drafter.cli import main
from drafter.importer.segment import normalise_punctuation
from drafter.questions import QUESTIONS
from drafter.reader import read_blocks
from drafter.render.phrasing import PLACEHOLDER, same_words
from drafter.text.numbers import split_sentences
from tests.import_fidelity import plain

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("0*.txt"))
FIXTURE_DIR = ROOT / "tests" / "fixtures"
# Reports in wordings the seeds do not use (a county-level report is refused by import: not here).
FIXTURES = [
    p
    for pattern in ("import_*.txt", "check_*.txt", "unseen/*.txt")
    for p in sorted(FIXTURE_DIR.glob(pattern))
    if "county" not in p.stem
]
REPORTS = {p.name[:3] if p.parent.name == "seeds" else p.stem: p for p in SEEDS + FIXTURES}

CONTENT_RULES = frozenset(TEXT_RULES) | {
    "duplicate-sentence",
    "fragment",
    "figure-impossible",
    "figure-conflict",
    "figure-repeat",
}
"""Rules about the words and figures of sentences (which an import copies), not about the
document's structure (numbering, parts, headings, date), which the templates make anew."""


@dataclass
class Run:
    """One report through import and build."""

    original: list[Block]
    original_findings: list[Finding]
    answers: Any
    build: BuildResult
    draft: list[Block]
    """The draft as read back from the .docx."""

    @property
    def found(self) -> Iterator[tuple[str, Finding]]:
        """Every finding of the build: (the text it is in, the finding)."""
        for a in self.build.answer_findings:
            for text in answer_texts(self.answers, a.key):
                yield text, a.finding
        for f in self.build.findings:
            text = self.build.blocks[f.paragraph].full_text if f.paragraph >= 0 else ""
            yield text, f


def answer_texts(answers: Any, key: str) -> list[str]:
    """The texts of one answer (each item's heading and text), to locate a finding in."""
    if key not in QUESTIONS:
        return [""]  # not a question (unplaced_items)
    value = answers.get(key)
    if isinstance(value, list):
        return [
            getattr(i, "heading", "") + "。" + getattr(i, "text", str(i))
            for v in value
            for _, i in (v.walk() if hasattr(v, "walk") else [("", v)])
        ]
    return [str(value or "")]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    out: dict[str, Run] = {}
    folder = tmp_path_factory.mktemp("seed_drafts")
    for name, path in REPORTS.items():
        answers_path = folder / f"{name}.yaml"
        assert main(["import", str(path), "-o", str(answers_path)]) == 0, name
        answers, _ = load_answers(answers_path)
        build = build_report(answers_path, folder / f"{name}.docx")
        original = read_blocks(path)
        out[name] = Run(original, run_checks(original), answers, build, read_blocks(build.docx))
    return out


def _ids() -> list[str]:
    return list(REPORTS)


# --------------------------------------------------------------------------- no seam


def same_place(a: str, b: str) -> bool:
    """Two excerpts of one defect: the same words, or one within the other (a rule on the answers
    quotes the whole sentence where the rule on a report quotes the clause)."""
    x, y = plain(a), plain(b)
    return bool(x and y) and (x in y or y in x)


def copied(finding: Finding, originals: Iterable[Finding]) -> bool:
    """The original has the same finding: a defect in the report's own words, kept with them."""
    for o in originals:
        if o.rule != finding.rule:
            continue
        if finding.excerpt and o.excerpt and same_place(o.excerpt, finding.excerpt):
            return True
        if not finding.excerpt and not o.excerpt and o.message == finding.message:
            return True
    return False


def placeholder_names(blocks: list[Block], finding: Finding) -> str:
    """What a placeholder stands for: its own words ("【待补充：……】"), else the heading it is
    under (a run-in heading's, or the part's: "【待补充】" says nothing more than its heading)."""
    what = finding.excerpt.removeprefix(PLACEHOLDER).strip("：【】")
    if what or not 0 <= finding.paragraph < len(blocks):
        return what
    for block in reversed(blocks[: finding.paragraph + 1]):
        if block.kind == "heading":
            return block.text
    return ""


def missing_in_original(what: str, originals: Iterable[Finding]) -> bool:
    """A placeholder for a required part the original's own check says is missing or empty."""
    for o in originals:
        if o.rule == "missing-part" and o.severity != "info":
            label = o.message.split("：", 1)[-1].split("（")[0].rstrip("。")
            if same_words(label, what):
                return True
        if o.rule == "empty-part" and o.severity == "error":
            heading = re.sub(r"^[一二三四五六七八九十]+、", "", o.excerpt)
            if same_words(heading, what):
                return True
    return False


def seams(run: Run) -> list[str]:
    out = []
    for _, f in run.found:
        if copied(f, run.original_findings):
            continue
        if f.rule == "placeholder" and missing_in_original(
            placeholder_names(run.build.blocks, f), run.original_findings
        ):
            continue  # the original truly lacks it: the reviewer must see the gap
        if (
            f.rule == "missing-date"
            and f.severity == "warning"
            and any(o.rule == "missing-date" for o in run.original_findings)
        ):
            continue  # the blank date line of a report that had no date
        if f.rule == "county-unknown" and any(f.excerpt in b.text for b in run.original):
            continue  # the county as the source wrote it: the list's doubt is the reviewer's
        out.append(f"{f.rule} [{f.severity}] {f.excerpt or f.message}")
    return out


@pytest.mark.parametrize("name", _ids())
def test_no_seam_in_the_draft(runs: dict[str, Run], name: str) -> None:
    assert seams(runs[name]) == []


# --------------------------------------------------------------------------- copied defects


def _sentence_of(text: str, excerpt: str) -> str:
    """The sentence(s) of ``text`` the excerpt sits in."""
    start = text.find(excerpt)
    if start < 0:
        return excerpt
    end = start + len(excerpt)
    position, kept = 0, []
    for sentence in split_sentences(text):
        at = text.find(sentence, position)
        if at < end and at + len(sentence) > start:
            kept.append(sentence)
        position = at + len(sentence)
    return "".join(kept) or excerpt


def content_findings(run: Run) -> list[tuple[Finding, str]]:
    """The original's findings about the words of its body, each with its sentence.

    Not the title or the part titles: the templates write those anew."""
    out = []
    for o in run.original_findings:
        if o.rule not in CONTENT_RULES or o.paragraph < 0:
            continue
        block = run.original[o.paragraph]
        if block.kind not in ("paragraph", "heading") or block.level == 1:
            continue
        words = block.text + block.body  # without the number the templates write anew
        out.append((o, _sentence_of(words if o.excerpt in words else block.full_text, o.excerpt)))
    return out


def still_flagged(run: Run, defect: Finding, sentence: str) -> bool:
    """Reported again on the same words, in the text that now holds that sentence (a draft
    paragraph, an answer; an answer may hold a clause of it, such as the opening's 指导思想)."""
    words = plain(sentence)
    return any(
        f.rule == defect.rule
        and same_place(f.excerpt, defect.excerpt)
        and (words in plain(text) or (plain(text) and plain(text) in words))
        for text, f in run.found
    )


def tidied(run: Run, defect: Finding, sentence: str) -> bool:
    """Layout the import normalises (a stray space, a half-width comma): gone, words kept."""
    if not re.search(r"\s", defect.excerpt) and normalise_punctuation(sentence) == sentence:
        return False
    tidy = re.sub(r"\s", "", normalise_punctuation(sentence))
    return tidy in re.sub(r"\s", "", "".join(b.full_text for b in run.draft))


@pytest.mark.parametrize("name", _ids())
def test_every_defect_copied_from_the_original_is_still_flagged(
    runs: dict[str, Run], name: str
) -> None:
    run = runs[name]
    lost = [
        f"{o.rule} {o.excerpt} ({sentence})"
        for o, sentence in content_findings(run)
        if not still_flagged(run, o, sentence) and not tidied(run, o, sentence)
    ]
    assert lost == []


def test_the_seeds_defects_are_there_to_be_kept() -> None:
    """The seeds do carry copied defects of each kind the issue lists (so the test above is not
    vacuous): unit words, a superseded regulation, typos, 法制, dates with a dot, repeated
    sentences and 均 after one item."""
    rules = set()
    for name in ("000", "001", "002", "003", "004"):
        original = read_blocks(REPORTS[name])
        rules |= {f.rule for f in run_checks(original) if f.rule in CONTENT_RULES}
    assert {
        "unit-mismatch",
        "outdated-term",
        "typo",
        "punctuation",
        "duplicate-sentence",
        "approx-misuse",
    } <= rules


# --------------------------------------------------------------------------- no invented words


def _body_sentences(draft: list[Block]) -> Iterator[str]:
    """Sentences of the draft after the opening paragraph (headings' own words included)."""
    opening_seen = False
    for index, block in enumerate(draft):
        if block.kind == "paragraph" and not opening_seen:
            opening_seen = True
            continue
        if block.kind == "heading" and block.level >= 2:
            following = draft[index + 1].full_text if index + 1 < len(draft) else ""
            if PLACEHOLDER in block.body or following.startswith(PLACEHOLDER):
                continue  # a placeholder item: its heading names what is missing
            yield from split_sentences(block.text + block.body)
        elif block.kind == "paragraph":
            yield from split_sentences(block.text)


def invented(run: Run) -> list[str]:
    original = plain("".join(b.text + b.body for b in run.original))
    out = []
    for sentence in _body_sentences(run.draft):
        if PLACEHOLDER in sentence or plain(sentence) in original:
            continue
        clauses = [c for c in re.split(r"[，,；;：:]", sentence) if plain(c)]
        if all(plain(c) in original for c in clauses):
            continue  # the report's own clauses, joined as one sentence
        out.append(sentence)
    return out


@pytest.mark.parametrize("name", _ids())
def test_every_sentence_of_the_draft_is_the_originals(runs: dict[str, Run], name: str) -> None:
    assert invented(runs[name]) == []


@pytest.mark.parametrize("name", _ids())
def test_the_draft_is_dated(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    assert run.draft[-1].kind == "date"
    year = run.answers.get("identity.year")
    assert run.draft[-1].text == (run.answers.get("identity.date") or f"{year + 1}年　　月　　日")


# --------------------------------------------------------------------------- the fixes behind it

SPECIALITIES = [
    {"heading": "以“队伍建设”为抓手，筑牢基层法治根基", "text": "统筹整合调解员、网格员等力量。"},
    {"heading": "以“边界”协作，共谋和谐稳定", "text": "与邻县签订平安边界合作协议书。"},
]


def _render(data: dict[str, Any], outline: str = "regulation") -> list[Block]:
    from drafter.answers.model import validate_answers
    from drafter.render.engine import render_blocks

    return render_blocks(validate_answers(data), outline)


def _base(example_data: dict[str, Any]) -> dict[str, Any]:
    import copy

    data = copy.deepcopy(example_data)
    data["highlights"] = {}
    return data


@pytest.mark.parametrize("outline", ["regulation", "first-duty", "three-part"])
def test_several_headed_specialities_are_items_of_their_own(
    example_data: dict[str, Any], outline: str
) -> None:
    data = _base(example_data)
    data["highlights"] = {"specialities": SPECIALITIES, "honours": ["全区优秀基层单位"]}
    blocks = _render(data, outline)
    items = [b for b in blocks if b.kind == "heading" and b.level == 2]
    team, border = (next(b for b in items if b.text == s["heading"] + "。") for s in SPECIALITIES)
    assert team.body == "统筹整合调解员、网格员等力量。"
    assert border.body == "与邻县签订平安边界合作协议书。"
    assert items.index(border) == items.index(team) + 1  # in the order given
    text = "".join(b.full_text for b in blocks)
    assert "一是以“队伍建设”" not in text and "：与邻县" not in text
    # The honours keep a topic of their own, under the section's title.
    honours = next(b for b in items if "全区优秀基层单位" in b.body)
    assert honours.text == "立足实际创特色，法治建设取得新成效。"


def test_a_title_the_user_gave_keeps_the_specialities_under_it(
    example_data: dict[str, Any],
) -> None:
    data = _base(example_data)
    data["highlights"] = {"title": "突出本地特色，打造法治品牌", "specialities": SPECIALITIES}
    (topic,) = [b for b in _render(data) if b.text == "突出本地特色，打造法治品牌。"]
    assert topic.body.startswith("一是以“队伍建设”为抓手，筑牢基层法治根基。统筹整合")
    assert "二是以“边界”协作，共谋和谐稳定。与邻县" in topic.body


def test_no_addressee_when_the_answer_says_none_and_the_countys_when_empty(
    example_data: dict[str, Any],
) -> None:
    from drafter.questionnaire import current_value
    from drafter.questions import QUESTIONS
    from drafter.render.said import NO_ADDRESSEE

    data = _base(example_data)
    data["identity"]["addressee"] = NO_ADDRESSEE
    blocks = _render(data)
    assert [b.kind for b in blocks[:2]] == ["title", "paragraph"]
    data["identity"]["addressee"] = None
    assert _render(data)[1] == Block("addressee", "中共尼玛县委、尼玛县人民政府：")
    # A new user is offered the county's addressee; an imported "无" is shown as it is.
    q = QUESTIONS["identity.addressee"]
    new = {"identity": {"unit_name": "俄久乡", "county": "尼玛县"}}
    assert current_value(q, new) == "中共尼玛县委、尼玛县人民政府："
    imported = {"identity": {"unit_name": "俄久乡", "county": "尼玛县", "addressee": "无"}}
    assert current_value(q, imported) == "无"


@pytest.mark.parametrize("name", ["000", "003", "004"])
def test_an_imported_report_without_an_addressee_gets_none(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    assert not any(b.kind == "addressee" for b in run.original)
    assert run.answers.get("identity.addressee") == "无"
    assert not any(b.kind == "addressee" for b in run.draft)


def test_an_imported_addressee_is_kept(runs: dict[str, Run]) -> None:
    run = runs["import_zhen_cn_dates_2024"]
    (original,) = [b.text for b in run.original if b.kind == "addressee"]
    assert [b.text for b in run.draft if b.kind == "addressee"] == [original]


def test_the_first_duty_said_as_a_sub_item_stays_where_it_was_said(runs: dict[str, Run]) -> None:
    """001 has no 第一责任人 part; its "2. 落实第一责任人职责：……" under 组织领导 is that content:
    stated once, where the township said it (the 2. of （一）), with no placeholder beside it."""
    text = [b.full_text for b in runs["001"].draft]
    duty = [t for t in text if "镇党政主要负责人切实履行推进法治建设第一责任人职责" in t]
    assert len(duty) == 1 and duty[0].startswith("2.落实第一责任人职责。镇党政主要负责人")
    assert "全年召开法治建设专题会议10次" in duty[0]
    assert not any(PLACEHOLDER in t for t in text)
    at = text.index(duty[0])
    assert text[at - 1].startswith("1.健全领导体制。")
    assert text[at - 2] == "（一）加强组织领导，压实法治建设责任"  # where it was said


def test_a_lead_in_is_not_numbered_as_an_item() -> None:
    from drafter.answers.model import Item
    from drafter.render.phrasing import inline

    items = [
        Item(text="对照上级要求，我镇还存在一些薄弱环节，主要表现在："),
        Item(text="部分干部法治意识不强。"),
        Item(text="执法人员专业素质有待提升。"),
    ]
    assert inline(items) == (
        "对照上级要求，我镇还存在一些薄弱环节，主要表现在："
        "一是部分干部法治意识不强。二是执法人员专业素质有待提升。"
    )
    items[0] = Item(text="对照上级要求，我镇还存在一些薄弱环节。")
    assert inline(items).startswith("一是对照上级要求")  # a statement of its own is an item


def test_a_lone_first_ordinal_before_a_glued_second_stays_as_written() -> None:
    from drafter.importer.segment import split_runs

    text = "一是健全组织体系。调整领导小组，形成工作格局二是完善制度机制。制定工作方案。"
    assert split_runs(text) == (text, [])
    assert split_runs("一是健全组织体系。调整领导小组。") == ("", ["健全组织体系。调整领导小组。"])


def test_a_rate_is_not_added_to_counts_a_text_states(example_data: dict[str, Any]) -> None:
    data = _base(example_data)
    data["disputes"] = {
        "mediated": 64,
        "resolved": 61,
        "measures": [{"heading": "", "text": "全年调解矛盾纠纷64件，调解成功61件。"}],
    }
    text = "".join(b.full_text for b in _render(data))
    assert "调解成功率" not in text and text.count("调解矛盾纠纷64件") == 1
    data["disputes"]["measures"] = [{"heading": "", "text": "深化矛盾纠纷多元化解。"}]
    text = "".join(b.full_text for b in _render(data))
    assert "调解矛盾纠纷64件，调解成功61件，调解成功率为95.3%。" in text


def test_a_target_for_next_year_is_not_a_conflict(example_data: dict[str, Any]) -> None:
    from drafter.answers.model import validate_answers
    from drafter.checks.answers import check_answers

    data = _base(example_data)
    data["enforcement"] = {
        "officers": 14,
        "measures": [{"heading": "", "text": "持证执法人员14名。"}],
    }
    data["plans"] = {
        "items": [{"heading": "加强执法队伍建设", "text": "力争持证执法人员达到20名。"}]
    }
    found = [
        a for a in check_answers(validate_answers(data)) if a.finding.rule == "figure-conflict"
    ]
    assert found == []
    data["enforcement"]["measures"] = [{"heading": "", "text": "持证执法人员16名。"}]
    found = [
        a for a in check_answers(validate_answers(data)) if a.finding.rule == "figure-conflict"
    ]
    assert [a.key for a in found] == ["enforcement.officers"]


@pytest.mark.parametrize("outline", ["regulation", "three-part"])
def test_the_reports_own_lead_of_its_rectification_is_kept(
    example_data: dict[str, Any], outline: str
) -> None:
    lead = "针对上述问题，乡党委高度重视，制定整改措施，具体整改情况如下："
    fix = "组织专题培训3次，干部法治意识明显增强。"
    data = _base(example_data)
    data["rectification"] = {"items": [{"heading": "", "text": lead}, {"heading": "", "text": fix}]}
    text = [b.full_text for b in _render(data, outline)]
    (said,) = [t for t in text if lead in t]
    assert said.endswith(lead + fix)  # the report's lead, then its 整改, not numbered
    assert not any("上一年度报告提出问题的整改情况如下" in t for t in text)
    data["rectification"] = {"items": [{"heading": "", "text": fix}]}
    text = [b.full_text for b in _render(data, outline)]
    assert any(fix in t for t in text)


def test_seed_002_keeps_the_lead_of_its_rectification(runs: dict[str, Run]) -> None:
    text = [b.full_text for b in runs["002"].draft]
    (said,) = [t for t in text if "针对上述问题，四棵树乡党委领导班子高度重视" in t]
    assert "具体整改情况如下：四棵树乡继续强化组织保障" in said


@pytest.mark.parametrize("lead", ["今年以来", "一年来", "2024年以来", "二〇二四年"])
def test_the_openings_own_year_lead_is_not_said_twice(lead: str) -> None:
    """The draft opens with "2024年，" itself: "今年以来，" left in the work line would read
    "2024年，桃源镇……为引领，今年以来，认真贯彻……"."""
    from drafter.importer import import_blocks
    from drafter.reader import blocks_from_text

    report = (
        "桃源镇2024年度法治政府建设情况报告\n"
        f"{lead}，桃源镇坚持以习近平法治思想为引领，认真贯彻落实上级决策部署，法治政府建设各项任务有序推进。\n"
        "一、主要举措和成效\n（一）深化普法宣传。开展普法宣传活动12场次。\n"
        "二、存在的不足\n普法形式单一。\n三、2025年工作打算\n创新普法形式。\n"
    )
    opening = import_blocks(blocks_from_text(report)).data["opening"]
    assert opening["guiding"] == "以习近平法治思想为引领"
    assert opening["goal"] == "认真贯彻落实上级决策部署，法治政府建设各项任务有序推进"
