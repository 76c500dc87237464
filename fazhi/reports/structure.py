"""The four-part structure of the yearly report (法治政府建设年度情况报告),
as towns write it (see the seed report of 黄水镇, 2020).

Each section has a key; the officer's narrative and the paragraphs that
capabilities contribute (`report.py`) are attached to sections by key.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    heading: str


@dataclass(frozen=True)
class Part:
    key: str
    heading: str
    sections: tuple[Section, ...]


PARTS: tuple[Part, ...] = (
    Part(
        "governance",
        "全面推进法治政府建设，推动构建职责明确、依法行政的政府治理体系",
        (
            Section("demonstration", "积极开展法治政府建设示范创建活动，按照指标体系落实各项工作"),
            Section("legal_advisors", "充分发挥法律顾问、公职律师在重大行政决策中的作用"),
            Section("litigation", "依法做好行政诉讼案件出庭应诉工作"),
        ),
    ),
    Part(
        "masses",
        "增强全面法治观念，夯实法治政府建设群众工作",
        (
            Section("publicity", "加大普法力度，深入开展宪法学习等宣传教育活动"),
            Section("campaigns", "组织开展专项法治宣传"),
            Section("disputes", "推动社会治理现代化，提高矛盾纠纷多元预防调处化解能力"),
            Section("reconsideration", "加强行政复议工作"),
            Section("legal_services", "完善公共法律服务体系"),
            Section("law_understanders", "推进村（居）“法律明白人”全覆盖"),
        ),
    ),
    Part(
        "leadership",
        "强化领导责任落实到位，统筹推进法治建设与政府工作部署相结合",
        (
            Section("first_responsible", "贯彻落实党政主要负责人第一责任人职责"),
            Section("assessment", "将法治建设纳入镇村两级考核"),
            Section("disclosure", "推进村务公开，让权力在阳光下运行"),
            Section("publicity_results", "推动普法宣传与法治实践相结合"),
        ),
    ),
    Part(
        "outlook",
        "存在的问题和下步举措",
        (
            Section("problems", "存在的问题"),
            Section("next_steps", "下步举措"),
        ),
    ),
)

SECTIONS: dict[str, Section] = {s.key: s for part in PARTS for s in part.sections}
# Sections whose body is the officer's accepted problem / next-step candidates.
CANDIDATE_SECTIONS = {"problem": "problems", "next_step": "next_steps"}
