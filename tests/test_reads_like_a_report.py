"""Drafts read like a report: no seam the templates make, on many answer sets.

A county reviewer (依法治县办) sent drafts back for seams the templates made: a heading echoed as
the next sentence, a noun phrase or a status word as a sentence, a lone 一是 or （一）, a figure
stated twice, a figure clause without a verb or a sentence without a subject, the same heading
twice, the same boilerplate paragraph in every report, a part titled for what it does not hold, no
date line. Each class has a detector here, run on the blocks of every outline for: the bundled
example, sparse answers, one item per topic, all figures zero, every figure answered, last year's
plans and 整改 answered, and drafts of the five imported sample reports. Golden reads pin the
sentence frames of the key answers.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.answers.file import read_answers_file
from drafter.answers.model import validate_answers
from drafter.blocks import Block
from drafter.cli import main
from drafter.questions import QUESTIONS, figure_questions
from drafter.render.engine import OUTLINE_NAMES, render_blocks
from drafter.render.phrasing import norm
from drafter.text.mentions import find_mentions
from drafter.text.numbers import split_sentences
from drafter.text.units import WORDS
from tests.conftest import texts_without

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_IDS = sorted(p.name[:3] for p in SEEDS.glob("0*.txt"))
DIGITS = re.compile(r"\d")

# --------------------------------------------------------------------------- answer sets


def _strip_digits(data: dict[str, Any]) -> dict[str, Any]:
    """The example's texts without numbers: every digit left in a draft is a template's figure."""
    return texts_without(data, DIGITS, keep=("date",))


def sparse(example: dict[str, Any]) -> dict[str, Any]:
    """Only who and when: every required part has nothing from the user."""
    identity = {k: example["identity"][k] for k in ("unit_name", "unit_type", "county", "year")}
    return {"schema_version": 1, "identity": {**identity, "signers": ["俄久乡人民政府"]}}


def one_item_each(example: dict[str, Any]) -> dict[str, Any]:
    data = _strip_digits(example)
    for name, section in data.items():
        if isinstance(section, dict):
            for key, value in list(section.items()):
                q = QUESTIONS.get(f"{name}.{key}")
                if q is not None and q.kind == "items" and value:
                    section[key] = value[:1]
    data["study"]["measures"] = [
        {"heading": "强化领导干部学法用法", "text": "把宪法、民法典纳入中心组学习内容。"}
    ]
    data["study"]["title"] = "强化领导干部学法用法，提升依法行政能力"
    data["organisation"]["leading_group"] = "乡党委书记、乡长任双组长"
    data["organisation"]["work_plan"] = "俄久乡法治政府建设工作方案"
    data["highlights"]["honours"] = ["全区优秀基层单位"]
    data["highlights"]["specialities"] = [
        {"heading": "推进边界联防联调", "text": "与邻县签订平安边界合作协议。"}
    ]
    data["problems"]["causes"] = "人员力量不足，培训不够经常。"
    data["rectification"]["items"] = [
        {"heading": "法治意识有待进一步提高", "text": "已整改到位。组织专题培训。"}
    ]
    return data


def zero_figures(example: dict[str, Any]) -> dict[str, Any]:
    data = _strip_digits(example)
    for q in figure_questions():
        data.setdefault(q.section, {})[q.name] = 0
    return data


def all_figures(example: dict[str, Any]) -> dict[str, Any]:
    data = _strip_digits(example)
    for n, q in enumerate(figure_questions()):
        data.setdefault(q.section, {})[q.name] = 300 + 10 * n
    for q in figure_questions():
        if q.part_of:
            section, name = q.part_of.split(".")
            data[q.section][q.name] = data[section][name] - 3
    data["disputes"]["resolved"] = data["disputes"]["mediated"]  # all of them: 全部调解成功
    data["review"]["lost"] = 1
    return data


def with_followups(example: dict[str, Any]) -> dict[str, Any]:
    data = _strip_digits(example)
    data["followups"] = [
        {"heading": "进一步提高法治意识", "status": "done", "text": "已落实。举办专题培训。"},
        {"heading": "进一步提升行政执法水平", "status": "partly", "text": "部分落实。"},
        {"heading": "完善考核评价", "status": "not", "text": "尚未落实。"},
    ]
    data["rectification"]["items"] = [
        {"heading": "法治意识有待进一步提高", "text": "已整改到位。组织专题培训。"},
        {"heading": "执法程序不够规范", "text": "部分整改。"},
    ]
    data["problems"]["causes"] = "一是学习培训不够经常；二是人员力量不足。"
    return data


SYNTHETIC = {
    "example": _strip_digits,
    "sparse": sparse,
    "one-item-each": one_item_each,
    "zero-figures": zero_figures,
    "all-figures": all_figures,
    "followups": with_followups,
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Answers imported from each sample report through the CLI (the importer may change)."""
    folder = tmp_path_factory.mktemp("imported")
    out = {}
    for prefix in SEED_IDS:
        path = folder / f"{prefix}.yaml"
        assert main(["import", str(next(SEEDS.glob(f"{prefix}_*.txt"))), "-o", str(path)]) == 0
        out[prefix] = read_answers_file(path).data
    return out


