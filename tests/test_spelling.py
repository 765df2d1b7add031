"""The typo model (drafter.spelling) and the typo rule that reports it (issue 23).

The SIGHAN sample (tests/fixtures/sighan2015_sample.tsv, attribution beside it) is a fixed fifth
of the public benchmark; benchmarks/bench_spelling.py measures the whole set and official prose.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.checks import run_checks
from drafter.reader import blocks_from_text
from drafter.spelling import TUNING, find_typos, lexicon
from drafter.spelling.lexicon import DATA
from drafter.spelling.segment import best_score, single_positions

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_spelling  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "sighan2015_sample.tsv"


def test_sighan_sample_detection() -> None:
    """Sentence-level detection on the sample, by pycorrector's formula (an erroneous sentence
    counts when exactly its wrong positions are found; a correct one flagged is a false alarm),
    measured as benchmarks/bench_spelling.py measures the whole set."""
    pairs = bench_spelling.read_sighan(SAMPLE)
    assert len(pairs) == 142
    scores = bench_spelling.detection(pairs)
    # Measured 0.92 / 0.17 / 0.29 at the score a candidate needs since it was set on prose the
    # model had not been mended on (0.88 / 0.20 / 0.33 at the lower score SIGHAN favours, which
    # raised four times the false alarms on that prose; detect.py's Tuning.margin).
    assert scores["P"] >= 0.9
    assert scores["R"] >= 0.17
    assert scores["F1"] >= 0.28
    # A sentence flagged at all (issue 23's measure): measured P 0.94, R 0.23, F1 0.37.
    assert scores["P_flagged"] >= 0.9
    assert scores["F1_flagged"] >= 0.36
    # Where the wrong characters are found, the proposed ones are mostly the right ones (11 of
    # 12 here: the other makes a word, but not the one meant).
    assert scores["right_chars"] >= 0.9


@pytest.mark.parametrize(
    ("text", "excerpt", "fix"),
    [
        ("深入开展矛盾纠纷排查调处，维护社会和谐稳订。", "稳订", "稳定"),
        ("严格执行重大行政决策程序，确保决策科学民主依发。", "依发", "依法"),
        ("组织干部学习宪法和民法典，提高依法行政意织。", "意织", "意识"),
        ("认真落实行政执法公示制度，规范执法形为。", "形为", "行为"),
        ("进一步建全法律顾问制度。", "建全", "健全"),
        ("我门看美国电影。", "我门", "我们"),
        # Characters that stand alone as words, read by the segmentation (segment.py): the
        # right one makes a word where the wrong one left single characters.
        ("好了，因该确定人数。", "因该", "应该"),
        ("环境污然的问题越来越严重。", "污然", "污染"),
        # 的/地/得 and 哪/那 by the words around them (grammar.py).
        ("我很用心的去找。", "用心的去", "用心地去"),
        ("我们要认真、扎实的开展工作。", "扎实的开展", "扎实地开展"),
        ("明天我有很重要得事。", "重要得事", "重要的事"),
        ("我们真得很难过！", "真得很", "真的很"),
        ("哪一天，我跟爸爸一起去玩儿。", "哪一", "那一"),
    ],
)
def test_each_typo_names_the_right_character(text: str, excerpt: str, fix: str) -> None:
    typos = find_typos(text)
    assert [(t.excerpt, t.fix) for t in typos] == [(excerpt, fix)]
    typo = typos[0]
    assert text[typo.start] == typo.wrong
    assert text[typo.at : typo.at + len(typo.excerpt)] == typo.excerpt
    assert typo.fix[typo.start - typo.at] == typo.right


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("0*.txt")), ids=lambda p: p.stem)
def test_seeds_raise_no_false_alarm(seed: Path) -> None:
    """Real official prose: every typo finding on a seed is one of its known misspellings."""
    findings = run_checks(blocks_from_text(seed.read_text(encoding="utf-8")), rules=["typo"])
    wrong = [
        f.message for f in findings if not any(k in f.excerpt for k in bench_spelling.SEED_TYPOS)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "text",
    [
        # Parallel coinages, slogans' frames, place names, measures after numbers, terms.
        "推动法治建设走深走实，领导干部应知应会，做到边学边改。",
        "（三）以查促改，行政执法行为更加规范。（四）以宣促学，群众法治意识明显增强。",
        "青海玉树州杂多县莫云乡、治多县索加乡开展联合调解。",
        "全年调解群众纠纷100余起，发放宣传资料2000余册。",
        "落实领导包案制度，推普强基促团结，通过微信公众号发布信息。",
        "在全乡带头学法、信法、守法、用法，促进行政执法人员必学、爱学、勤学。",
        # A function word between words: the segmentation's reading leaves it (规范化 would
        # lengthen 规范; 叫好 reads worse to the bigram model than 较好).
        "进一步规范和完善各项制度，较好地完成了全年任务。",
        # 哪 that asks, generalises or pairs with another 哪.
        "哪里有需要，哪里就有党员服务。明确哪些事项需要审核。无论在哪里都要守法。",
        # Items of an enumeration framed alike, after a lead and before a predicate.
        "为“十四五”发展开好局、起好步提供坚强法治保障。",
        # Modifiers joined by 、 under one verb: "X的V" is its object (开展……的学习教育活动).
        "开展内容丰富、形式多样的学习教育活动，组织覆盖全面、重点突出的宣传活动。",
    ],
)
def test_official_prose_is_not_flagged(text: str) -> None:
    assert run_checks(blocks_from_text(text), rules=["typo"]) == []


@pytest.mark.parametrize(
    ("text", "right"),
    [
        # A measure after a number with 万 between, or an abbreviated noun after a numeral.
        ("稳定畜禽产品供给，禽存笼55.2万羽、出笼80.12万羽。", "禽存笼55.2万羽、出笼80.12万羽"),
        ("先后完成了三园新建、二园移址改建、一园升级改造三项重点工程。", "三园新建、二园移址"),
        # Four one-character words, the halves parallel in part of speech (an adverb and an
        # adjective alike modify the verb after them).
        ("全力以赴拼经济，项目为王强投资，产业提质谋突破。", "产业提质谋突破"),
        ("推动就业补贴政策直补快办。", "直补快办"),
        # Phrases of an enumeration framed alike, after the lead of the sentence.
        ("全县上下同舟共济、共克时艰，构筑起疫情防控的铜墙铁壁。", "同舟共济、共克时艰"),
        ("当好企服“店小二”，做到无事不扰、有事必帮。", "无事不扰、有事必帮"),
        # Four-character set phrases side by side, newer than any dictionary.
        ("我们要踔厉奋发、笃行不怠，勇毅前行。", "笃行不怠"),
        ("坚持稳字当头、稳中求进，以进促稳、先立后破。", "先立后破"),
        # The kind of an enterprise before 企业, as a company's name before 公司.
        ("新增专精特新企业12家、限上企业18家。", "专精特新企业"),
        # Rare words of jieba's dictionary: a derived word of three characters, a place name.
        ("学前三年毛入园率由58%上升到79.6%。", "入园率"),
        ("教育局牵头联合公安、食药监、卫生、消防等部门。", "食药监"),
        # A name on a line of its own.
        ("2019年3月2日在县第十六届人民代表大会第四次会议上\n栗俊昌", "栗俊昌"),
        # 的 after a preposition's modifier: "以过硬的举措" is the preposition's object.
        ("要以过硬的举措维护市场秩序和消费权益。", "过硬的举措"),
        # People's names in an enumeration whose items mostly begin with a common surname.
        (
            "县领导刘海亮、汤红漫、马胜昔、苏明捷、王浩、夏上、李庆等在主席台就座。",
            "苏明捷",
        ),
        # The frame 至…止 of a span of time; a measure after an approximate round number.
        ("统计期限自2023年1月1日起至2023年12月31日止。", "日止"),
        ("组织了逾万项联络界别群众活动。", "逾万项"),
        # A character named again just after its word (橡胶…胶园).
        ("开展天然橡胶老旧胶园更新改造试点。", "胶园"),
        # Organ-type characters standing for the organ; a localizer kept with its noun.
        ("厅直各单位，驻厅纪检监察组，厅机关各处室：", "厅直"),
        ("由局长任组长、各股室负责人为成员。", "股室"),
        ("多项工作在全省单项业务工作会议上作交流发言。", "会议上作交流"),
        # A province's official one-character name (闽 for Fujian) in a name of its own.
        ("完成闽政通APP优化提升。", "闽政通"),
    ],
)
def test_coinages_of_official_prose_are_left_alone(text: str, right: str) -> None:
    """Patterns of the language a dictionary cannot hold (drafter/spelling/coined.py), as they
    stand in the fresh development prose (tests/fixtures/prose/dev/ and the tuning half of
    prose/dev2/)."""
    assert right in text
    assert find_typos(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A verb denied after 而, a road named from the places it joins, a verb after a level of
        # government.
        "清理批而未供土地397亩、供而未用土地254亩。",
        "合周高速境内征迁工作已全部完成。",
        "2个近岸海域国控点无机氮浓度均值同比改善。",
        # The last name of an enumeration of names, before the verb; items that begin alike.
        "大会执行主席王代强、刘景华、崔仓、阿卫国、庞旭辉、金龙峰在主席台前排就座。",
        "让信息报送更准、更快、更广。",
    ],
)
def test_coinages_are_left_alone_below_the_margin(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Coinages the model would read as slips with lower thresholds (margin 8, rise 4: the near
    misses of the development prose, the kind that crosses the margin in other texts) are left
    by coined.py's patterns, not by the margin."""
    monkeypatch.setattr(TUNING, "margin", 8.0)
    monkeypatch.setattr(TUNING, "rise", 4)
    assert find_typos(text) == []


