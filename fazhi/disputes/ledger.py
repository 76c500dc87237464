"""矛盾纠纷排查调处台账: the filtered disputes as an Excel workbook (the disputes
office's own layout, written by the one workbook writer)."""

from fazhi.ledgers.writer import Layout, workbook_bytes

COLUMNS = [
    ("序号", 6),
    ("编号", 14),
    ("登记日期", 12),
    ("村(社区)", 12),
    ("来源", 12),
    ("纠纷类型", 12),
    ("简要情况", 40),
    ("涉及人数", 8),
    ("涉及金额（元）", 12),
    ("风险等级", 8),
    ("调解组织", 20),
    ("调解员", 14),
    ("受理日期", 12),
    ("状态", 8),
    ("调解结果", 10),
    ("办结日期", 12),
    ("移交去向", 24),
    ("协议履行", 10),
    ("当事人", 30),
]


def parties_cell(dispute) -> str:
    """The parties as 姓名（类别）, names only: no ID number or phone leaves in a ledger."""
    return "、".join(f"{p.name}（{p.get_role_display()}）" for p in dispute.parties.all())


def _day(value):
    return value.strftime("%Y-%m-%d") if value else ""


def _row(number: int, dispute) -> list:
    agreement = getattr(dispute, "agreement", None) if dispute.outcome == "success" else None
    return [
        number,
        dispute.number,
        _day(dispute.registered_on),
        dispute.region.name,
        dispute.get_source_display(),
        dispute.dispute_type.name,
        dispute.summary,
        dispute.people_involved,
        float(dispute.amount) if dispute.amount is not None else None,
        dispute.get_risk_display(),
        dispute.organisation.name if dispute.organisation else "",
        "、".join(str(m) for m in dispute.mediators.all()),
        _day(dispute.accepted_on),
        dispute.get_status_display(),
        dispute.get_outcome_display(),
        _day(dispute.concluded_on),
        "；".join(f"{h.get_kind_display()}：{h.receiver}" for h in dispute.handovers.all()),
        agreement.get_performance_display() if agreement else "",
        parties_cell(dispute),
    ]


def ledger_workbook(disputes, *, title: str) -> bytes:
    """`disputes` must prefetch mediators, parties, handovers and agreement (see the view)."""
    layout = Layout(
        sheet="台账",
        title=title,
        merge_title=True,
        headers=[name for name, _ in COLUMNS],
        widths=[width for _, width in COLUMNS],
    )
    return workbook_bytes(
        layout, (_row(number, dispute) for number, dispute in enumerate(disputes, start=1))
    )
