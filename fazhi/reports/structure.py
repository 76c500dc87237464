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
        "推进法治政府建设与依法行政",
        (
            Section("demonstration", "以指标体系为抓手推进示范创建"),
            Section("legal_advisors", "法律顾问、公职律师参与重大行政决策"),
            Section("litigation", "行政应诉与负责人出庭"),
        ),
    ),
    Part(
        "masses",
        "法治观念与群众工作",
        (
            Section("publicity", "普法宣传教育"),
            Section("campaigns", "专项法治宣传"),
            Section("disputes", "矛盾纠纷多元化解"),
            Section("reconsideration", "行政复议与行政裁决"),
            Section("legal_services", "公共法律服务"),
            Section("law_understanders", "“法律明白人”培养与配备"),
        ),
    ),
    Part(
        "leadership",
        "领导责任与统筹推进",
        (
            Section("first_responsible", "主要负责人履行推进法治建设职责"),
            Section("assessment", "镇村两级法治建设考核"),
            Section("disclosure", "村务公开"),
            Section("publicity_results", "普法成效"),
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
# The opening paragraph before part one (“根据……通知精神……现将有关情况报告如下”):
# a capability may contribute it like a section's paragraph; without one the
# report opens with its own general sentence.
OPENING = Section("opening", "开头")
# Sections whose body is the officer's accepted problem / next-step candidates.
CANDIDATE_SECTIONS = {"problem": "problems", "next_step": "next_steps"}