def drafts(
    example: dict[str, Any], imported: dict[str, dict[str, Any]] | None = None
) -> Iterator[tuple[str, Any, list[Block]]]:
    """(name, answers, blocks) for every answer set and outline."""
    sets = {name: make(example) for name, make in SYNTHETIC.items()}
    for prefix, data in (imported or {}).items():
        sets[f"seed {prefix}"] = data
    for name, data in sets.items():
        answers = validate_answers(data)
        for outline in OUTLINE_NAMES:
            yield f"{name}/{outline}", answers, render_blocks(answers, outline)


# --------------------------------------------------------------------------- detectors


def body_text(block: Block) -> str:
    return block.text + block.body if block.kind == "heading" else block.text


def draft_sentences(blocks: list[Block]) -> list[str]:
    return [
        s
        for b in blocks
        if b.kind in ("heading", "paragraph")
        for s in split_sentences(body_text(b))
    ]


def first_clause(sentence: str) -> str:
    return norm(re.split(r"[，。；：]", sentence, maxsplit=1)[0])


def _common(a: str, b: str) -> int:
    """Length of the longest common substring."""
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best


def heading_echoes(blocks: list[Block]) -> list[str]:
    """ "强化学法用法，提升……。强化学法用法。" or "……。加强学法用法，……": a sentence whose first
    clause says again what the sentence before it said (a word or two changed)."""
    found = []
    for b in blocks:
        if b.kind not in ("heading", "paragraph"):
            continue
        sents = split_sentences(body_text(b))
        for before, after in itertools.pairwise(sents):
            again = first_clause(after)
            clauses = [
                norm(c)
                for c in re.split(r"[，；：]", re.sub(r"^[一二三四五六七八九十]+是", "", before))
            ]
            for said in clauses:
                shorter = min(len(said), len(again))
                if shorter >= 4 and _common(said, again) >= max(
                    4, 0.75 * max(len(said), len(again))
                ):
                    found.append(before + after)
                    break
    return found


def lone_enumerators(blocks: list[Block]) -> list[str]:
    """一是 without 二是 in a paragraph; a part with one （一） only."""
    found = []
    for b in blocks:
        text = body_text(b)
        if b.kind in ("heading", "paragraph") and "一是" in text and "二是" not in text:
            found.append(text[:40])
    parts: list[list[Block]] = []
    for b in blocks:
        if b.kind == "heading" and b.level == 1:
            parts.append([])
        elif parts and b.kind == "heading" and b.level == 2:
            parts[-1].append(b)
    found += [p[0].full_text[:40] for p in parts if len(p) == 1]
    return found


def mixed_heading_forms(blocks: list[Block]) -> list[str]:
    """A part whose （一）（二）… are partly run in and partly on their own line."""
    found = []
    part: list[Block] = []
    for b in [*blocks, Block("heading", "end", level=1)]:
        if b.kind == "heading" and b.level == 1:
            if len({bool(h.body) for h in part}) > 1:
                found.append(" / ".join(h.text for h in part))
            part = []
        elif b.kind == "heading" and b.level == 2:
            part.append(b)
    return found


