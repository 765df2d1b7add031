"""The question catalogue: one source of truth per question.

Each :class:`Question` carries its key, section, Chinese label, help, type, unit word, bounds,
default and whether it carries over to next year. The questionnaire's prompts, the model's
validation, the answers file's comments and the template variables all follow from it.

Keys are ``section.field``; the answers file nests them the same way.
This module imports nothing heavy, so ``drafter --help`` and the first prompt stay fast.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from drafter.outlines import OUTLINES
from drafter.units import UNIT_TYPES, government_body, guess_unit_type, words_for
from drafter.yearly import guiding_formula

Kind = Literal["text", "longtext", "choice", "year", "date", "bool", "figure", "items", "list"]

# Answers seen so far, as nested plain data ({"identity": {"unit_name": …}}).
AnswerData = Mapping[str, Any]
DefaultFn = Callable[[AnswerData], Any]


@dataclass(frozen=True)
class Question:
    """One question of the catalogue."""

    key: str
    label: str
    kind: Kind
    help: str = ""
    unit: str = ""
    ge: int | None = None
    le: int | None = None
    default: Any = None
    default_fn: DefaultFn | None = None
    carry: bool = False
    """Carried over to next year's answers as a default the user confirms."""
    required: bool = False
    build_default: bool = True
    """Whether a build may fill the default in when the answer is empty (not for the year)."""
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    part_of: str | None = None
    """Key of the whole this figure is part of (resolved ≤ received)."""
    cumulative: bool = False
    """A standing count (法律明白人, 调解组织) that should not go down from one year to the next."""
    source: str = ""
    """Where the figure usually comes from (司法所台账 …)."""
    example: str = ""
    """An example sentence from a real report."""
    headings: tuple[str, ...] = ()
    """Common item headings for lists of items, taken from real reports."""

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]

    def default_for(self, answers: AnswerData) -> Any:
        """The default shown to the user, given the answers so far."""
        if self.default_fn is not None:
            try:
                return self.default_fn(answers)
            except (KeyError, TypeError, ValueError):
                return self.default
        return self.default

    @property
    def comment(self) -> str:
        """The label comment written above the key in the answers file."""
        text = self.label
        if self.unit:
            text += f"（单位：{self.unit}）"
        if self.kind == "figure":
            text += "；约数写成 1500余，不报告就留空"
        return text


@dataclass(frozen=True)
class Rate:
    """A rate derived from two counts, never typed."""

    key: str
    label: str
    part: str
    whole: str


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    intro: str
    questions: tuple[Question, ...] = field(default_factory=tuple)


def _get(answers: AnswerData, key: str) -> Any:
    section, name = key.split(".", 1)
    value = answers.get(section, {})
    return value.get(name) if isinstance(value, Mapping) else None


def _unit_type(answers: AnswerData) -> str:
    explicit = _get(answers, "identity.unit_type")
    if explicit in UNIT_TYPES:
        return str(explicit)
    return guess_unit_type(str(_get(answers, "identity.unit_name") or "")) or "乡"


def _county(answers: AnswerData) -> str:
    return str(_get(answers, "identity.county") or "").strip()


def _superior_short(answers: AnswerData) -> str:
    """县 / 区 / 市 / 旗: the level word of the superior county-level body."""
    county = _county(answers)
    return county[-1] if county and county[-1] in "县区市旗" else "县"


def _default_year(_answers: AnswerData) -> int:
    return _dt.date.today().year - 1


def _default_addressee(answers: AnswerData) -> str:
    county = _county(answers)
    if not county:
        raise ValueError("no county")
    return f"中共{county}委、{county}人民政府："


def _default_signers(answers: AnswerData) -> list[str]:
    name = str(_get(answers, "identity.unit_name") or "").strip()
    if not name:
        raise ValueError("no unit name")
    return [government_body(name, _unit_type(answers))]


def _default_guiding(answers: AnswerData) -> str:
    year = _get(answers, "identity.year")
    return guiding_formula(int(year) if year else _default_year(answers))


def _default_leadership(answers: AnswerData) -> str:
    level = _superior_short(answers)
    return f"在{level}委、{level}政府的坚强领导下"


