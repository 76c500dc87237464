"""Disputes' part of the yearly report and the dispute ledger (see fazhi/reports/contrib.py)."""

from django.db.models import Prefetch

from fazhi.disputes.ledger import ledger_workbook
from fazhi.disputes.models import Dispute, Handover
from fazhi.reports.contrib import candidate, paragraph
from fazhi.reports.ledgers import Ledger, register_ledger

CASES = "disputes.cases"
MEDIATED = "disputes.mediated"
SUCCESS = "disputes.success_rate"
HANDOVERS = "disputes.handovers"
OVERDUE = "disputes.overdue"
SCREENING = "disputes.screening_compliance"


def _names(names, limit=4) -> str:
    names = list(names)
    return "、".join(names[:limit]) + ("等" if len(names) > limit else "")


@paragraph("disputes", metrics=[CASES, MEDIATED, SUCCESS, HANDOVERS], order=10)
def disputes_resolved(f, ctx):
    if not f.has_data(CASES, MEDIATED):
        return None
    clauses = []
    if f.has_data(CASES):
        clauses.append(f"全年登记矛盾纠纷{f.exact(CASES)}")
    if f.has_data(MEDIATED):
        text = f"经调解结案{f.exact(MEDIATED)}"
        if f.value(SUCCESS) is not None:
            text += f"，其中达成协议的占{f.exact(SUCCESS)}"
        clauses.append(text)
    if f.has_data(HANDOVERS):
        clauses.append(f"调解不成的{f.exact(HANDOVERS)}移交行政调解、诉前调解等渠道继续化解")
    return "，".join(clauses) + "，人民调解、行政调解与司法调解相互衔接。"


@paragraph("disputes", metrics=[SCREENING], order=20)
def monthly_screening(f, ctx):
    if f.value(SCREENING) is None or not f.parts(SCREENING).get("filed"):
        return None
    return f"各村（社区）坚持按月开展矛盾纠纷排查，排查报送率{f.exact(SCREENING)}。"


def _late_villages(f) -> list[str]:
    parts = f.parts(SCREENING)
    by_village = parts.get("by_village") or {}
    if not by_village or not parts.get("expected"):
        return []
    each = parts["expected"] / len(by_village)
    return [name for name, filed in by_village.items() if filed < each]


@candidate("problem", metrics=[SCREENING], order=30)
def screening_gaps(f, ctx):
    late = _late_villages(f)
    if not late:
        return None
    return f"矛盾纠纷排查报送不够及时，{_names(late)}存在月度排查未报送的情况"


@candidate("next_step", metrics=[SCREENING], order=30)
def screening_next(f, ctx):
    if not _late_villages(f):
        return None
    return "压实村（社区）矛盾纠纷月度排查责任，做到应报尽报、零报告不漏报"


@candidate("problem", metrics=[OVERDUE], order=31)
def overdue_disputes(f, ctx):
    if not f.has_data(OVERDUE):
        return None
    return f"部分矛盾纠纷调处不够及时，有{f.exact(OVERDUE)}纠纷超过调解期限尚未办结"


@candidate("next_step", metrics=[OVERDUE], order=31)
def overdue_next(f, ctx):
    if not f.has_data(OVERDUE):
        return None
    return "对超期未结的矛盾纠纷逐件跟踪督办，依法及时引导至诉讼、仲裁等渠道化解"


@register_ledger
class DisputeLedger(Ledger):
    """矛盾纠纷排查调处台账, in the disputes app's own layout (export only)."""

    key = "disputes.cases"
    title = "矛盾纠纷排查调处台账"
    capability = "disputes"
    model = Dispute
    importable = False

    def queryset(self, region, period):
        return (
            Dispute.objects.in_region(region)
            .registered_in(period)
            .with_related()
            .select_related("agreement")
            .prefetch_related(
                Prefetch("handovers", queryset=Handover.objects.order_by("handed_on"))
            )
        )

    def workbook(self, records, *, title):
        return ledger_workbook(records, title=title)
