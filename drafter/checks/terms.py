"""Data: superseded regulations and terms, anachronisms and the date ranges of known plans.

One table, easy to extend: add a :class:`Term` (a regex, the years it applies to, the fix and a
severity). Years are report years: ``since=2023`` flags reports on 2023 and later.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.text.hanzi import HAN, when_used


@dataclass(frozen=True, slots=True)
class Term:
    """A wording that is wrong in reports of some years.

    ``pattern``: a regex matched on the (Traditional → Simplified mapped) text; ``message``: the
    Chinese explanation, with the fix; ``since``: the first report year the wording is outdated
    in (None: always); ``before``: the wording cannot appear before this report year (an event
    that had not happened).
    """

    pattern: str
    message: str
    since: int | None = None
    before: int | None = None
    severity: str = "warning"
    outside_titles: bool = False
    """Not matched inside 《》: the wording is right in the title of an older document."""


FAZHI_KEPT: tuple[str, ...] = (
    # 重大执法决定法制审核 (国办发〔2018〕118号) and the review of normative documents.
    "审核",
    "审查",
    # The legal-affairs bodies of governments, departments and police: 法制机构, 法制办公室, …
    "机构",
    "工作机构",
    "部门",
    "办",
    "科",
    "股",
    "室",
    "处",
    "局",
    "大队",
    "中队",
    "员",
    # 人大法制委员会, 法制工作委员会 (法工委).
    "委员会",
    "工作委员会",
    "委",
    # 宪法第五条: 国家维护社会主义法制的统一和尊严.
    "统一",
    "的统一",
    # Reported by their own terms below: 民主法制示范村, 法制副校长 (until 2022), 法制日报, 法制网.
    "示范",
    "副校长",
    "日报",
    "网",
)
"""Compounds in which 法制 stays right (the allow-list of README's table of checks)."""
FAZHI_NOT_WORD_AFTER: tuple[str, ...] = tuple("度定止裁约衡作造订服品胜伏片备成")
"""法 followed by a word 制X (执法制度, 依法制定): not the word 法制."""
FAZHI_NOT_WORD_BEFORE: tuple[str, ...] = tuple("依合违非立执司宪守用普犯刑")
"""X法 followed by 制… (依法制…, 立法制…): not the word 法制."""


TERMS: tuple[Term, ...] = (
    # Regulations replaced by new ones.
    Term(
        r"《信访条例》|(?<![《工作])信访条例(?!》)",
        "《信访条例》已于2022年5月1日被《信访工作条例》取代，应改为《信访工作条例》。",
        since=2023,
        severity="error",
    ),
    Term(
        r"《中华人民共和国(?:婚姻法|继承法|合同法|物权法|侵权责任法|民法通则|民法总则|担保法|收养法)》"
        r"|《(?:婚姻法|继承法|合同法|物权法|侵权责任法|民法通则|民法总则|担保法|收养法)》",
        "该法律已于2021年1月1日被《中华人民共和国民法典》取代并废止，普法宣传应改为《民法典》。",
        since=2021,
    ),
    Term(
        r"法治政府建设实施纲要[（(]2015\s*[—–\-－~～至]+\s*2020",
        "《法治政府建设实施纲要（2015—2020年）》已到期，现行的是《法治政府建设实施纲要（2021—2025年）》。",
        since=2021,
        severity="error",
    ),
    # Planning periods.
    Term(
        r"[“\"]?[六七]五[”\"]?\s*普法",
        "“七五”普法规划已于2020年结束，2021—2025年是“八五”普法。",
        since=2021,
        severity="error",
    ),
    Term(
        r"[“\"]?八五[”\"]?\s*普法",
        "“八五”普法规划期为2021—2025年；新的普法规划名称请按上级文件核实。",
        since=2026,
        severity="info",
    ),
    # Party congresses: the latest one a report cites.
    Term(
        r"党的十九大(?:和十九届[历次一二三四五六]中全会)?精神",
        "党的二十大已于2022年10月召开，2023年起的报告应贯彻党的二十大精神。",
        since=2023,
    ),
    Term(
        r"二十届三中全会",
        "党的二十届三中全会于2024年7月召开，早于2024年的报告不可能引用。",
        before=2024,
        severity="error",
    ),
    Term(
        r"二十届四中全会",
        "党的二十届四中全会于2025年10月召开，早于2025年的报告不可能引用。",
        before=2025,
        severity="error",
    ),
    Term(
        r"党的二十大",
        "党的二十大于2022年10月召开，早于2022年的报告不可能引用。",
        before=2022,
        severity="error",
    ),
    Term(
        r"《信访工作条例》",
        "《信访工作条例》自2022年5月1日起施行，早于2022年的报告应为《信访条例》。",
        before=2022,
        severity="error",
    ),
    # 法制 where 法治 is meant. Since the 十八届四中全会 (2014) publicity, education, awareness,
    # culture, building, oversight and every new compound are 法治; 法制 stays right only in the
    # names of bodies and procedures that still carry it (FAZHI_KEPT, the documented allow-list)
    # and in the titles of older documents (《关于加强法制宣传教育的决议》: not matched in 《》).
    # 法制 must be the word: 依法制定, 执法制度, 违法制裁 are 法 + 制X (FAZHI_NOT_WORD).
    Term(
        r"法制(?<!(?:" + "|".join(FAZHI_NOT_WORD_BEFORE) + r")法制)"
        r"(?!(?:" + "|".join(FAZHI_KEPT + FAZHI_NOT_WORD_AFTER) + r"))"
        # The excerpt: the compound (法制宣传, 法制督察, 法制进校园).
        r"(?:进(?:校园|宗教场所|" + HAN + "{1,2})|" + HAN + "{1,2})",
        "这里应为“法治”：宣传、教育、观念、文化、建设、督察等早已统一用“法治”（“法制审核”“法制机构”"
        "“人大法制委员会”等专有名称除外）。",
        since=2015,
        outside_titles=True,
    ),
    Term(
        r"民主法制示范",
        "“民主法制示范村（社区）”的名称是“民主法治示范村（社区）”。",
        since=2015,
    ),
    Term(
        r"法制副校长",
        "2022年5月起施行的《中小学法治副校长聘任与管理办法》已改称“法治副校长”，请改正。",
        since=2022,
    ),
    Term(
        r"《?法制日报》?|法制网",
        "《法制日报》已于2020年8月1日更名为《法治日报》（法制网更名为法治网）。",
        since=2021,
    ),
    Term(
        r"扫黑除恶专项斗争",
        "扫黑除恶专项斗争已于2021年转为常态化，应写“常态化扫黑除恶斗争”。",
        since=2022,
    ),
)

# Plans and outlines with a fixed date range: a different range in a report is a mistake.
PLAN_RANGES: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("法治政府建设实施纲要", ((2015, 2020), (2021, 2025))),
    ("法治社会建设实施纲要", ((2020, 2025),)),
    ("法治中国建设规划", ((2020, 2025),)),
    ("八五普法规划", ((2021, 2025),)),
    ("“八五”普法规划", ((2021, 2025),)),
    ("七五普法规划", ((2016, 2020),)),
    ("“七五”普法规划", ((2016, 2020),)),
)
# A plan's years after its name, as outdated-term's patterns end (never searched alone).
RANGE = r"[（(]\s*(\d{4})\s*[—–\-－~～至到]+\s*(\d{4})\s*年?\s*[）)]"

# Plenary sessions of the 20th Central Committee by the year they were held: 一中 (2022-10),
# 二中 (2023-02), 三中 (2024-07), 四中 (2025-10). A report on year Y writes its guiding formula
# "党的二十大和二十届……全会精神" with every session held by the end of Y (or 历次全会).
SESSIONS_HELD: dict[int, int] = {2022: 1, 2023: 2, 2024: 3, 2025: 4}
SESSION_LIST = when_used(
    r"党的二十大(?:和|及|以及|、)二十届(?P<sessions>[一二三四五六七](?:中)?(?:[、和及与][一二三四五六七]中)*)全会精神"
)
