"""Administrative litigation and reconsideration in the yearly report, and
their ledgers (see fazhi/reports/contrib.py)."""

from fazhi.cases.exports import lawsuit_ledger, reconsideration_ledger
from fazhi.cases.models import Lawsuit, Reconsideration
from fazhi.reports.contrib import candidate, paragraph
from fazhi.reports.ledgers import Ledger, register_ledger

LAWSUITS = "cases.lawsuits"
HEAD_IN_COURT = "cases.head_in_court_rate"
LOSS = "cases.loss_rate"
RECONSIDERATIONS = "cases.reconsiderations"
CORRECTION = "cases.correction_rate"


@paragraph("litigation", metrics=[LAWSUITS, HEAD_IN_COURT, LOSS], order=10)
def litigation(f, ctx):
    if not f.has_data(LAWSUITS):
        return None
    text = f"全年{ctx.towns}作为被告的行政诉讼案件{f.exact(LAWSUITS)}"
    if f.value(HEAD_IN_COURT) is not None and f.parts(HEAD_IN_COURT).get("hearings"):
        text += f"，行政机关负责人出庭应诉率{f.exact(HEAD_IN_COURT)}"
    if f.value(LOSS) is not None and f.parts(LOSS).get("decided"):
        text += f"，已审结案件败诉率{f.exact(LOSS)}"
    return text + "。"


@paragraph("reconsideration", metrics=[RECONSIDERATIONS, CORRECTION], order=10)
def reconsideration(f, ctx):
    if not f.has_data(RECONSIDERATIONS):
        return None
    text = f"全年涉及{ctx.towns}的行政复议案件{f.exact(RECONSIDERATIONS)}"
    if f.value(CORRECTION) is not None and f.parts(CORRECTION).get("decided"):
        text += f"，已决案件纠错率{f.exact(CORRECTION)}"
    return text + "。"


@candidate("problem", metrics=[HEAD_IN_COURT], order=40)
def head_absent(f, ctx):
    rate = f.value(HEAD_IN_COURT)
    if rate is None or rate >= 100 or not f.parts(HEAD_IN_COURT).get("hearings"):
        return None
    return f"行政机关负责人出庭应诉率为{f.exact(HEAD_IN_COURT)}，尚未做到应出尽出"


@candidate("next_step", metrics=[HEAD_IN_COURT], order=40)
def head_next(f, ctx):
    if head_absent(f, ctx) is None:
        return None
    return "严格落实行政机关负责人出庭应诉制度，做到“出庭出声”"


class _CaseLedger(Ledger):
    capability = "cases"
    importable = False
    date_field = ""

    def queryset(self, region, period):
        return (
            self.model.objects.in_region(region)
            .in_period(period, self.date_field)
            .select_related("region", "handler")
        )


@register_ledger
class LawsuitLedger(_CaseLedger):
    """行政诉讼案件台账, in the cases app's own layout (export only)."""

    key = "cases.lawsuits"
    title = "行政诉讼案件台账"
    model = Lawsuit
    date_field = "complaint_received_on"

    def queryset(self, region, period):
        return super().queryset(region, period).prefetch_related("hearings")

    def workbook(self, records, *, title):
        return lawsuit_ledger(records).content


@register_ledger
class ReconsiderationLedger(_CaseLedger):
    """行政复议案件台账, in the cases app's own layout (export only)."""

    key = "cases.reconsiderations"
    title = "行政复议案件台账"
    model = Reconsideration
    date_field = "received_on"

    def workbook(self, records, *, title):
        return reconsideration_ledger(records).content
