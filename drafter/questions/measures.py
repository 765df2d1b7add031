"""The year's work, one section per area a report accounts for (组织领导 … 第一责任人职责): the
figures a reviewer looks for, with their units, and the measures as items (小标题 + 内容)."""

from __future__ import annotations

from drafter.questions.question import Question, Section, figure, items, text, topic_title

ITEM_HELP = (
    "每一条是一项具体措施：先写一个简短的小标题（如“健全领导机制”），再写内容（做了什么、怎么做的、效果如何）。"
    "报告里会按“一是……二是……”排列，编号由程序生成，不用自己写。"
)

ORGANISATION = Section(
    "organisation",
    "组织领导",
    "法治政府建设领导小组、工作方案和考核等。",
    (
        topic_title("organisation.title", "加强组织领导，健全法治政府建设工作机制"),
        text(
            "organisation.leading_group",
            "领导小组组成",
            "如“乡党委书记、乡长任双组长”。不填则不写这一句。",
            carry=True,
            example="成立由乡党委书记、乡长任双组长的法治政府建设领导小组",
        ),
        text(
            "organisation.work_plan",
            "年度工作方案（文件名）",
            "本年度制定的法治政府建设工作方案或要点的名称，带书名号，如《俄久乡2024年法治政府建设工作方案》。",
        ),
        items(
            "organisation.measures",
            "组织领导方面的具体措施",
            ITEM_HELP,
            headings=("健全领导机制", "完善制度体系", "压实工作责任", "强化督查考核"),
        ),
    ),
)

