"""Metrics, paragraphs, candidates and a ledger registered for the tests only,
on organisations (which every database has): the framework is tested without
depending on any capability's models."""

import pytest
from django.db.models import QuerySet

from fazhi.ledgers.base import Column, Ledger, register_ledger, unregister_ledger
from fazhi.metrics import Result, metric
from fazhi.metrics import registry as metric_registry
from fazhi.regions.models import Organisation, OrganisationKind
from fazhi.reports import contrib


def organisations_created(region, period) -> QuerySet:
    created = Organisation.history.filter(
        history_type="+",
        history_date__date__gte=period.start,
        history_date__date__lte=period.end,
    ).values("id")
    return Organisation.objects.filter(region__code__startswith=region.prefix, pk__in=created)


def committees(region, period):
    records = organisations_created(region, period).filter(
        kind=OrganisationKind.MEDIATION_COMMITTEE
    )
    return Result(value=records.count(), records=records, list_url="/regions/?kind=committee")


def people_reached(region, period):
    records = organisations_created(region, period)
    return Result(value=records.count() * 257, records=records, list_url="/regions/?reach")


def write_committees(f, ctx):
    if not f.has_data("test.committees", "test.reached"):
        return None
    return (
        f"{ctx.we}新建人民调解委员会{f.exact('test.committees')}，"
        f"受教群众{f.approx('test.reached')}。"
    )


def propose_more(f, ctx):
    if f.value("test.committees") < 20:
        return "部分村（社区）人民调解组织力量薄弱"
    return None


class OrganisationLedger(Ledger):
    key = "test.organisations"
    title = "组织机构台账"
    capability = "reports"
    model = Organisation
    natural_key = ("region", "name")
    columns = [
        Column("村（社区）", "region", kind="village", aliases=("所在村", "村社区")),
        Column("名称", "name", aliases=("组织名称", "机构名称")),
        Column(
            "类别",
            "kind",
            kind="choice",
            choices=tuple(OrganisationKind.choices),
            aliases=("类型",),
        ),
    ]

    def queryset(self, region, period):
        return organisations_created(region, period).select_related("region").order_by("pk")

    def save(self, values, *, user, region):
        return super().save(values, user=user, region=region)


@pytest.fixture
def registered():
    metric("test.committees", "新建人民调解委员会", unit="个", capability="disputes")(committees)
    metric("test.reached", "受教群众", unit="人次", capability="publicity")(people_reached)
    contrib.paragraph("disputes", metrics=["test.committees", "test.reached"])(write_committees)
    contrib.candidate("problem", metrics=["test.committees"])(propose_more)
    register_ledger(OrganisationLedger)
    yield
    for code in ("test.committees", "test.reached"):
        metric_registry._REGISTRY.pop(code, None)
    for write in (write_committees, propose_more):
        contrib.unregister(f"{write.__module__}.{write.__qualname__}")
    unregister_ledger(OrganisationLedger.key)