STATUS_WORDS = {"已落实", "部分落实", "尚未落实", "未落实", "已整改到位", "部分整改", "已部分整改"}
STATUS_WORDS |= {"尚未完成整改", "已完成", "部分完成", "未完成", "已整改"}


def status_only(blocks: list[Block]) -> list[str]:
    return [s for s in draft_sentences(blocks) if norm(s) in STATUS_WORDS]


def repeated_headings(blocks: list[Block]) -> list[str]:
    counts = Counter(norm(b.text) for b in blocks if b.kind == "heading")
    return [h for h, n in counts.items() if n > 1]


def figure_restatements(answers: Any, blocks: list[Block]) -> list[str]:
    """A catalogue figure the draft states more often than the answers' texts do (but at least
    once there): the template said again what a text says."""
    from drafter.render.context import answer_texts

    def counts(texts: list[str]) -> Counter[tuple[str, float]]:
        return Counter(
            (m.key, float(m.value)) for t in texts for m in find_mentions(t) if m.key and not m.rate
        )

    in_texts = counts(list(answer_texts(answers)))
    in_draft = counts([body_text(b) for b in blocks if b.kind in ("heading", "paragraph")])
    return [f"{k}={v}" for (k, v), n in in_draft.items() if n > max(in_texts[(k, v)], 1)]


# Every figure clause a template makes has a verb of its own ("行政诉讼案件1件" has none).
FIGURE_VERBS = re.compile(
    r"学法|组织|举办|参加|合格|开展|发放|解答|惠及|培育|作出|聘请|制发|现有|办理|应诉|败诉|出庭|"
    r"配备|调解|受理|办结|化解|公开|召开|听取|排查|率为"
)
SUBJECTS = "|".join(
    re.escape(w) for words in WORDS.values() for w in (words.self_ref, words.whole, words.party)
)


def verbless_figure_clauses(blocks: list[Block]) -> list[str]:
    """On answers whose texts carry no digits, every clause with a digit is a template's."""
    found = []
    for s in draft_sentences(blocks):
        for clause in re.split(r"[，；]", s):
            if find_mentions(clause) and not FIGURE_VERBS.search(clause):
                found.append(clause)
    return found


def subjectless_year_sentences(blocks: list[Block]) -> list[str]:
    """ "全年，组织干部集中学法58次。": after 全年， comes who did it."""
    return [
        s
        for s in draft_sentences(blocks)
        if s.startswith("全年，") and not re.match(rf"全年，({SUBJECTS})", s)
    ]


BOILERPLATE = (
    "亲自部署",
    "亲自督办",
    "明确年度目标任务和工作措施",
    "取得了一定成效，但还存在一些问题和不足",
    "认真研究，逐项落实整改",
    "认真履行推进法治建设第一责任人职责",
    "在今后的工作中，",
)


def boilerplate(answers: Any, blocks: list[Block]) -> list[str]:
    """Wording of substance the answers do not hold."""
    from drafter.render.context import answer_texts

    said = "".join(answer_texts(answers))
    text = "".join(body_text(b) for b in blocks)
    return [w for w in BOILERPLATE if w in text and w not in said]


# --------------------------------------------------------------------------- the sweep


@pytest.fixture(scope="module")
def every_draft(
    example_data: dict[str, Any], imported: dict[str, dict[str, Any]]
) -> list[tuple[str, Any, list[Block]]]:
    return list(drafts(example_data, imported))


@pytest.mark.parametrize(
    "detector",
    [heading_echoes, lone_enumerators, mixed_heading_forms, status_only, repeated_headings],
)
def test_no_seam_in_any_draft(
    every_draft: list[tuple[str, Any, list[Block]]], detector: Any
) -> None:
    seams = {name: found for name, _, blocks in every_draft if (found := detector(blocks))}
    assert seams == {}


def test_no_figure_stated_twice(every_draft: list[tuple[str, Any, list[Block]]]) -> None:
    seams = {
        name: found
        for name, answers, blocks in every_draft
        if (found := figure_restatements(answers, blocks))
    }
    assert seams == {}


