"""The report's frame: who reports (基本信息), the opening paragraph, the shortcomings and their
rectification, next year's plans, anything else and the closing paragraph; with the defaults that
follow from who is reporting and for which year."""

from __future__ import annotations

import datetime as _dt

from drafter.questions.question import (
    AnswerLookup,
    Question,
    Section,
    items,
    longtext,
    text,
)
from drafter.questions.yearly import guiding_formula
from drafter.render.outlines import OUTLINES
from drafter.text.hanzi import is_han
from drafter.text.places import split_place
from drafter.text.units import UNIT_TYPES, government_body, guess_unit_type, words_for

# --------------------------------------------------------------------------- defaults


def _unit_type(answers: AnswerLookup) -> str:
    explicit = answers("identity.unit_type")
    if explicit in UNIT_TYPES:
        return str(explicit)
    return guess_unit_type(str(answers("identity.unit_name") or "")) or "乡"


def _county(answers: AnswerLookup) -> str:
    return str(answers("identity.county") or "").strip()


def county_name_problem(name: str) -> str | None:
    """Why a 所属县 answer is not a county-level name (None when it can be one): the name alone,
    in Chinese characters, ending with its level word. Whether the name is on the official list
    is a warning of the answers checks, since the list can lag a recent renaming."""
    if len(name) >= 2 and name[-1] in "县区市旗" and all(is_han(c) for c in name):
        return None
    return (
        f"“{name}”不是县（市、区）的名称：请只写名称，以县、市、区或旗结尾，"
        "如“尼玛县”“湟中区”；不需要县名就留空"
    )


def _default_county(answers: AnswerLookup) -> str:
    """The county a unit name starts with ("尼玛县俄久乡" → "尼玛县"), when the clerk typed it there."""
    # Imported here: the identity rules compile their patterns, which the first prompt need not wait for.

    county, unit = split_place(str(answers("identity.unit_name") or "").strip())
    if not county or not unit:
        raise ValueError("the unit name names no county")
    return county


def _superior_short(answers: AnswerLookup) -> str:
    """县 / 区 / 市 / 旗: the level word of the superior county-level body."""
    county = _county(answers)
    return county[-1] if county and county[-1] in "县区市旗" else "县"


def _default_year(_answers: AnswerLookup) -> int:
    return _dt.date.today().year - 1


def _default_addressee(answers: AnswerLookup) -> str:
    county = _county(answers)
    if not county:
        raise ValueError("no county")
    return f"中共{county}委、{county}人民政府："


def _default_signers(answers: AnswerLookup) -> list[str]:
    name = str(answers("identity.unit_name") or "").strip()
    if not name:
        raise ValueError("no unit name")
    return [government_body(name, _unit_type(answers))]


def _default_guiding(answers: AnswerLookup) -> str:
    year = answers("identity.year")
    return guiding_formula(int(year) if year else _default_year(answers))


def _default_leadership(answers: AnswerLookup) -> str:
    level = _superior_short(answers)
    return f"在{level}委、{level}政府的坚强领导下"


def _default_summary(answers: AnswerLookup) -> str:
    return f"为{words_for(_unit_type(answers)).whole}经济社会高质量发展提供了坚实的法治保障"


def _default_closing(answers: AnswerLookup) -> str:
    whole = words_for(_unit_type(answers)).whole
    return (
        "我们将以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想，坚持问题导向，"
        "补齐短板弱项，推动法治政府建设再上新台阶，"
        f"为{whole}经济社会高质量发展提供更加坚实的法治保障。"
    )


# --------------------------------------------------------------------------- sections

IDENTITY = Section(
    "identity",
    "基本信息",
    "单位名称、报告年度、主送机关、落款和日期。它们决定报告标题和全文的“乡/镇/街道”用语。",
    (
        text(
            "identity.unit_name",
            "单位全称",
            "写本乡（镇、街道）的全称，不带县名，如“俄久乡”“杂色镇”“城关街道”。"
            "名称的最后一个字决定全文用“我乡/全乡”还是“我镇/全镇”。",
            required=True,
            carry=True,
            example="俄久乡",
        ),
        Question(
            "identity.unit_type",
            "单位类型",
            "choice",
            "乡、镇、街道或苏木。决定报告里所有的“我乡/全镇/街道党工委”等用语，一般与名称最后的字相同。",
            choices=UNIT_TYPES,
            default_fn=_unit_type,
            required=True,
            carry=True,
        ),
        text(
            "identity.county",
            "所属县（市、区）",
            "如“尼玛县”“湟中区”。用于标题和主送机关；不填则标题不带县名。",
            default_fn=_default_county,
            carry=True,
            example="尼玛县",
            validator=county_name_problem,
        ),
        Question(
            "identity.county_in_title",
            "标题是否冠县名",
            "bool",
            "选“是”时标题为“尼玛县俄久乡2024年度法治政府建设情况报告”，选“否”则不带县名。",
            default=True,
            carry=True,
        ),
        Question(
            "identity.year",
            "报告年度",
            "year",
            "报告的是哪一年的工作（一般是上一年）。标题、开头和“下一年度安排”的年份都由它推出。",
            ge=2000,
            le=2100,
            default_fn=_default_year,
            required=True,
            build_default=False,
        ),
        text(
            "identity.title",
            "报告标题（原报告的写法）",
            "导入的报告有自己的标题写法（如“某某镇人民政府关于2024年度法治政府建设情况的报告”）时保留"
            "在这里，明年自动换成新的年度；清空则用标准写法“俄久乡2024年度法治政府建设情况报告”。",
            carry=True,
        ),
        text(
            "identity.addressee",
            "主送机关",
            "报告送给谁，以全角冒号结尾，如“中共尼玛县委、尼玛县人民政府：”。"
            "留空则按所属县生成；县里通知不要求写主送机关就填“无”。",
            default_fn=_default_addressee,
            carry=True,
        ),
        Question(
            "identity.signers",
            "落款单位",
            "list",
            "报告末尾的署名，一行一个。党委、政府联合报告时写两行，如“中共俄久乡委员会”“俄久乡人民政府”。",
            default_fn=_default_signers,
            carry=True,
            required=True,
        ),
        Question(
            "identity.date",
            "成文日期",
            "date",
            "落款下面的日期，写成“2025年1月15日”（不加 0，不写“01月”）。"
            "不填则日期行留出月、日（如“2025年　　月　　日”），打印后手写。",
            example="2025年1月15日",
        ),
        Question(
            "identity.outline",
            "报告结构",
            "choice",
            "按县里通知要求的顺序选择。规定顺序适用于大多数县；有的县要求第一责任人履职情况放在最前；"
            "也有的县用三段式。",
            choices=tuple(OUTLINES),
            choice_labels=tuple(OUTLINES.values()),
            default="regulation",
            carry=True,
        ),
    ),
)