def test_which_asks_or_points() -> None:
    """哪 in a question, after a verb that asks, or generalising, is right; in a plain statement
    it is 那."""
    assert find_typos("火车站在哪里？") == []
    assert find_typos("我不知道他在哪里。") == []
    assert find_typos("他去哪儿也找不到。") == []
    assert [t.fix for t in find_typos("公园旁边有一家餐厅，我们一起去哪里吃饭。")] == ["那里"]


def test_segmentation_prefers_words() -> None:
    """jieba's unigram model: 因该 leaves two characters alone, 应该 is one frequent word, and
    the window's best segmentation is e^8 times as probable with it."""
    lex = lexicon()
    assert single_positions(lex, "因该确定") == [True, True, False, False]
    assert single_positions(lex, "应该确定") == [False, False, False, False]
    assert best_score(lex, "应该确定") - best_score(lex, "因该确定") >= 6
    # Single characters have their own frequency; a character jieba never saw has none.
    assert lex.word_level("的") > lex.word_level("埤") > 0
    assert lex.word_level("\u9fa5") == 0


def test_rare_words_bind_their_characters() -> None:
    """jieba's rarest words of 3-4 characters are words (level 1, 入园率 counted 4 times), and
    its rare names of two characters bind them (中坝, a village); a rare common word of two
    characters does not: a slip often makes one."""
    lex = lexicon()
    assert lex.word_level("入园率") == 1
    assert lex.word_level("入园") == 0
    assert "坝" in lex.followers("中")


