"""The dispute ledger read in bulk: the rule of `DisputeLedger.save` and
`services.dispute_import`, for the whole sheet at once (see fazhi/ledgers/bulk.py).

Checked up front, in a few queries: the dispute types, the town's mediation
organisations, the 编号 the sheet gives and the (村, 登记日期, 简要情况) of the
disputes it may repeat. Written in one transaction: numbers claimed and
allocated a block per year, the disputes, their parties, the leader's alerts,
history and audit entries, each in batched INSERTs.
"""

from datetime import date

from django.core.exceptions import ValidationError

from fazhi.audit.bulk import bulk_create_audited
from fazhi.core.numbering import number_allocate_many, number_claim_many
from fazhi.deadlines import WorkCalendar
from fazhi.disputes.models import Dispute, DisputeType, Party, Risk, Status
from fazhi.disputes.services import DISPUTE_NUMBERS, disputes_alert_leaders
from fazhi.ledgers.bulk import IN_CHUNK, Plan, clean_in_memory
from fazhi.regions.codes import town_prefix
from fazhi.regions.models import Organisation


class _Lookups:
    """What the rows name, fetched once for the sheet."""

    def __init__(self, rows, region):
        self.types = {kind.name: kind for kind in DisputeType.objects.all()}
        self.active_types = "、".join(name for name, kind in self.types.items() if kind.active)
        self.organisations = {}
        organisations = Organisation.objects.filter(
            region__code__startswith=town_prefix(region.prefix)
        ).select_related("region")
        for organisation in organisations.order_by(*(Organisation._meta.ordering or ["pk"])):
            self.organisations.setdefault(organisation.name, organisation)
        numbers = sorted({row.values["number"] for row in rows if row.values.get("number")})
        self.by_number = {}
        for start in range(0, len(numbers), IN_CHUNK):
            found = Dispute.objects.filter(number__in=numbers[start : start + IN_CHUNK])
            self.by_number.update({d.number: d for d in found.select_related("region")})
        days = [row.values["registered_on"] for row in rows if row.values.get("registered_on")]
        self.seen = set()  # (village, registered_on, summary) already recorded
        if days:
            stored = Dispute.objects.in_region(region).filter(
                registered_on__range=(min(days), max(days))
            )
            self.seen = set(stored.values_list("region_id", "registered_on", "summary"))
        self.planned_numbers = set()


def _values(ledger, row, lookups: _Lookups, region):
    """The row as Dispute fields and its parties; a ValidationError names the column."""
    from fazhi.disputes.report import parse_parties

    values = dict(row.values)
    for column in ledger.columns:  # a column the sheet lacks comes in as None
        if column.kind in ("text", "choice") and values.get(column.field) is None:
            values[column.field] = ""
    parties = parse_parties(values.pop("parties"), values.pop("id_numbers"))
    kind = lookups.types.get(values["dispute_type"])
    if kind is None:
        raise ValidationError(
            {
                "dispute_type": f"「{values['dispute_type']}」不是纠纷类型（可选：{lookups.active_types}）"
            }
        )
    values["dispute_type"] = kind
    if values["organisation"]:
        name = values["organisation"]
        values["organisation"] = lookups.organisations.get(name)
        if values["organisation"] is None:
            raise ValidationError({"organisation": f"「{name}」不是本镇登记的调解组织"})
    else:
        values["organisation"] = None
    values["risk"] = values["risk"] or Risk.LOW
    values["people_involved"] = values["people_involved"] or max(len(parties), 1)
    values["status"] = values["status"] or (
        Status.CONCLUDED if values["outcome"] else Status.REGISTERED
    )
    return values, parties


def _recorded(values, lookups: _Lookups, region) -> bool:
    """Whether the row is a dispute already recorded (or earlier in the sheet)."""
    number = values["number"]
    if number:
        found = lookups.by_number.get(number)
        if found is not None and not region.contains(found.region):
            raise ValidationError({"number": f"编号「{number}」已被其他辖区的纠纷使用"})
        if found is not None or number in lookups.planned_numbers:
            return True
    return (values["region"].pk, values["registered_on"], values["summary"]) in lookups.seen


def dispute_import_plan(*, ledger, rows, user, region) -> Plan:
    lookups = _Lookups(rows, region)
    # The holiday table of every year the sheet's limits may reach, in two queries.
    accepted = [row.values.get("accepted_on") for row in rows]
    years = {day.year + extra for day in accepted if isinstance(day, date) for extra in (0, 1)}
    calendar = WorkCalendar().load(years)
    plan = Plan(Dispute)
    parties_of: list[tuple[Dispute, list[Party]]] = []
    for row in rows:
        try:
            values, parties = _values(ledger, row, lookups, region)
            if _recorded(values, lookups, region):
                row.action = "unchanged"
                continue
            dispute = Dispute(registered_by=user, **values)
            dispute.set_due_dates(calendar=calendar)
            skip = (["registered_by"] if user is None else []) + (
                [] if dispute.number else ["number"]
            )
            clean_in_memory(dispute, exclude=skip)
            people = [Party(**party) for party in parties]
            for party in people:
                clean_in_memory(party, exclude=["dispute"])
        except ValidationError as error:
            row.errors += ledger.error_messages(error)
            continue
        row.action, row.record = "created", dispute
        plan.create.append(dispute)
        parties_of.append((dispute, people))
        if dispute.number:
            lookups.planned_numbers.add(dispute.number)
        lookups.seen.add((dispute.region_id, dispute.registered_on, dispute.summary))

    def number():
        number_claim_many(sequence=DISPUTE_NUMBERS, numbers=[d.number for d in plan.create])
        unnumbered: dict[int, list[Dispute]] = {}
        for dispute in plan.create:
            if not dispute.number:
                year = (dispute.registered_on or date.today()).year
                unnumbered.setdefault(year, []).append(dispute)
        for year, disputes in sorted(unnumbered.items()):
            numbers = number_allocate_many(sequence=DISPUTE_NUMBERS, year=year, count=len(disputes))
            for dispute, value in zip(disputes, numbers, strict=True):
                dispute.number = value

    def parties_and_alerts():
        people = []
        for dispute, parties in parties_of:
            for party in parties:
                party.dispute = dispute
                people.append(party)
        bulk_create_audited(Party, people)
        disputes_alert_leaders(disputes=[d for d in plan.create if d.needs_alert])

    plan.before.append(number)
    plan.after.append(parties_and_alerts)
    return plan
