"""Records for the search tests: one of each searchable kind, named by a word.

`seed(cast, word, village)` makes, in `village` (or its town for the town's
own records), a record of every kind whose title or name carries `word`.
Two calls with different words and villages give the "finds this, not that"
and the "in scope only" cases.
"""

from datetime import date, datetime

from django.utils import timezone

from fazhi.accounts.models import User
from fazhi.cases.models import Adjudication
from fazhi.cases.tests import builders as cases
from fazhi.core.roles import Role
from fazhi.disclosure.models import Category, Frequency, Post, Query
from fazhi.disputes.models import Deliberation, Finding, ScreeningReport
from fazhi.disputes.tests.builders import make_dispute, make_party
from fazhi.legal.models import Advisor, AdvisorKind, ReviewRequest, Service, SubjectKind
from fazhi.legal.tests.builders import make_decision
from fazhi.publicity.models import Background, Campaign, LawUnderstander
from fazhi.publicity.tests import builders as publicity
from fazhi.regions.models import Organisation, OrganisationKind
from fazhi.villagelaw.tests import builders as villagelaw


def seed(cast, word: str, village, *, number: int = 1) -> dict:
    """One record of each kind carrying `word`; returns them by kind."""
    town = cast.town
    dispute = make_dispute(cast, village, summary=f"{word}两户因排水沟发生争执")
    make_party(dispute, name=f"{word}张")
    report = ScreeningReport.objects.create(
        region=village,
        month=date(2020, number, 1),
        screened_on=date(2020, number, 20),
        notes=f"{word}组逐户排查",
    )
    Finding.objects.create(report=report, summary=f"{word}组土地承包争议")
    deliberation = Deliberation.objects.create(
        region=village,
        held_on=date(2020, 6, number),
        topic=f"{word}组道路占用议事",
        participants="村民代表",
        resolution="协商一致",
    )
    lawsuit = cases.make_lawsuit(
        cast, case_number=f"（2020）渝0240行初{number}号", plaintiffs=f"{word}公司"
    )
    reconsideration = cases.make_reconsideration(
        cast, case_number=f"石柱府复〔2025〕{number}号", applicant=f"{word}申请人"
    )
    adjudication = Adjudication.objects.create(
        region=town,
        case_number=f"黄水裁〔2020〕{number}号",
        handler=cast.officer,
        type="land",
        parties=f"{word}与邻户",
        claim="确认林地权属",
        applied_on=date(2020, 3, number),
    )
    advisor = Advisor.objects.create(region=town, kind=AdvisorKind.EXTERNAL, name=f"{word}律师")
    service = Service.objects.create(
        advisor=advisor,
        region=town,
        date=date(2020, 5, number),
        kind="consultation",
        subject=f"{word}合同审查",
    )
    decision = make_decision(cast, title=f"{word}停车场收费方案")
    review = ReviewRequest.objects.create(
        region=town,
        subject_kind=SubjectKind.CONTRACT,
        title=f"{word}租赁合同",
        reviewer=advisor,
        sent_on=date(2020, 5, number),
        due=date(2020, 5, 20),
    )
    activity = publicity.make_activity(village, title=f"{word}法律进院坝")
    campaign = Campaign.objects.create(
        region=town, name=f"{word}专项宣传", start_date=date(2020, 3, number)
    )
    understander = LawUnderstander.objects.create(
        region=village, name=f"{word}明白", background=Background.choices[0][0]
    )
    screen = publicity.make_screen(village, name=f"{word}广场屏")
    organisation = Organisation.objects.create(
        region=village, name=f"{word}调解{number}组", kind=OrganisationKind.choices[0][0]
    )
    category, _ = Category.objects.get_or_create(
        region=town, year=2020, name="村级财务收支情况", defaults={"frequency": Frequency.MONTHLY}
    )
    post = Post.objects.create(
        region=village, category=category, year=2020, period=number,
        title=f"{word}组{number}月财务收支", body="收支明细见附表。",
    )  # fmt: skip
    query = Query.objects.create(
        region=village, post=post, name="谭群众", content=f"{word}组修路款的去向请说明",
        received_at=timezone.make_aware(datetime(2020, 4, number, 9)),
    )  # fmt: skip
    consultation = villagelaw.make_consultation(
        cast.officer, village, question=f"{word}组宅基地边界怎么确认？"
    )
    referral = villagelaw.make_referral(cast.officer, village, summary=f"{word}组工伤赔偿求助。")
    compact = villagelaw.make_compact(cast.officer, village, title=f"{word}村规民约")
    user = User.objects.create(
        username=f"user_{number}", full_name=f"{word}专干", role=Role.TOWN_OFFICER, region=town
    )
    return {
        "disputes": dispute,
        "screening": report,
        "deliberations": deliberation,
        "lawsuits": lawsuit,
        "reconsiderations": reconsideration,
        "adjudications": adjudication,
        "advisors": advisor,
        "services": service,
        "decisions": decision,
        "reviews": review,
        "activities": activity,
        "campaigns": campaign,
        "understanders": understander,
        "screens": screen,
        "disclosure_posts": post,
        "disclosure_queries": query,
        "villagelaw.consultations": consultation,
        "villagelaw.referrals": referral,
        "villagelaw.compacts": compact,
        "organisations": organisation,
        "users": user,
    }