def _default_summary(answers: AnswerData) -> str:
    return f"为{words_for(_unit_type(answers)).whole}经济社会高质量发展提供了坚实的法治保障"


def _default_closing(answers: AnswerData) -> str:
    whole = words_for(_unit_type(answers)).whole
    return (
        "我们将以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想，坚持问题导向，"
        "补齐短板弱项，推动法治政府建设再上新台阶，"
        f"为{whole}经济社会高质量发展提供更加坚实的法治保障。"
    )


def _text(key: str, label: str, help: str = "", **kw: Any) -> Question:
    return Question(key, label, "text", help, **kw)


def _long(key: str, label: str, help: str = "", **kw: Any) -> Question:
    return Question(key, label, "longtext", help, **kw)


def _fig(key: str, label: str, unit: str, help: str = "", **kw: Any) -> Question:
    return Question(key, label, "figure", help, unit=unit, ge=0, le=1_000_000, **kw)


def _items(key: str, label: str, help: str = "", **kw: Any) -> Question:
    kw.setdefault("carry", True)
    return Question(key, label, "items", help, **kw)


def _topic_title(key: str, default: str) -> Question:
    return _text(
        key,
        "本部分小标题",
        "写进报告的（一）（二）级小标题，一句话概括本方面工作，以“。”结尾或不加标点均可。",
        default=default,
        carry=True,
    )


ITEM_HELP = (
    "每一条是一项具体措施：先写一个简短的小标题（如“健全领导机制”），再写内容（做了什么、怎么做的、效果如何）。"
    "报告里会按“一是……二是……”排列，编号由程序生成，不用自己写。"
)

