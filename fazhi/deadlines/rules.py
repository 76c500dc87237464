"""Statutory time limits as data.

Each rule names the law and article that sets it, its length and unit, and
the event that starts it. `compute_deadline` in `fazhi.deadlines.engine`
turns a rule and a start date into a due date.
"""

from dataclasses import dataclass
from enum import StrEnum


class Unit(StrEnum):
    DAYS = "days"  # calendar days; a last day that is not a working day moves on
    WORKING_DAYS = "working_days"  # 工作日，不含法定休假日
    MONTHS = "months"
    # "by the n-th of the next month": the start is a period's last day (a month's,
    # or a quarter's, whose next month is the first month of the next quarter)
    DAY_OF_NEXT_MONTH = "day_of_next_month"


UNIT_LABELS = {
    Unit.DAYS: "日",
    Unit.WORKING_DAYS: "个工作日",
    Unit.MONTHS: "个月",
    Unit.DAY_OF_NEXT_MONTH: "日（次月）",
}


@dataclass(frozen=True)
class Rule:
    code: str
    label: str
    law: str
    article: str
    length: int
    unit: Unit
    start_event: str

    @property
    def basis(self) -> str:
        return f"《{self.law}》{self.article}"

    @property
    def working_days(self) -> bool:
        return self.unit == Unit.WORKING_DAYS

    @property
    def length_label(self) -> str:
        if self.unit == Unit.DAY_OF_NEXT_MONTH:
            return f"次月{self.length}日前"
        return f"{self.length}{UNIT_LABELS[self.unit]}"