def test_figure_clauses_have_a_verb_and_a_subject(example_data: dict[str, Any]) -> None:
    for name, _, blocks in drafts(example_data):
        assert verbless_figure_clauses(blocks) == [], name
        assert subjectless_year_sentences(blocks) == [], name


def test_no_boilerplate(every_draft: list[tuple[str, Any, list[Block]]]) -> None:
    seams = {
        name: found
        for name, answers, blocks in every_draft
        if (found := boilerplate(answers, blocks))
    }
    assert seams == {}


def test_no_paragraph_is_the_same_in_two_reports(
    every_draft: list[tuple[str, Any, list[Block]]],
) -> None:
    """The same closing (or any) paragraph in every report is boilerplate; only headings, the
    opening formula and placeholders may repeat across units."""
    seen: dict[str, set[str]] = {}
    for _, answers, blocks in every_draft:
        unit = answers.get("identity.unit_name")  # the example is 俄久乡's report (seed 000)
        for b in blocks:
            if b.kind == "paragraph" and "【待补充" not in b.text and "现将" not in b.text:
                seen.setdefault(norm(b.text), set()).add(unit)
    shared = [text[:30] for text, units in seen.items() if len(units) > 1]
    assert shared == []


def test_every_draft_has_a_date_line(every_draft: list[tuple[str, Any, list[Block]]]) -> None:
    for name, answers, blocks in every_draft:
        dates = [b.text for b in blocks if b.kind == "date"]
        assert len(dates) == 1, name
        year = answers.get("identity.year")
        assert dates[0] == (answers.get("identity.date") or f"{year + 1}年　　月　　日"), name
        assert blocks[-1].kind == "date"


# --------------------------------------------------------------------------- required parts


@pytest.mark.parametrize("outline", OUTLINE_NAMES)
def test_required_parts_with_nothing_show_a_placeholder(
    example_data: dict[str, Any], outline: str
) -> None:
    blocks = render_blocks(validate_answers(sparse(example_data)), outline)
    text = "\n".join(b.full_text for b in blocks)
    # One wording: each gap is a plain 【待补充】 under the heading that names the part (the
    # heading and the placeholder never say the same words twice).
    placeholders = re.findall(r"【待补充[^】]*】", text)
    assert placeholders == ["【待补充】"] * 4, placeholders
    gaps = [i for i, b in enumerate(blocks) if "【待补充】" in b.full_text]
    names = [
        b.text if b.full_text != "【待补充】" else blocks[i - 1].text
        for i in gaps
        for b in [blocks[i]]
    ]
    assert len(set(names)) == 4 and any("第一责任人" in n for n in names), names
    assert any("主要举措和成效" in n for n in names), names
    # Nothing else: no sentence of substance the user did not give.
    body = [b for b in blocks if b.kind == "paragraph" and "现将" not in b.text]
    assert all(b.text.endswith("【待补充】") for b in body), body
    assert [b.text for b in blocks if b.kind == "date"] == ["2025年　　月　　日"]


