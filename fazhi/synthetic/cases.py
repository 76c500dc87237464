"""Cases at the town: about one per village and year (0–2), 30 % lawsuits,
30 % reconsiderations, 40 % adjudications; the statutory due dates come from
the deadline engine as the services compute them."""

from datetime import date, timedelta

from fazhi.cases.models import Adjudication, Hearing, Lawsuit, Reconsideration
from fazhi.cases.services import APPEAL_RULES
from fazhi.deadlines import compute_deadline
from fazhi.synthetic.names import person_name


def build(*, writer, rng, town, years, last_day, calendar) -> None:
    lawsuits, reconsiderations, adjudications, hearings = [], [], [], []
    counters: dict[tuple[str, int], int] = {}

    def number(kind: str, year: int) -> str:
        counters[kind, year] = counters.get((kind, year), 0) + 1
        return f"{town.region.name}{kind}〔{year}〕{counters[kind, year]}号"

    def due(rule, start):
        deadline = compute_deadline(rule, start, calendar=calendar)
        return deadline.due, deadline.provisional

    for village in town.villages:
        for year in years:
            for _ in range(rng.choices([0, 1, 2], weights=[25, 50, 25])[0]):
                start = min(date(year, 1, 1) + timedelta(days=rng.randrange(365)), last_day)
                decided = (last_day - start).days > 120 or rng.random() < 0.3
                kind = rng.choices(["lawsuit", "reconsideration", "adjudication"], [3, 3, 4])[0]
                people = {"region": town.region, "handler": town.officer}
                if kind == "lawsuit":
                    lawsuit = Lawsuit(
                        case_number=number("行诉", year),
                        court="石柱土家族自治县人民法院",
                        plaintiffs=person_name(rng),
                        cause="责令限期拆除违法建筑",
                        contested_act=f"{town.region.name}人民政府作出的限期拆除决定",
                        complaint_received_on=start,
                        answer_submitted_on=start + timedelta(days=rng.randint(3, 12)),
                        **people,
                    )
                    lawsuit.answer_due, lawsuit.answer_due_provisional = due(
                        "litigation.answer", start
                    )
                    if decided:
                        lawsuit.decision_kind = "judgment"
                        lawsuit.decision_date = start + timedelta(days=rng.randint(60, 110))
                        lawsuit.decision_served_on = lawsuit.decision_date + timedelta(days=3)
                        lawsuit.outcome = rng.choice(["dismissed_claim", "withdrawn", "revoked"])
                        lawsuit.appeal = "no_appeal"
                        lawsuit.appeal_due, lawsuit.appeal_due_provisional = due(
                            APPEAL_RULES["judgment"], lawsuit.decision_served_on
                        )
                    lawsuits.append(lawsuit)
                    hearings.append(
                        Hearing(
                            lawsuit=lawsuit,
                            date=start + timedelta(days=rng.randint(30, 55)),
                            court="石柱县人民法院第二审判庭",
                            appearance="head",
                            head_name="镇长",
                        )
                    )
                elif kind == "reconsideration":
                    received = start + timedelta(days=rng.randint(1, 5))
                    case = Reconsideration(
                        case_number=number("复", year),
                        applicant=person_name(rng),
                        organ="石柱土家族自治县人民政府",
                        contested_act="对农村建房申请不予批准的答复",
                        accepted_on=start,
                        received_on=received,
                        answer_submitted_on=received + timedelta(days=rng.randint(2, 8)),
                        **people,
                    )
                    case.answer_due, case.answer_due_provisional = due(
                        "reconsideration.answer", received
                    )
                    case.decision_due, case.decision_due_provisional = due(
                        "reconsideration.decision", start
                    )
                    if decided:
                        case.decision_date = start + timedelta(days=rng.randint(30, 58))
                        case.outcome = rng.choice(["upheld", "rejected", "revoked"])
                    reconsiderations.append(case)
                else:
                    case = Adjudication(
                        case_number=number("裁", year),
                        type=rng.choice(["land", "forest_land", "trees", "water"]),
                        parties=f"{person_name(rng)}与{person_name(rng)}",
                        claim=f"请求确认{village.name}一处地块的使用权归属",
                        applied_on=start,
                        accepted_on=start + timedelta(days=rng.randint(1, 7)),
                        **people,
                    )
                    if decided:
                        case.hearing_on = case.accepted_on + timedelta(days=20)
                        case.decided_on = case.accepted_on + timedelta(days=rng.randint(40, 80))
                        case.decision = "依据权属证明及四至界线作出裁决。"
                        case.remedy_notice = "当事人不服的，可以依法申请行政复议或者提起行政诉讼。"
                    adjudications.append(case)
    writer.insert(Lawsuit, lawsuits)
    for hearing in hearings:
        hearing.lawsuit = hearing.lawsuit  # the lawsuit has its key now
    writer.insert(Hearing, hearings)
    writer.insert(Reconsideration, reconsiderations)
    writer.insert(Adjudication, adjudications)
