"""What a passage of a report is about: the catalogue's topics (组织领导, 学法, 普法 …) and the
words that say each one, read from real reports.

The importer weighs them to tell which topic an item of the measures is about
(:mod:`drafter.importer.classify`); a draft uses them to tell which measure a figure belongs to
(:mod:`drafter.render.homes`)."""

from __future__ import annotations

from drafter.text.hanzi import when_used
from drafter.text.numbers import for_matching

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
"""The topics of the measures, in the catalogue's order (each a section of the catalogue)."""

# The verbs a heading of this genre starts with (加强……, 推进……, 坚持……): what makes a short line
# a heading phrase (the checks' heading-echo, run-on and part heading without its 、 share them),
# and a part titled by a theme a part of the measures (the importer's classify).
HEADING_VERBS = (
    "加强|强化|完善|健全|推进|推动|深化|规范|落实|严格|坚持|提升|提高|创新|开展|抓好|做好|夯实|筑牢|"
    "构建|建立|优化|拓展|依法|全面|切实|持续|积极|大力|扎实|着力|聚焦|注重|突出|狠抓|统筹|压实|织密|"
    "打造|营造|深入|不断|狠抓|畅通|拓宽|压紧|从严|精准|广泛"
)
HEADING_VERB = when_used(rf"(?:{HEADING_VERBS})")
"""One of :data:`HEADING_VERBS` (``HEADING_VERB().match(text)``: does ``text`` start with one),
compiled on first use."""

TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "organisation": ("组织领导", "组织保障", "领导小组", "领导机制", "领导体制", "工作机制", "责任", "考核", "工作方案", "工作计划", "工作要点", "议事日程", "制度体系", "政治站位", "高位推动", "统筹", "党的领导", "党对", "督察", "督查", "示范创建"),
    "study": ("学法", "学习", "中心组", "述法", "考试", "讲座", "法治思维", "法治素养", "培训学习", "用法", "旁听庭审", "依法行政能力"),
    "publicity": ("普法", "宣传", "法治文化", "宣讲", "法律明白人", "八五", "法治意识", "咨询", "宣传教育", "法治氛围", "以案释法", "民法典", "谁执法谁普法"),
    "decision": ("决策", "法律顾问", "合法性审查", "合法性审核", "三重一大", "集体讨论", "规范性文件", "民主集中制", "风险评估", "专家论证", "公众参与", "合同"),
    "enforcement": ("执法", "行政处罚", "三项制度", "执法证", "执法人员", "监督检查", "行政许可", "综合执法"),
    "review": ("行政复议", "行政诉讼", "应诉", "出庭"),
    "disputes": ("调解", "纠纷", "矛盾", "枫桥", "化解", "调处", "排查", "综治", "平安建设"),
    "petitions": ("信访", "来访", "来信", "接访", "积案", "12345", "热线", "诉求"),
    "openness": ("政务公开", "信息公开", "公开", "监督", "阳光", "村务", "制约", "权力运行"),
    "highlights": ("荣获", "荣誉", "称号", "特色", "边界", "草原", "林草", "通用语言", "民族团结", "生态", "品牌", "亮点"),
    "first_duty": ("第一责任人", "主要负责人", "党政主要负责", "主要负责同志"),
}  # fmt: skip


def about_first_duty(heading: str) -> bool:
    """A heading about the leaders' own duty (落实第一责任人职责, 主要负责人履职……)."""
    return any(word in for_matching(heading) for word in TOPIC_WORDS["first_duty"])
