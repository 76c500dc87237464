"""Builders for legal tests: `make_<thing>(...)`, made through the services as the pages make them."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.accounts.models import User
from fazhi.core.roles import Role
from fazhi.legal.models import Advisor, AdvisorKind, StepKind
from fazhi.legal.services import decision_create, decision_step_record

PDF = b"%PDF-1.4\n%test\n%%EOF\n"


def make_pdf(name="材料.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def make_advisor(region, *, user=None, name="陈律师"):
    advisor = Advisor(region=region, kind=AdvisorKind.EXTERNAL, name=name, user=user)
    advisor.full_clean()
    advisor.save()
    return advisor


def make_advisor_account(region, *, username="advisor_li", full_name="李律师"):
    """A legal advisor's login in `region`."""
    user = User(username=username, role=Role.LEGAL_ADVISOR, region=region, full_name=full_name)
    user.set_password("Fazhi-2020!")
    user.full_clean()
    user.save()
    return user


def make_decision(cast, title="场镇停车场收费方案", *, documents=()):
    return decision_create(
        user=cast.officer,
        region=cast.town,
        title=title,
        year=2020,
        sponsor="经济发展办公室",
        launch_date=date(2020, 3, 2),
        responsible="马镇长",
        documents=documents,
    )


def make_step(decision, cast, kind, day, **fields):
    return decision_step_record(
        decision=decision, user=cast.officer, kind=kind, date=day, responsible="谭法治", **fields
    )


def make_steps_to_legality(decision, cast, *, documents=()):
    """Record the steps before the legality review (participation, experts, risk)."""
    make_step(
        decision,
        cast,
        StepKind.PARTICIPATION,
        date(2020, 4, 3),
        comment_start=date(2020, 3, 3),
        comment_end=date(2020, 4, 2),
        documents=documents,
    )
    make_step(
        decision,
        cast,
        StepKind.EXPERT,
        date(2020, 4, 6),
        expert_required=False,
        no_expert_reason="技术问题简单",
    )
    make_step(decision, cast, StepKind.RISK, date(2020, 4, 7), risk_level="low")
    decision.refresh_from_db()
    return decision
