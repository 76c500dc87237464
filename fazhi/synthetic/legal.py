"""Each town's legal advisor: a yearly contract, the service log (2–6 entries
per village and year, 4 on average) and legality reviews (1–3 per village
and year, 2 on average), answered except for the last weeks'."""

from datetime import date, timedelta
from decimal import Decimal

from fazhi.deadlines import compute_deadline
from fazhi.legal.models import Advisor, Contract, ReviewRequest, Service
from fazhi.legal.models.reviews import REVIEW_RULE
from fazhi.synthetic.disputes import phone

SERVICES = [
    ("consultation", "群众法律咨询", "解答土地承包、婚姻家庭等法律问题。"),
    ("contract_review", "村集体合同审查", "审查村集体经济组织对外签订的合同。"),
    ("mediation", "参与矛盾纠纷调解", "随同人民调解委员会参与调解，释法说理。"),
    ("petition", "参与信访接待", "接待信访群众，释明政策与救济途径。"),
    ("lecture", "镇村干部法治讲座", "为镇村干部讲授民法典要点。"),
]
REVIEWS = [
    ("contract", "镇政府采购合同合法性审查"),
    ("normative", "镇政府规范性文件合法性审查"),
    ("other", "行政处罚决定书合法性审查"),
]


def build(*, writer, rng, town, years, last_day, calendar) -> None:
    advisor = Advisor.objects.filter(region=town.region, user=town.advisor_user).first()
    if advisor is None:
        advisor = Advisor(
            region=town.region,
            kind="external",
            name=town.advisor_user.full_name or "法律顾问",
            firm="重庆某律师事务所",
            phone=phone(rng),
            user=town.advisor_user,
        )
        writer.insert(Advisor, [advisor])
    contracted = set(Contract.objects.filter(advisor=advisor).values_list("start__year", flat=True))
    writer.insert(
        Contract,
        [
            Contract(
                advisor=advisor,
                region=town.region,
                number=f"{town.region.name}法顾〔{year}〕1号",
                start=date(year, 1, 1),
                end=date(year, 12, 31),
                fee=Decimal("30000.00"),
                scope="重大行政决策、规范性文件和合同的合法性审查，法律咨询，参与调解和应诉。",
            )
            for year in years
            if year not in contracted
        ],
    )
    services, reviews = [], []
    for village in town.villages:
        for year in years:
            for _ in range(rng.randint(2, 6)):
                kind, subject, detail = rng.choice(SERVICES)
                services.append(
                    Service(
                        advisor=advisor,
                        region=town.region,
                        date=_day(rng, year, last_day),
                        kind=kind,
                        subject=f"{village.name}{subject}",
                        detail=detail,
                        hours=Decimal(rng.randint(1, 8)) / 2,
                    )
                )
            for _ in range(rng.randint(1, 3)):
                reviews.append(
                    _review(rng, town, advisor, _day(rng, year, last_day), last_day, calendar)
                )
    writer.insert(Service, services)
    writer.insert(ReviewRequest, reviews)


def _day(rng, year, last_day) -> date:
    return min(date(year, 1, 1) + timedelta(days=rng.randrange(365)), last_day)


def _review(rng, town, advisor, sent_on, last_day, calendar) -> ReviewRequest:
    kind, title = rng.choice(REVIEWS)
    minimum = compute_deadline(REVIEW_RULE, sent_on, calendar=calendar)
    review = ReviewRequest(
        region=town.region,
        subject_kind=kind,
        title=f"{title}（{sent_on:%Y年%m月}）",
        reviewer=advisor,
        questions="请审查是否符合法律法规规定。",
        sent_on=sent_on,
        due=minimum.due,
        due_basis=f"{minimum.basis}，{sent_on:%Y-%m-%d}起不少于 7 个工作日",
        requested_by=town.officer,
    )
    if (last_day - sent_on).days > 30 or rng.random() < 0.3:
        review.opinion = rng.choices(
            ["lawful", "lawful_after_changes", "unlawful"], weights=[70, 25, 5]
        )[0]
        review.reasons = "经审查，该事项主体适格、程序合法、内容符合法律规定。"
        review.answered_on = sent_on + timedelta(days=rng.randint(2, 9))
        review.answered_by = town.advisor_user
    return review
