"""General mechanisms of issue 23's second round: each finds its defect in a sentence of the
development texts (tests/fixtures/corpus/dev, seeds) and leaves correct official prose alone.

- the particles 的/地/得 decided by the parts of speech around them (drafter/spelling/grammar.py);
- coinages and names the typo model leaves alone (drafter/spelling/coined.py);
- a year without 年 in running text; document numbers in the GB/T 9704 form; plan titles with
  their years cited without 《》; a committee and a government of any level run together.
"""

from __future__ import annotations

import pytest

from drafter.checks import run_checks
from drafter.reader import blocks_from_text
from drafter.spelling import find_typos
from drafter.spelling.grammar import particle_slips
from drafter.spelling.lexicon import lexicon

HEAD = "某某县某某镇2025年度法治政府建设情况报告\n2025年，我镇扎实推进法治政府建设。\n一、主要举措和成效\n"


def _found(sentence: str, rule: str) -> list[str]:
    blocks = blocks_from_text(HEAD + sentence)
    return [f.excerpt for f in run_checks(blocks, rules=[rule]) if f.paragraph >= 3]


# --------------------------------------------------------------------------- 的/地/得


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        # corpus/dev longxing_zhen_2024: a modifier and a verb with its object open the clause.
        ("解决了一批问题，有效的保障依法行政工作有序开展。", "有效地保障"),
        ("认真的学习宪法和民法典。", "认真地学习"),
        # A verb and its complement of degree.
        ("他们把这项工作完成的非常好。", "完成得非常"),
        # 得 alone between a pronoun and a noun.
        ("这是我得朋友。", "我的朋友"),
    ],
)
def test_a_particle_the_grammar_rules_out_is_found(text: str, fix: str) -> None:
    assert [t.fix for t in find_typos(text)] == [fix]


@pytest.mark.parametrize(
    "text",
    [
        # "X的V" as an object, 的 inside a word, a quantity after the verb, 得 in a word.
        "为全镇经济社会发展提供有力的保障。",
        "法治政府建设取得的成效明显，群众得到了有效的保障。",
        "我们做的很多工作得到了群众的认可。",
        "真的把矛盾纠纷化解在基层。",
        # seeds and corpus/dev: modifiers of nouns.
        "形成了良好的法治氛围，营造了浓厚的学法氛围。",
    ],
)
def test_particles_of_official_prose_are_right(text: str) -> None:
    assert particle_slips(lexicon(), text) == []


# --------------------------------------------------------------------------- coinages and names


@pytest.mark.parametrize(
    "text",
    [
        # Sentences of the development texts the model read as typos before (dahuangbao,
        # guansheng, seeds, chuanshaxin, xiashu, nanhuaxi).
        "研究燕王湖项目以及京津农药厂(英力公司)等重大事项。",
        "1、推动学习宣传贯彻抓深走实。",
        "坚持用法治引领改革发展破障闯关、推动民生改善。",
        "做到有件必备、有备必审、有错必纠。",
        "本年度报告中所列数据的统计期限自1月1日起。",
        "转发《关于做好生猪防疫监管的通知》（蜀政发〔2019〕26号）。",
        "在百千万工程考核评价中获“优秀”等次。",
        # A name after a title.
        "镇党委书记王英力主持召开专题会议。",
    ],
)
def test_coinages_and_names_are_not_typos(text: str) -> None:
    assert run_checks(blocks_from_text(text), rules=["typo"]) == []


# --------------------------------------------------------------------------- the checks


@pytest.mark.parametrize(
    ("rule", "sentence", "excerpt"),
    [
        ("name-incomplete", "2025全镇共开展普法活动30场次。", "2025全镇"),
        # corpus/dev tieqiao_zhen_2025: brackets and 号 lost in the copy.
        ("document-name", "印发《工作方案》(开州委法20239)。", "州委法20239"),
        ("document-name", "印发《通知》（镇委发[2024]3号）。", "镇委发[2024]3号"),
        ("document-name", "印发《通知》（镇府办发〔2024〕5），抓好落实。", "府办发〔2024〕5"),
        (
            "document-name",
            "认真贯彻落实重庆市法治政府建设实施方案（2021—2025年），压实责任。",
            "重庆市法治政府建设实施方案（2021—2025年）",
        ),
        ("document-name", "学习中华人民共和国信访工作条例。", "中华人民共和国信访工作条例"),
        # corpus/dev yihe_zhen_2025 wrote 区委政府; any level and the 党工委 run together too.
        ("punctuation", "在镇委政府的坚强领导下，全面推进依法行政。", "镇委政府"),
        ("punctuation", "街道党工委办事处高度重视法治建设。", "党工委办事处"),
    ],
)
def test_a_mechanism_finds(rule: str, sentence: str, excerpt: str) -> None:
    assert excerpt in _found(sentence, rule)


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        ("name-incomplete", "发放宣传资料2000余册、2000份，2024人次参加，资助2030元。"),
        ("document-name", "转发《关于做好生猪防疫监管的通知》（蜀政发〔2019〕26号）。"),
        ("document-name", "贯彻《法治中国建设规划（2020—2025年）》，学习《宪法》。"),
        ("punctuation", "在镇党委政府和区委区政府的坚强领导下，全面推进依法行政。"),
    ],
)
def test_a_mechanism_leaves_right_text(rule: str, sentence: str) -> None:
    assert _found(sentence, rule) == []