def test_a_word_written_twice_is_the_writers() -> None:
    """The typo rule leaves a word the report writes more than once (its own coinage or name:
    the model cannot tell one written consistently from a slip written twice); written once,
    the same word is read as a slip."""
    once = "某镇2024年法治政府建设情况报告\n一、主要举措和成效\n维护社会和谐稳订。\n"
    twice = once + "二、下一步工作\n继续维护社会和谐稳订，减轻群众负担。\n"
    assert [f.excerpt for f in run_checks(blocks_from_text(once), rules=["typo"])] == ["稳订"]
    assert run_checks(blocks_from_text(twice), rules=["typo"]) == []


def test_a_particle_after_a_word_ending_in_it_is_no_doubling() -> None:
    """的的 is a slip, but 目的的活动 is the word 目的 and then the particle."""
    found = run_checks(blocks_from_text("实现增雨雪、防霜等目的的活动。"), rules=["typo"])
    assert found == []
    found = run_checks(blocks_from_text("这是我们的的工作。"), rules=["typo"])
    assert [f.suggestion for f in found] == ["的"]


@pytest.mark.parametrize(
    "text",
    [
        "成功引进立洲、泓安等大型商贸与人力资源企业。",
        "顺利落地华昇时代、环泓商办等重大项目。",
        # The price: a rare character a hand slipped to is let pass too (SIGHAN's 埤酒, 啤酒 meant).
        "昨天喝了很多埤酒。",
    ],
)
def test_a_rare_character_is_a_names(text: str) -> None:
    """泓, 昇: characters the bigram model hardly saw are typed on purpose, in the names of firms
    and people (an input method offers the common character of a reading first)."""
    assert find_typos(text) == []