def test_part_titles_name_what_the_part_holds(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["problems"]["causes"] = None
    blocks = render_blocks(validate_answers(data))
    # The regulation asks for the shortfalls and their causes: the title names both, and a
    # typed report without its causes shows where they go.
    assert [b.text for b in blocks if b.level == 1][1] == "2024年度推进法治政府建设存在的不足和原因"
    assert any(b.text == "【待补充：产生上述不足的原因】" for b in blocks)
    data["problems"]["causes"] = "人员力量不足。"
    blocks = render_blocks(validate_answers(data))
    assert [b.text for b in blocks if b.level == 1][1].endswith("存在的不足和原因")
    assert any(b.text == "究其原因，人员力量不足。" for b in blocks)
    assert not any("待补充" in b.full_text for b in blocks)
    data["rectification"]["items"] = [{"heading": "执法程序不规范", "text": "已整改到位。"}]
    blocks = render_blocks(validate_answers(data))
    assert [b.text for b in blocks if b.level == 1][1].endswith("存在的不足、原因和问题整改情况")
    sub = [b for b in blocks if b.level == 2 and b.text in ("存在的不足和原因", "问题整改情况")]
    assert [b.body for b in sub] == ["", ""]  # both stand-alone, like each other
    assert any(b.text == "“执法程序不规范”的问题已整改到位。" for b in blocks)


# --------------------------------------------------------------------------- golden reads


def _render(example: dict[str, Any], change: Any, outline: str = "regulation") -> str:
    data = _strip_digits(example)
    change(data)
    return "\n".join(b.full_text for b in render_blocks(validate_answers(data), outline))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("乡党委书记、乡长任双组长", "成立法治政府建设领导小组，由乡党委书记、乡长任双组长。"),
        ("由乡党委书记任组长", "成立法治政府建设领导小组，由乡党委书记任组长。"),
        ("乡党委书记、乡长", "成立法治政府建设领导小组，由乡党委书记、乡长牵头。"),
        (
            "成立以乡党委书记为组长的法治政府建设领导小组",
            "成立以乡党委书记为组长的法治政府建设领导小组。",
        ),
    ],
)
def test_golden_leading_group(example_data: dict[str, Any], answer: str, expected: str) -> None:
    def change(data: dict[str, Any]) -> None:
        data["organisation"]["leading_group"] = answer
        data["organisation"]["measures"] = []

    assert f"（一）加强组织领导，健全法治政府建设工作机制。{expected}" in _render(
        example_data, change
    )