STUDY = Section(
    "study",
    "学法用法",
    "党委理论学习中心组学法、干部集中学法、法律知识考试和专题讲座。",
    (
        topic_title("study.title", "强化领导干部学法用法，提升依法行政能力"),
        figure(
            "study.center_group",
            "党委理论学习中心组学法",
            "次",
            "党委理论学习中心组把法律法规作为学习内容的次数。",
            source="党政办中心组学习记录",
            example="全年党委理论学习中心组学法6次。",
        ),
        figure(
            "study.cadre_sessions",
            "干部集中学法",
            "次",
            "组织机关干部、村干部集中学习法律法规的次数（不含中心组）。",
            source="党政办会议记录、学习台账",
            example="乡村干部集中学习重要法律法规70余次。",
        ),
        figure(
            "study.lectures",
            "法治专题讲座",
            "场",
            "邀请法律顾问、司法所等举办的法治专题讲座场数。",
            source="司法所台账",
            example="举办专题讲座4场。",
        ),
        figure(
            "study.exams",
            "法律知识考试",
            "次",
            "组织领导干部、机关干部参加法律知识考试的次数（含任前考法）。",
            source="组织办、司法所台账",
            example="组织领导干部法律知识考试2次。",
        ),
        figure(
            "study.exam_participants",
            "参加考试人次",
            "人次",
            "参加法律知识考试的总人次。",
            source="考试签到表",
            example="组织参加学习考试240人次。",
        ),
        figure(
            "study.exam_passed",
            "考试合格人次",
            "人次",
            "考试合格的人次，用于计算合格率（不能多于参加考试人次）。",
            part_of="study.exam_participants",
            source="考试成绩表",
        ),
        items(
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
)

PUBLICITY = Section(
    "publicity",
    "普法宣传",
    "普法宣传活动、宣传资料、法律咨询、法律明白人和法治文化阵地。",
    (
        topic_title("publicity.title", "加强法治宣传教育，营造良好法治氛围"),
        figure(
            "publicity.activities",
            "普法宣传活动",
            "场次",
            "全年开展法治宣传活动的场次，含“3·15”“4·15”“6·26”“12·4”等节点活动和进村宣讲。",
            source="司法所普法台账",
            example="全年共开展各类普法宣传活动30场次。",
        ),
        figure(
            "publicity.materials",
            "发放宣传资料",
            "份",
            "发放的宣传资料、宣传品份数。",
            source="司法所普法台账",
            example="发放宣传资料1500余份。",
        ),
        figure(
            "publicity.consultations",
            "解答法律咨询",
            "人次",
            "现场或电话解答群众法律咨询的人次。",
            source="司法所、公共法律服务站登记表",
            example="解答群众法律咨询850余人次。",
        ),
        figure(
            "publicity.audience",
            "受教育群众",
            "人次",
            "参加或受益于普法活动的群众人次。",
            source="活动签到表",
            example="受益人数6000余人次。",
        ),
        figure(
            "publicity.legal_understanders",
            # No quotation marks in a field's name: every message that names a field quotes it
            # ("“法律明白人”必须填写"), and marks of its own would be doubled there.
            "法律明白人",
            "名",
            "已培养的“法律明白人”人数（累计数）。",
            source="司法所名册",
            cumulative=True,
            example="培养“法律明白人”124名。",
        ),
        items(
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
)

DECISION = Section(
    "decision",
    "依法决策",
    "重大行政决策、合法性审查、法律顾问和规范性文件。",
    (
        topic_title("decision.title", "坚持依法科学民主决策，提高依法决策水平"),
        figure(
            "decision.major_decisions",
            "重大行政决策",
            "项",
            "按法定程序作出的重大行政决策项数。",
            source="党政办会议纪要",
            example="全年共作出重大行政决策1项，均严格按照程序进行。",
        ),
        figure(
            "decision.legality_reviews",
            "合法性审查",
            "件",
            "提交合法性审查的文件、合同、决策事项件数。",
            source="司法所、法律顾问审查记录",
        ),
        figure(
            "decision.legal_advisers",
            "法律顾问",
            "名",
            "聘请的法律顾问人数。",
            source="法律顾问聘用合同",
            cumulative=True,
        ),
        figure(
            "decision.normative_documents",
            "制发规范性文件",
            "件",
            "本年度以本级名义制发的行政规范性文件件数。没有制发就填 0，报告会写“未制发行政规范性文件”。",
            source="党政办发文登记",
        ),
        items(
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
)

ENFORCEMENT = Section(
    "enforcement",
    "行政执法",
    "执法人员、执法培训、行政处罚和执法监督。",
    (
        topic_title("enforcement.title", "规范行政执法，提升行政执法公信力"),
        figure(
            "enforcement.officers",
            "持证执法人员",
            "名",
            "持有行政执法证件的人员数。",
            source="司法所执法人员名册",
            cumulative=True,
        ),
        figure(
            "enforcement.trainings",
            "执法培训",
            "次",
            "组织或参加行政执法人员培训的次数。",
            source="培训通知、签到表",
            example="全年共进行培训4次。",
        ),
        figure(
            "enforcement.trainees",
            "参加执法培训",
            "人次",
            "参加执法培训的人次。",
            source="培训签到表",
        ),
        figure(
            "enforcement.penalty_cases",
            "行政处罚案件",
            "件",
            "本级办理的行政处罚案件件数。没有就填 0。",
            source="综合行政执法队台账",
        ),
        items(
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
)

REVIEW = Section(
    "review",
    "行政复议与行政诉讼",
    "行政复议、行政诉讼案件和负责人出庭应诉。没有案件请填 0，报告会如实写明。",
    (
        topic_title("review.title", "依法做好行政复议和行政应诉工作"),
        figure(
            "review.reconsiderations",
            "行政复议案件",
            "件",
            "以本级政府为被申请人的行政复议案件件数。没有就填 0。",
            source="党政办、司法所案件登记",
            example="今年以来我乡无行政复议答复和行政诉讼应诉案件。",
        ),
        figure(
            "review.lawsuits",
            "行政诉讼案件",
            "件",
            "以本级政府为被告的行政诉讼案件件数。没有就填 0。",
            source="党政办、司法所案件登记",
        ),
        figure(
            "review.lost",
            "败诉或被纠错案件",
            "件",
            "行政诉讼败诉、行政复议被纠错的件数（不能多于案件数）。",
            source="判决书、复议决定书",
        ),
        figure(
            "review.appearances",
            "负责人出庭应诉",
            "次",
            "行政机关负责人出庭应诉的次数。",
            source="庭审记录",
        ),
        items(
            "review.measures",
            "复议应诉方面的具体措施",
            ITEM_HELP,
            carry=True,
            headings=("落实行政机关负责人出庭应诉制度", "认真做好行政复议答复"),
        ),
    ),
)

DISPUTES = Section(
    "disputes",
    "矛盾纠纷化解",
    "调解组织、调解员、矛盾纠纷排查和调解。调解成功率由程序根据件数算出，不用填。",
    (
        topic_title("disputes.title", "依法化解矛盾纠纷，维护社会和谐稳定"),
        figure(
            "disputes.organisations",
            "调解组织",
            "个",
            "人民调解委员会等调解组织个数（累计数）。",
            source="司法所调解组织名册",
            cumulative=True,
            example="健全村级调解组织7个。",
        ),
        figure(
            "disputes.mediators",
            "人民调解员",
            "名",
            "人民调解员人数（累计数）。",
            source="司法所调解员名册",
            cumulative=True,
            example="调解员71名。",
        ),
        figure(
            "disputes.screenings",
            "矛盾纠纷排查",
            "次",
            "开展矛盾纠纷排查的次数。",
            source="综治中心排查台账",
            example="累计排查矛盾纠纷90余次。",
        ),
        figure(
            "disputes.mediated",
            "调解矛盾纠纷",
            "件",
            "全年受理调解的矛盾纠纷件数。",
            source="人民调解台账",
            example="全年各类调解组织共调解矛盾纠纷5件。",
        ),
        figure(
            "disputes.resolved",
            "调解成功",
            "件",
            "其中调解成功的件数（不能多于调解件数），用于计算调解成功率。",
            source="人民调解台账",
            part_of="disputes.mediated",
        ),
        items(
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
)

PETITIONS = Section(
    "petitions",
    "信访工作",
    "信访事项受理、办结、积案化解和12345热线。办结率由程序根据件数算出，不用填。",
    (
        topic_title("petitions.title", "推进信访工作法治化，依法维护群众合法权益"),
        figure(
            "petitions.received",
            "受理信访事项",
            "件",
            "全年受理的群众来信、来访、网上信访事项件数。",
            source="信访办登记台账",
            example="共受理信访件189件。",
        ),
        figure(
            "petitions.resolved",
            "办结信访事项",
            "件",
            "其中已办结的件数（不能多于受理件数），用于计算办结率。",
            source="信访办登记台账",
            part_of="petitions.received",
            example="其中已处理解决173件。",
        ),
        figure(
            "petitions.backlog_resolved",
            "化解信访积案",
            "件",
            "化解的信访积案件数。",
            source="信访办积案台账",
            example="化解信访积案4件。",
        ),
        figure(
            "petitions.hotline",
            "办理12345热线工单",
            "件",
            "办理的12345政务服务便民热线工单件数。",
            source="热线工单系统",
        ),
        items(
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
)

OPENNESS = Section(
    "openness",
    "政务公开与监督",
    "政务公开、村务公开、对行政权力的监督。",
    (
        topic_title("openness.title", "推行政务公开，自觉接受监督"),
        figure(
            "openness.disclosures",
            "主动公开政府信息",
            "条",
            "通过公开栏、网站等主动公开的政府信息条数。",
            source="政务公开台账",
        ),
        items(
            "openness.measures",
            "政务公开与监督方面的具体措施",
            ITEM_HELP,
            headings=("切实抓好政务公开", "推进村务公开", "自觉接受各方面监督"),
        ),
    ),
)

HIGHLIGHTS = Section(
    "highlights",
    "荣誉和特色工作",
    "本年度获得的荣誉和本单位自己的特色工作（没有可以不写）。",
    (
        topic_title("highlights.title", "立足实际创特色，法治建设取得新成效"),
        Question(
            "highlights.honours",
            "获得的荣誉",
            "list",
            "一行一项，写成完整的一句，如“乡派出所获得‘全区优秀基层单位’称号”。",
            example="杂色镇司法所荣获市级普法一等奖。",
        ),
        items(
            "highlights.specialities",
            "特色工作",
            ITEM_HELP,
            headings=("推进边界联防联调", "加强草原生态保护", "开展国家通用语言文字培训"),
        ),
    ),
)

FIRST_DUTY = Section(
    "first_duty",
    "第一责任人职责",
    "党政主要负责人履行推进法治建设第一责任人职责的情况。姓名可以不填。",
    (
        topic_title("first_duty.title", "党政主要负责人切实履行推进法治建设第一责任人职责"),
        text(
            "first_duty.secretary_name",
            "党委书记姓名（可不填）",
            "填写后报告写“党委书记XXX”，不填只写职务。",
        ),
        text(
            "first_duty.head_name",
            "乡（镇）长或街道办事处主任姓名（可不填）",
            "填写后报告写“乡长XXX”，不填只写职务。",
        ),
        figure(
            "first_duty.meetings",
            "主持召开法治建设专题会议",
            "次",
            "党政主要负责人主持召开的研究法治建设的专题会议次数。",
            source="党政办会议纪要",
            example="全年召开2次专题会议研究部署法治工作。",
        ),
        figure(
            "first_duty.reports_heard",
            "听取法治建设工作汇报",
            "次",
            "党委、政府听取法治建设工作汇报的次数。",
            source="党政办会议纪要",
            example="听取法治汇报2次。",
        ),
        items(
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
)

MEASURES: tuple[Section, ...] = (
    ORGANISATION,
    STUDY,
    PUBLICITY,
    DECISION,
    ENFORCEMENT,
    REVIEW,
    DISPUTES,
    PETITIONS,
    OPENNESS,
    HIGHLIGHTS,
    FIRST_DUTY,
)