ADMIN_LITIGATION = "中华人民共和国行政诉讼法"
VILLAGE_AFFAIRS_CQ = "重庆市实施《中华人民共和国村民委员会组织法》办法"
INFORMATION_DISCLOSURE = "中华人民共和国政府信息公开条例"
RECONSIDERATION = "中华人民共和国行政复议法"

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in [
        Rule(
            "litigation.answer",
            "提交答辩状和证据",
            ADMIN_LITIGATION,
            "第六十七条",
            15,
            Unit.DAYS,
            "收到起诉状副本之日",
        ),
        Rule(
            "litigation.appeal_judgment",
            "对判决提起上诉",
            ADMIN_LITIGATION,
            "第八十五条",
            15,
            Unit.DAYS,
            "判决书送达之日",
        ),
        Rule(
            "litigation.appeal_ruling",
            "对裁定提起上诉",
            ADMIN_LITIGATION,
            "第八十五条",
            10,
            Unit.DAYS,
            "裁定书送达之日",
        ),
        # 行政复议法第八十八条：本法所称“三日”“五日”“七日”“十日”指工作日。
        Rule(
            "reconsideration.accept_review",
            "审查复议申请并决定是否受理",
            RECONSIDERATION,
            "第三十条",
            5,
            Unit.WORKING_DAYS,
            "收到行政复议申请之日",
        ),
        Rule(
            "reconsideration.answer",
            "被申请人提出书面答复并提交证据",
            RECONSIDERATION,
            "第四十八条",
            10,
            Unit.WORKING_DAYS,
            "收到申请书副本或者申请笔录复印件之日",
        ),
        Rule(
            "reconsideration.decision",
            "作出行政复议决定",
            RECONSIDERATION,
            "第六十二条",
            60,
            Unit.DAYS,
            "受理行政复议申请之日",
        ),
        Rule(
            "reconsideration.extension_max",
            "延长复议期限（最多三十日）",
            RECONSIDERATION,
            "第六十二条",
            30,
            Unit.DAYS,
            "原复议决定期限届满之日",
        ),
        Rule(
            "disclosure_request.reply",
            "答复政府信息公开申请",
            "中华人民共和国政府信息公开条例",
            "第三十三条",
            20,
            Unit.WORKING_DAYS,
            "收到政府信息公开申请之日",
        ),
        # 村务公开 (重庆市实施办法): quarterly items by the 15th of the first month of
        # the next quarter, monthly items by the 15th of the next month, one-off
        # items within 10 days; posted at least 10 days; objections answered by
        # the 村委会 within 3 days and by the township within 10.
        Rule(
            "disclosure.quarterly",
            "按季度公开事项",
            VILLAGE_AFFAIRS_CQ,
            "第二十九条",
            15,
            Unit.DAY_OF_NEXT_MONTH,
            "所属季度的最后一日",
        ),
        Rule(
            "disclosure.monthly",
            "按月公开事项",
            VILLAGE_AFFAIRS_CQ,
            "第二十九条",
            15,
            Unit.DAY_OF_NEXT_MONTH,
            "所属月份的最后一日",
        ),
        Rule(
            "disclosure.one_off",
            "一次性公开事项",
            VILLAGE_AFFAIRS_CQ,
            "第二十九条",
            10,
            Unit.DAYS,
            "事项发生之日",
        ),
        Rule(
            "disclosure.display_min",
            "公开时间不少于10日",
            VILLAGE_AFFAIRS_CQ,
            "第二十九条",
            10,
            Unit.DAYS,
            "公开之日",
        ),
        Rule(
            "disclosure.objection_village",
            "村民委员会答复质询",
            VILLAGE_AFFAIRS_CQ,
            "第三十一条",
            3,
            Unit.DAYS,
            "收到质询之日",
        ),
        Rule(
            "disclosure.objection_town",
            "乡镇人民政府答复质询",
            VILLAGE_AFFAIRS_CQ,
            "第三十一条",
            10,
            Unit.DAYS,
            "收到反映之日",
        ),
        Rule(
            "disclosure_request.correction",
            "一次性告知补正",
            INFORMATION_DISCLOSURE,
            "第三十条",
            7,
            Unit.WORKING_DAYS,
            "收到政府信息公开申请之日",
        ),
        Rule(
            "disclosure_request.consultation",
            "第三方提出意见（不计入答复期限）",
            INFORMATION_DISCLOSURE,
            "第三十二条",
            15,
            Unit.WORKING_DAYS,
            "第三方收到征求意见书之日",
        ),
        Rule(
            "disclosure_request.extension",
            "延长答复期限（最长20个工作日）",
            INFORMATION_DISCLOSURE,
            "第三十三条",
            20,
            Unit.WORKING_DAYS,
            "原答复期限届满之日",
        ),
        Rule(
            "mediation.conclude",
            "人民调解一般调结期限",
            "人民调解工作若干规定",
            "第三十三条",
            1,
            Unit.MONTHS,
            "受理调解之日",
        ),
        Rule(
            "mediation.judicial_confirmation",
            "申请司法确认",
            "中华人民共和国人民调解法",
            "第三十三条",
            30,
            Unit.DAYS,
            "调解协议生效之日",
        ),
        Rule(
            "decision.legality_review_min",
            "合法性审查最短时间",
            "重大行政决策程序暂行条例",
            "第二十六条",
            7,
            Unit.WORKING_DAYS,
            "送请合法性审查之日",
        ),
        Rule(
            "legal_aid.decide",
            "法律援助机构作出是否给予法律援助的决定",
            "中华人民共和国法律援助法",
            "第四十三条",
            7,
            Unit.DAYS,
            "收到法律援助申请之日",
        ),
        Rule(
            "legal_aid.assign",
            "指派法律援助人员",
            "中华人民共和国法律援助法",
            "第四十三条",
            3,
            Unit.DAYS,
            "作出给予法律援助决定之日",
        ),
        Rule(
            "village_compact.file",
            "村规民约报乡镇人民政府备案",
            "中华人民共和国村民委员会组织法",
            "第二十七条（县定备案时限）",
            10,
            Unit.DAYS,
            "村（居）民会议表决通过之日",
        ),
    ]
}


class UnknownRule(KeyError):
    """No deadline rule has this code."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"未知的期限规则：{self.code}"


def get_rule(code: str) -> Rule:
    try:
        return RULES[code]
    except KeyError:
        raise UnknownRule(code) from None