def test_the_reports_own_usage(monkeypatch: pytest.MonkeyPatch) -> None:
    """drafter/spelling/usage.py on the report's whole text: a string the report writes again,
    a term of its own and an abbreviation it spells out are the writer's; without them the same
    sentence is read as a slip (at the lower score SIGHAN favours, where the shipped one already
    lets two of these three pass: the report's usage is what must clear them there)."""
    monkeypatch.setattr(TUNING, "margin", 10.0)
    monkeypatch.setattr(TUNING, "new_word", 5)

    def excerpts(*paragraphs: str) -> list[str]:
        text = "某局2023年政府信息公开工作年度报告\n" + "\n".join(paragraphs) + "\n"
        return [f.excerpt for f in run_checks(blocks_from_text(text), rules=["typo"])]

    usage = "在依申请公开政府信息工作中没有出现应公开而不予公开的办件。"
    assert excerpts(usage) == ["在依"]
    assert excerpts("一、依申请公开情况", "二、依申请办理情况", usage) == []
    term = "我市成立了林长制办公室，由总林长直接领导。"
    assert excerpts(term) == ["由总"]
    assert excerpts("全市林长上岗履职。各级林长带头巡林。", term) == []
    short = "项目取得项目建议书代可研报告批复。"
    assert excerpts(short) == ["可研"]
    assert excerpts("已取得建议书（代可行性研究报告）批复。", short) == []


def test_new_development_prose_tuning_half() -> None:
    """The tuning half of the second, larger prose set (tests/fixtures/prose/dev2/, its files at
    even positions): measured 3 false alarms in 26,677 characters (14 before the patterns of
    coined.py and usage.py were read there); its check half is only measured, by the benchmark."""
    files = bench_spelling.second_prose_files()[0]
    alarms, chars, *_ = bench_spelling.prose_alarms(files)
    assert len(files) == 55 and chars > 26_000
    assert alarms <= 3


def test_fresh_development_prose_stays_nearly_clean() -> None:
    """The fresh clean prose the thresholds were checked on (tests/fixtures/prose/dev/, 31
    openings of county, city and ministry reports): measured 0 false alarms in 15,174
    characters (5 before rare words bound their characters and the parallel frames widened);
    the held-out half is only measured, by the benchmark."""
    files = bench_spelling.prose_files()[0]
    alarms, chars, *_ = bench_spelling.prose_alarms(files)
    assert len(files) == 31 and chars > 15_000
    assert alarms <= 1


def test_typo_findings_in_check_json(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "某镇2024年法治政府建设情况报告\n"
        "一、主要举措和成效\n"
        "深入开展矛盾纠纷排查调处，维护社会和谐稳订。严格落实重大决策部署，做好衍接工作。\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "drafter", "check", str(report), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    findings = [f for f in json.loads(done.stdout)["findings"] if f["rule"] == "typo"]
    by_excerpt = {f["excerpt"]: f for f in findings}
    model = by_excerpt["稳订"]
    assert model["severity"] == "error"
    assert model["suggestion"] == "稳定"
    assert "“订”应为“定”" in model["message"]
    listed = by_excerpt["衍接"]
    assert (listed["severity"], listed["suggestion"]) == ("error", "衔接")
    # Other rules' findings carry no suggestion field.
    others = [f for f in json.loads(done.stdout)["findings"] if f["rule"] != "typo"]
    assert all("suggestion" not in f for f in others)


def test_catalogue_vocabulary_is_current() -> None:
    """data/catalogue.txt is the catalogue's labels as the build script reads them today."""
    spec = importlib.util.spec_from_file_location(
        "build_spelling_data", ROOT / "scripts" / "build_spelling_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (DATA / "catalogue.txt").read_text(encoding="utf-8").split()
    assert shipped == module.catalogue_terms()


def test_the_package_stands_alone() -> None:
    """drafter.spelling imports the standard library, itself and drafter.errors only."""
    allowed = {"drafter.errors", "drafter.spelling"}
    for source in (ROOT / "drafter" / "spelling").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top == "drafter":
                    assert any(name == a or name.startswith(a + ".") for a in allowed), name
                else:
                    assert top in sys.stdlib_module_names or top == "__future__", name