OPENING = Section(
    "opening",
    "开头段",
    "报告第一段：在谁的领导下、以什么为指导、做了什么、总体成效。年份有关的提法按年度给出默认值，可以修改。",
    (
        longtext(
            "opening.text",
            "开头段原文",
            "导入去年的报告时保留的开头段原文，报告照原文印出，不另加句子（原文没有“现将……报告如下”也不补）。"
            "填了这一项，下面的领导表述、指导思想、工作主线、总体成效就不再使用；清空它则按那四项组成开头段。",
        ),
        text(
            "opening.leadership",
            "领导表述",
            "如“在县委、县政府的坚强领导下”。",
            default_fn=_default_leadership,
            carry=True,
        ),
        longtext(
            "opening.guiding",
            "指导思想",
            "按报告年度给出的默认提法（2024年度：党的二十大和二十届二中、三中全会精神；"
            "2025年度加上二十届四中全会）。以后年度请按上级最新文件确认。",
            default_fn=_default_guiding,
        ),
        longtext(
            "opening.goal",
            "工作主线",
            "一句话说明全年围绕什么推进法治政府建设，如“紧紧围绕县委、县政府安排部署，扎实推进法治政府建设各项工作”。",
            default="紧紧围绕上级关于法治政府建设的决策部署，扎实推进法治政府建设各项工作",
            carry=True,
            # Offered in the questionnaire; a build never writes it for the user.
            build_default=False,
        ),
        longtext(
            "opening.summary",
            "总体成效",
            "一句话说明总体效果，如“为全乡经济社会发展提供了坚实的法治保障”。",
            default_fn=_default_summary,
            carry=True,
            build_default=False,
        ),
    ),
)

OPENING_CLAUSES = frozenset(
    {"opening.leadership", "opening.guiding", "opening.goal", "opening.summary"}
)
"""The clauses a typed opening is made of. An imported opening's own words (``opening.text``)
replace them: then they are neither asked, printed nor checked."""

PROBLEMS = Section(
    "problems",
    "存在的不足和原因",
    "本年度法治政府建设存在的不足，以及原因。",
    (
        items(
            "problems.items",
            "存在的不足",
            "每一条写一个不足：小标题概括问题（如“法治意识有待进一步提高”），内容写具体表现。",
            carry=False,
            headings=(
                "法治意识有待进一步提高",
                "行政执法水平有待进一步提升",
                "法治宣传教育效果有待进一步增强",
                "矛盾纠纷化解机制有待进一步完善",
                "法治建设基础工作有待进一步加强",
            ),
        ),
        longtext(
            "problems.causes",
            "原因分析",
            "报告必须写明不足的原因（《法治政府建设与责任落实督察工作规定》）：一段话说明产生上面这些"
            "不足的原因，如人员力量、经费保障、学习培训等方面。不填，报告里这里显示“【待补充：产生上述不足的原因】”。",
        ),
    ),
)

RECTIFICATION = Section(
    "rectification",
    "整改情况",
    "对上一年度报告中提出的问题，本年度的整改情况。",
    (
        items(
            "rectification.items",
            "整改情况",
            "每一条对应一个以前发现的问题：小标题写问题或措施，内容写怎么整改、效果如何。",
            carry=False,
        ),
    ),
)

PLANS = Section(
    "plans",
    "下一年度安排",
    "下一年度推进法治政府建设的主要安排。明年它们会回来问“落实得怎样”。",
    (
        items(
            "plans.items",
            "下一年度工作安排",
            "每一条写一项安排：小标题写做什么（如“进一步提升行政执法水平”），内容写怎么做。",
            carry=False,
            headings=(
                "进一步提高法治意识",
                "进一步提升行政执法水平",
                "进一步增强法治宣传教育效果",
                "进一步完善矛盾纠纷化解机制",
                "进一步加强法治政府建设考核评价",
            ),
        ),
    ),
)

OTHER = Section(
    "other",
    "其他需要报告的情况",
    "县里要求报告的其他事项。没有可以不填，报告里就不出现这一部分。",
    (longtext("other.text", "其他需要报告的情况", "没有就留空。"),),
)

CLOSING = Section(
    "closing",
    "结尾段",
    "报告最后一段：总结和表态。",
    (
        longtext(
            "closing.text",
            "结尾段",
            "一段话总结全年工作、表明下一步决心。",
            default_fn=_default_closing,
            carry=True,
            build_default=False,
        ),
    ),
)