SECTIONS: tuple[Section, ...] = (
    Section(
        "identity",
        "基本信息",
        "单位名称、报告年度、主送机关、落款和日期。它们决定报告标题和全文的“乡/镇/街道”用语。",
        (
            _text(
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
            _text(
                "identity.county",
                "所属县（市、区）",
                "如“尼玛县”“湟中区”。用于标题和主送机关；不填则标题不带县名。",
                carry=True,
                example="尼玛县",
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
            _text(
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
    ),
    Section(
        "opening",
        "开头段",
        "报告第一段：在谁的领导下、以什么为指导、做了什么、总体成效。年份有关的提法按年度给出默认值，可以修改。",
        (
            _long(
                "opening.text",
                "开头段原文",
                "导入去年的报告时保留的开头段原文，报告照原文印出（没有“现将……报告如下”时补上这一句）。"
                "填了这一项，下面的领导表述、指导思想、工作主线、总体成效就不再使用；清空它则按那四项组成开头段。",
            ),
            _text(
                "opening.leadership",
                "领导表述",
                "如“在县委、县政府的坚强领导下”。",
                default_fn=_default_leadership,
                carry=True,
            ),
            _long(
                "opening.guiding",
                "指导思想",
                "按报告年度给出的默认提法（2024年度：党的二十大和二十届二中、三中全会精神；"
                "2025年度加上二十届四中全会）。以后年度请按上级最新文件确认。",
                default_fn=_default_guiding,
            ),
            _long(
                "opening.goal",
                "工作主线",
                "一句话说明全年围绕什么推进法治政府建设，如“紧紧围绕县委、县政府安排部署，扎实推进法治政府建设各项工作”。",
                default="紧紧围绕上级关于法治政府建设的决策部署，扎实推进法治政府建设各项工作",
                carry=True,
                # Offered in the questionnaire; a build never writes it for the user.
                build_default=False,
            ),
            _long(
                "opening.summary",
                "总体成效",
                "一句话说明总体效果，如“为全乡经济社会发展提供了坚实的法治保障”。",
                default_fn=_default_summary,
                carry=True,
                build_default=False,
            ),
        ),
    ),
    Section(
        "organisation",
        "组织领导",
        "法治政府建设领导小组、工作方案和考核等。",
        (
            _topic_title("organisation.title", "加强组织领导，健全法治政府建设工作机制"),
            _text(
                "organisation.leading_group",
                "领导小组组成",
                "如“乡党委书记、乡长任双组长”。不填则不写这一句。",
                carry=True,
                example="成立由乡党委书记、乡长任双组长的法治政府建设领导小组",
            ),
            _text(
                "organisation.work_plan",
                "年度工作方案（文件名）",
                "本年度制定的法治政府建设工作方案或要点的名称，带书名号，如《俄久乡2024年法治政府建设工作方案》。",
            ),
            _items(
                "organisation.measures",
                "组织领导方面的具体措施",
                ITEM_HELP,
                headings=("健全领导机制", "完善制度体系", "压实工作责任", "强化督查考核"),
            ),
        ),
    ),
    Section(
        "study",
        "学法用法",
        "党委理论学习中心组学法、干部集中学法、法律知识考试和专题讲座。",
        (
            _topic_title("study.title", "强化领导干部学法用法，提升依法行政能力"),
            _fig(
                "study.center_group",
                "党委理论学习中心组学法",
                "次",
                "党委理论学习中心组把法律法规作为学习内容的次数。",
                source="党政办中心组学习记录",
                example="全年党委理论学习中心组学法6次。",
            ),
            _fig(
                "study.cadre_sessions",
                "干部集中学法",
                "次",
                "组织机关干部、村干部集中学习法律法规的次数（不含中心组）。",
                source="党政办会议记录、学习台账",
                example="乡村干部集中学习重要法律法规70余次。",
            ),
            _fig(
                "study.lectures",
                "法治专题讲座",
                "场",
                "邀请法律顾问、司法所等举办的法治专题讲座场数。",
                source="司法所台账",
                example="举办专题讲座4场。",
            ),
            _fig(
                "study.exams",
                "法律知识考试",
                "次",
                "组织领导干部、机关干部参加法律知识考试的次数（含任前考法）。",
                source="组织办、司法所台账",
                example="组织领导干部法律知识考试2次。",
            ),
            _fig(
                "study.exam_participants",
                "参加考试人次",
                "人次",
                "参加法律知识考试的总人次。",
                source="考试签到表",
                example="组织参加学习考试240人次。",
            ),
            _fig(
                "study.exam_passed",
                "考试合格人次",
                "人次",
                "考试合格的人次，用于计算合格率（不能多于参加考试人次）。",
                part_of="study.exam_participants",
                source="考试成绩表",
            ),
            _items(
                "study.measures",
                "学法用法方面的具体措施",
                ITEM_HELP,
                headings=(
                    "强化领导干部学法用法",
                    "落实中心组学法制度",
                    "开展集中学法",
                    "落实述职述法制度",
                ),
            ),
        ),
    ),
    Section(
        "publicity",
        "普法宣传",
        "普法宣传活动、宣传资料、法律咨询、法律明白人和法治文化阵地。",
        (
            _topic_title("publicity.title", "加强法治宣传教育，营造良好法治氛围"),
            _fig(
                "publicity.activities",
                "普法宣传活动",
                "场次",
                "全年开展法治宣传活动的场次，含“3·15”“4·15”“6·26”“12·4”等节点活动和进村宣讲。",
                source="司法所普法台账",
                example="全年共开展各类普法宣传活动30场次。",
            ),
            _fig(
                "publicity.materials",
                "发放宣传资料",
                "份",
                "发放的宣传资料、宣传品份数。",
                source="司法所普法台账",
                example="发放宣传资料1500余份。",
            ),
            _fig(
                "publicity.consultations",
                "解答法律咨询",
                "人次",
                "现场或电话解答群众法律咨询的人次。",
                source="司法所、公共法律服务站登记表",
                example="解答群众法律咨询850余人次。",
            ),
            _fig(
                "publicity.audience",
                "受教育群众",
                "人次",
                "参加或受益于普法活动的群众人次。",
                source="活动签到表",
                example="受益人数6000余人次。",
            ),
            _fig(
                "publicity.legal_understanders",
                "“法律明白人”",
                "名",
                "已培养的“法律明白人”人数（累计数）。",
                source="司法所名册",
                cumulative=True,
                example="培养“法律明白人”124名。",
            ),
            _items(
                "publicity.measures",
                "普法宣传方面的具体措施",
                ITEM_HELP,
                headings=(
                    "深入开展法治宣传活动",
                    "加强法治文化建设",
                    "落实“谁执法谁普法”责任制",
                    "培育“法律明白人”",
                    "深入实施“八五”普法规划",
                ),
            ),
        ),
    ),
    Section(
        "decision",
        "依法决策",
        "重大行政决策、合法性审查、法律顾问和规范性文件。",
        (
            _topic_title("decision.title", "坚持依法科学民主决策，提高依法决策水平"),
            _fig(
                "decision.major_decisions",
                "重大行政决策",
                "项",
                "按法定程序作出的重大行政决策项数。",
                source="党政办会议纪要",
                example="全年共作出重大行政决策1项，均严格按照程序进行。",
            ),
            _fig(
                "decision.legality_reviews",
                "合法性审查",
                "件",
                "提交合法性审查的文件、合同、决策事项件数。",
                source="司法所、法律顾问审查记录",
            ),
            _fig(
                "decision.legal_advisers",
                "法律顾问",
                "名",
                "聘请的法律顾问人数。",
                source="法律顾问聘用合同",
                cumulative=True,
            ),
            _fig(
                "decision.normative_documents",
                "制发规范性文件",
                "件",
                "本年度以本级名义制发的行政规范性文件件数。没有制发就填 0，报告会写“未制发行政规范性文件”。",
                source="党政办发文登记",
            ),
            _items(
                "decision.measures",
                "依法决策方面的具体措施",
                ITEM_HELP,
                headings=(
                    "严格执行重大行政决策程序",
                    "落实“三重一大”集体决策制度",
                    "发挥法律顾问作用",
                    "加强规范性文件管理",
                ),
            ),
        ),
    ),
    Section(
        "enforcement",
        "行政执法",
        "执法人员、执法培训、行政处罚和执法监督。",
        (
            _topic_title("enforcement.title", "规范行政执法，提升行政执法公信力"),
            _fig(
                "enforcement.officers",
                "持证执法人员",
                "名",
                "持有行政执法证件的人员数。",
                source="司法所执法人员名册",
                cumulative=True,
            ),
            _fig(
                "enforcement.trainings",
                "执法培训",
                "次",
                "组织或参加行政执法人员培训的次数。",
                source="培训通知、签到表",
                example="全年共进行培训4次。",
            ),
            _fig(
                "enforcement.trainees",
                "参加执法培训",
                "人次",
                "参加执法培训的人次。",
                source="培训签到表",
            ),
            _fig(
                "enforcement.penalty_cases",
                "行政处罚案件",
                "件",
                "本级办理的行政处罚案件件数。没有就填 0。",
                source="综合行政执法队台账",
            ),
            _items(
                "enforcement.measures",
                "行政执法方面的具体措施",
                ITEM_HELP,
                headings=(
                    "加强行政执法监督",
                    "落实行政执法“三项制度”",
                    "加大重点领域执法检查力度",
                    "加强执法队伍建设",
                ),
            ),
        ),
    ),
    Section(
        "review",
        "行政复议与行政诉讼",
        "行政复议、行政诉讼案件和负责人出庭应诉。没有案件请填 0，报告会如实写明。",
        (
            _topic_title("review.title", "依法做好行政复议和行政应诉工作"),
            _fig(
                "review.reconsiderations",
                "行政复议案件",
                "件",
                "以本级政府为被申请人的行政复议案件件数。没有就填 0。",
                source="党政办、司法所案件登记",
                example="今年以来我乡无行政复议答复和行政诉讼应诉案件。",
            ),
            _fig(
                "review.lawsuits",
                "行政诉讼案件",
                "件",
                "以本级政府为被告的行政诉讼案件件数。没有就填 0。",
                source="党政办、司法所案件登记",
            ),
            _fig(
                "review.lost",
                "败诉或被纠错案件",
                "件",
                "行政诉讼败诉、行政复议被纠错的件数（不能多于案件数）。",
                source="判决书、复议决定书",
            ),
            _fig(
                "review.appearances",
                "负责人出庭应诉",
                "次",
                "行政机关负责人出庭应诉的次数。",
                source="庭审记录",
            ),
            _items(
                "review.measures",
                "复议应诉方面的具体措施",
                ITEM_HELP,
                carry=True,
                headings=("落实行政机关负责人出庭应诉制度", "认真做好行政复议答复"),
            ),
        ),
    ),
    Section(
        "disputes",
        "矛盾纠纷化解",
        "调解组织、调解员、矛盾纠纷排查和调解。调解成功率由程序根据件数算出，不用填。",
        (
            _topic_title("disputes.title", "依法化解矛盾纠纷，维护社会和谐稳定"),
            _fig(
                "disputes.organisations",
                "调解组织",
                "个",
                "人民调解委员会等调解组织个数（累计数）。",
                source="司法所调解组织名册",
                cumulative=True,
                example="健全村级调解组织7个。",
            ),
            _fig(
                "disputes.mediators",
                "人民调解员",
                "名",
                "人民调解员人数（累计数）。",
                source="司法所调解员名册",
                cumulative=True,
                example="调解员71名。",
            ),
            _fig(
                "disputes.screenings",
                "矛盾纠纷排查",
                "次",
                "开展矛盾纠纷排查的次数。",
                source="综治中心排查台账",
                example="累计排查矛盾纠纷90余次。",
            ),
            _fig(
                "disputes.mediated",
                "调解矛盾纠纷",
                "件",
                "全年受理调解的矛盾纠纷件数。",
                source="人民调解台账",
                example="全年各类调解组织共调解矛盾纠纷5件。",
            ),
            _fig(
                "disputes.resolved",
                "调解成功",
                "件",
                "其中调解成功的件数（不能多于调解件数），用于计算调解成功率。",
                source="人民调解台账",
                part_of="disputes.mediated",
            ),
            _items(
                "disputes.measures",
                "矛盾纠纷化解方面的具体措施",
                ITEM_HELP,
                headings=(
                    "完善矛盾纠纷多元化解机制",
                    "坚持和发展新时代“枫桥经验”",
                    "加强人民调解组织建设",
                    "常态化开展矛盾纠纷排查",
                ),
            ),
        ),
    ),
    Section(
        "petitions",
        "信访工作",
        "信访事项受理、办结、积案化解和12345热线。办结率由程序根据件数算出，不用填。",
        (
            _topic_title("petitions.title", "推进信访工作法治化，依法维护群众合法权益"),
            _fig(
                "petitions.received",
                "受理信访事项",
                "件",
                "全年受理的群众来信、来访、网上信访事项件数。",
                source="信访办登记台账",
                example="共受理信访件189件。",
            ),
            _fig(
                "petitions.resolved",
                "办结信访事项",
                "件",
                "其中已办结的件数（不能多于受理件数），用于计算办结率。",
                source="信访办登记台账",
                part_of="petitions.received",
                example="其中已处理解决173件。",
            ),
            _fig(
                "petitions.backlog_resolved",
                "化解信访积案",
                "件",
                "化解的信访积案件数。",
                source="信访办积案台账",
                example="化解信访积案4件。",
            ),
            _fig(
                "petitions.hotline",
                "办理12345热线工单",
                "件",
                "办理的12345政务服务便民热线工单件数。",
                source="热线工单系统",
            ),
            _items(
                "petitions.measures",
                "信访工作方面的具体措施",
                ITEM_HELP,
                headings=(
                    "严格落实《信访工作条例》",
                    "落实领导干部接访下访制度",
                    "推进信访积案化解",
                ),
            ),
        ),
    ),
    Section(
        "openness",
        "政务公开与监督",
        "政务公开、村务公开、对行政权力的监督。",
        (
            _topic_title("openness.title", "推行政务公开，自觉接受监督"),
            _fig(
                "openness.disclosures",
                "主动公开政府信息",
                "条",
                "通过公开栏、网站等主动公开的政府信息条数。",
                source="政务公开台账",
            ),
            _items(
                "openness.measures",
                "政务公开与监督方面的具体措施",
                ITEM_HELP,
                headings=("切实抓好政务公开", "推进村务公开", "自觉接受各方面监督"),
            ),
        ),
    ),
    Section(
        "highlights",
        "荣誉和特色工作",
        "本年度获得的荣誉和本单位自己的特色工作（没有可以不写）。",
        (
            _topic_title("highlights.title", "立足实际创特色，法治建设取得新成效"),
            Question(
                "highlights.honours",
                "获得的荣誉",
                "list",
                "一行一项，写成完整的一句，如“乡派出所获得‘全区优秀基层单位’称号”。",
                example="杂色镇司法所荣获市级普法一等奖。",
            ),
            _items(
                "highlights.specialities",
                "特色工作",
                ITEM_HELP,
                headings=("推进边界联防联调", "加强草原生态保护", "开展国家通用语言文字培训"),
            ),
        ),
    ),
    Section(
        "first_duty",
        "第一责任人职责",
        "党政主要负责人履行推进法治建设第一责任人职责的情况。姓名可以不填。",
        (
            _topic_title("first_duty.title", "党政主要负责人切实履行推进法治建设第一责任人职责"),
            _text(
                "first_duty.secretary_name",
                "党委书记姓名（可不填）",
                "填写后报告写“党委书记XXX”，不填只写职务。",
            ),
            _text(
                "first_duty.head_name",
                "乡（镇）长或街道办事处主任姓名（可不填）",
                "填写后报告写“乡长XXX”，不填只写职务。",
            ),
            _fig(
                "first_duty.meetings",
                "主持召开法治建设专题会议",
                "次",
                "党政主要负责人主持召开的研究法治建设的专题会议次数。",
                source="党政办会议纪要",
                example="全年召开2次专题会议研究部署法治工作。",
            ),
            _fig(
                "first_duty.reports_heard",
                "听取法治建设工作汇报",
                "次",
                "党委、政府听取法治建设工作汇报的次数。",
                source="党政办会议纪要",
                example="听取法治汇报2次。",
            ),
            _items(
                "first_duty.duties",
                "履职情况",
                ITEM_HELP,
                headings=(
                    "加强组织领导，落实法治建设责任",
                    "坚持依法决策，提高决策质量",
                    "带头尊法学法守法用法",
                    "强化行政执法监督",
                    "推动法治宣传教育",
                    "依法化解矛盾纠纷",
                ),
            ),
        ),
    ),
    Section(
        "problems",
        "存在的不足和原因",
        "本年度法治政府建设存在的不足，以及原因。",
        (
            _items(
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
            _long(
                "problems.causes",
                "原因分析",
                "一段话说明产生这些不足的原因，如人员力量、经费保障、学习培训等方面。",
            ),
        ),
    ),
    Section(
        "rectification",
        "整改情况",
        "对上一年度报告中提出的问题，本年度的整改情况。",
        (
            _items(
                "rectification.items",
                "整改情况",
                "每一条对应一个以前发现的问题：小标题写问题或措施，内容写怎么整改、效果如何。",
                carry=False,
            ),
        ),
    ),
    Section(
        "plans",
        "下一年度安排",
        "下一年度推进法治政府建设的主要安排。明年它们会回来问“落实得怎样”。",
        (
            _items(
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
    ),
    Section(
        "other",
        "其他需要报告的情况",
        "县里要求报告的其他事项。没有可以不填，报告里就不出现这一部分。",
        (_long("other.text", "其他需要报告的情况", "没有就留空。"),),
    ),
    Section(
        "closing",
        "结尾段",
        "报告最后一段：总结和表态。",
        (
            _long(
                "closing.text",
                "结尾段",
                "一段话总结全年工作、表明下一步决心。",
                default_fn=_default_closing,
                carry=True,
                build_default=False,
            ),
        ),
    ),
)

RATES: tuple[Rate, ...] = (
    Rate("study.pass_rate", "考试合格率", "study.exam_passed", "study.exam_participants"),
    Rate("disputes.success_rate", "调解成功率", "disputes.resolved", "disputes.mediated"),
    Rate("petitions.resolve_rate", "办结率", "petitions.resolved", "petitions.received"),
)

QUESTIONS: dict[str, Question] = {q.key: q for s in SECTIONS for q in s.questions}
SECTION_BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}


def iter_questions() -> Iterator[Question]:
    for section in SECTIONS:
        yield from section.questions


def figure_questions() -> list[Question]:
    return [q for q in iter_questions() if q.kind == "figure"]


def get_answer(answers: AnswerData, key: str) -> Any:
    """The raw answer at a ``section.field`` key, or None."""
    return _get(answers, key)
