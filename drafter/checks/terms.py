"""Data: superseded regulations and terms, anachronisms and the date ranges of known plans.

One table, easy to extend: add a :class:`Term` (a regex, the years it applies to, the fix and a
severity). Years are report years: ``since=2023`` flags reports on 2023 and later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A wording that is wrong in reports of some years."""

    pattern: str
    """Regex matched on the (Traditional → Simplified mapped) text."""
    message: str
    """Chinese explanation, with the fix."""
    since: int | None = None
    """First report year the wording is outdated in (None: always)."""
    before: int | None = None
    """The wording cannot appear before this report year (an event that had not happened)."""
    severity: str = "warning"


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
    # 法制 where 法治 is meant (法制审核, 法制机构, 法制日报 stay: they are names).
    Term(
        r"法制(?:宣传|建设|教育|观念|意识|思维|政府|培训|学习|氛围|讲座|课|文化|素养|副校长|环境)",
        "这里应为“法治”（法制审核、法制机构等专有名称除外）。",
        since=2015,
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
RANGE = re.compile(r"[（(]\s*(\d{4})\s*[—–\-－~～至到]+\s*(\d{4})\s*年?\s*[）)]")