def test_golden_work_plan_and_its_single_measure(example_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["organisation"]["work_plan"] = "俄久乡法治政府建设工作方案"
        data["organisation"]["measures"] = [{"heading": "压实工作责任", "text": "层层签订责任书。"}]

    text = _render(example_data, change)
    assert "工作机制。制定《俄久乡法治政府建设工作方案》。压实工作责任，层层签订责任书。" in text
    assert "明确年度目标任务" not in text


def test_golden_single_item_under_a_title_that_says_it(example_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["study"]["title"] = "强化领导干部学法用法，提升依法行政能力"
        data["study"]["measures"] = [
            {
                "heading": "强化领导干部学法用法",
                "text": "强化领导干部学法用法，把宪法纳入学习内容。",
            }
        ]

    text = _render(example_data, change)
    assert "（二）强化领导干部学法用法，提升依法行政能力。把宪法纳入学习内容。" in text


def test_golden_figures(example_data: dict[str, Any]) -> None:
    def all_resolved(data: dict[str, Any]) -> None:
        data["disputes"].update(mediated=5, resolved=5)

    assert "我乡全年共调解矛盾纠纷5件，全部调解成功。" in _render(example_data, all_resolved)

    def some_resolved(data: dict[str, Any]) -> None:
        data["disputes"].update(mediated=39, resolved=36, organisations=7, mediators=71)
        data["review"].update(reconsiderations=1, lawsuits=1)

    text = _render(example_data, some_resolved)
    assert "全乡现有人民调解组织7个，配备人民调解员71名。" in text
    assert "我乡全年共调解矛盾纠纷39件，调解成功36件，调解成功率为92.3%。" in text
    assert "全年，我乡办理行政复议案件1件，应诉行政诉讼案件1件。" in text

    def study(data: dict[str, Any]) -> None:
        data["study"].update(center_group=None, cadre_sessions=58)

    assert "全年，我乡共组织干部集中学法58次，组织法律知识考试2次。" in _render(example_data, study)


def test_a_figure_a_text_states_is_not_stated_again(example_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["publicity"]["measures"] = [
            {"heading": "开展普法活动", "text": "全年共开展普法宣传活动20场次，发放资料1500余份。"}
        ]
        data["publicity"].update(activities=20, materials="1500余", consultations=5)

    text = _render(example_data, change)
    assert text.count("20场次") == 1 and text.count("1500余份") == 1
    assert "我乡全年共解答群众法律咨询5人次。" in text

    def other_value(data: dict[str, Any]) -> None:
        change(data)
        data["publicity"]["activities"] = 25  # a different count is not the same fact

    assert "25场次" in _render(example_data, other_value)


def test_golden_followups_and_rectification(example_data: dict[str, Any]) -> None:
    def one(data: dict[str, Any]) -> None:
        data["followups"] = [
            {"heading": "进一步提高法治意识", "status": "done", "sentence": "举办专题培训"}
        ]

    text = _render(example_data, one)
    assert "抓好上年度工作安排落实。去年提出的“进一步提高法治意识”已落实，举办专题培训。" in text
    text = _render(example_data, lambda d: d.update(with_followups(d)), "three-part")
    assert (
        "一是“进一步提高法治意识”已落实，举办专题培训。二是“进一步提升行政执法水平”部分落实。"
        "三是“完善考核评价”尚未落实。"
    ) in text
    assert (
        "上一年度报告提出问题的整改情况如下：一是针对“法治意识有待进一步提高”的问题，"
        "组织专题培训，已整改到位。二是“执法程序不够规范”的问题已部分整改。"
    ) in text
    assert "究其原因，一是学习培训不够经常；二是人员力量不足。" in text


def test_golden_closing_and_date(example_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["closing"]["text"] = "我们将坚持问题导向，推动法治政府建设再上新台阶。"
        data["identity"]["date"] = None

    text = _render(example_data, change)
    assert "\n2025年，我们将坚持问题导向，推动法治政府建设再上新台阶。\n" in text
    assert text.endswith("\n2025年　　月　　日")
    text = _render(example_data, lambda d: d["closing"].update(text=None))
    assert "我们将" not in text and "法治保障。\n尼玛县" not in text


def test_one_item_gets_no_ordinal_and_one_topic_no_number(example_data: dict[str, Any]) -> None:
    data = _strip_digits(example_data)
    for section in ("organisation", "study", "enforcement", "disputes", "petitions"):
        data[section]["measures"] = []
    data["publicity"]["measures"] = data["publicity"]["measures"][:1]
    for q in figure_questions():
        data[q.section][q.name] = None
    data["plans"]["items"] = data["plans"]["items"][:1]
    blocks = render_blocks(validate_answers(data), "regulation")
    parts = [i for i, b in enumerate(blocks) if b.level == 1]
    # Part one has one topic: no （一）, its heading opens the paragraph.
    assert blocks[parts[0] + 1].kind == "paragraph"
    assert blocks[parts[0] + 1].text.startswith(
        "加强法治宣传教育，营造良好法治氛围。深入开展法治宣传活动，结合"
    )
    # One plan: a paragraph, its heading run into its text, no 一是.
    plan = blocks[parts[3] + 1]
    assert plan.kind == "paragraph" and plan.text.startswith("进一步提高法治意识，加强对")
    assert not any(b.level == 2 for b in blocks[parts[3] :])


def test_a_blank_date_reads_back_from_the_docx(
    example_data: dict[str, Any], write_answers: Any, tmp_path: Path
) -> None:
    """The real .docx: the placeholders and the blank date line are there, after the signature."""
    from drafter.build import build_report
    from drafter.reader import read_blocks

    result = build_report(write_answers(sparse(example_data)), tmp_path / "稀疏.docx")
    blocks = read_blocks(result.docx)
    assert [(b.kind, b.text) for b in blocks[-2:]] == [
        ("signature", "俄久乡人民政府"),
        ("date", "2025年　　月　　日"),
    ]
    assert sum("【待补充】" in b.full_text for b in blocks) == 4


def test_golden_opening_frames(example_data: dict[str, Any]) -> None:
    def nouns(data: dict[str, Any]) -> None:
        data["opening"].update(
            leadership="县委、县政府", guiding="习近平法治思想", goal=None, summary=None
        )

    assert (
        "\n2024年，俄久乡在县委、县政府的坚强领导下，以习近平法治思想为指导。"
        "现将我乡2024年度法治政府建设情况报告如下：\n"
    ) in _render(example_data, nouns)


def test_a_plan_for_next_year_does_not_hide_this_years_figure(example_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["publicity"]["activities"] = 30
        data["plans"]["items"][0]["text"] = "全年开展普法宣传活动30场次。"

    assert "我乡全年共开展普法宣传活动30场次，" in _render(example_data, change)
