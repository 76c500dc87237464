"""村务公开's part of the yearly report (三(三)), its problem candidate, and the
catalogue ledger (see fazhi/reports/contrib.py and fazhi/ledgers)."""

from fazhi.disclosure import services
from fazhi.disclosure.metrics import ON_TIME, POSTS, QUERIES, REQUESTS
from fazhi.disclosure.models import Category, Frequency, Level, Source
from fazhi.ledgers.base import Column, Ledger, register_ledger
from fazhi.reports.contrib import candidate, paragraph


@paragraph("disclosure", metrics=[POSTS, ON_TIME, QUERIES, REQUESTS], order=10)
def village_affairs(f, ctx):
    if not f.has_data(POSTS, REQUESTS):
        return None
    clauses = []
    if f.has_data(POSTS):
        villages = len(f.parts(POSTS).get("by_village", {}))
        text = f"各村（社区）按县级村务公开目录在公开栏和网上同步公开村务{f.exact(POSTS)}"
        if villages:
            text += f"，覆盖{villages}个村（社区）及镇本级"
        if f.value(ON_TIME) is not None:
            text += f"，按期公开率{f.exact(ON_TIME)}"
        clauses.append(text)
    if f.parts(QUERIES).get("received"):
        clauses.append(
            f"受理群众质询{f.parts(QUERIES)['received']}件，按期答复率{f.exact(QUERIES)}"
        )
    if f.parts(REQUESTS).get("received"):
        clauses.append(
            f"收到政府信息公开申请{f.parts(REQUESTS)['received']}件，依法办结{f.exact(REQUESTS)}"
        )
    return "，".join(clauses) + "。"


@candidate("problem", metrics=[ON_TIME], order=40)
def late_villages(f, ctx):
    late = f.parts(ON_TIME).get("late_villages") or {}
    if not late:
        return None
    names = list(late)
    shown = "、".join(names[:4]) + ("等" if len(names) > 4 else "")
    return f"村务公开不够及时，{shown}存在逾期公开或未按目录公开的情况"


@register_ledger
class CatalogueLedger(Ledger):
    key = "disclosure.catalogue"
    title = "村务公开目录"
    capability = "disclosure"
    model = Category
    natural_key = ("year", "name")
    columns = [
        Column("年度", "year", kind="int", aliases=("目录年度",), width=8),
        Column("公开事项", "name", aliases=("公开内容", "事项", "事项名称", "公开项目"), width=30),
        Column(
            "公开频次",
            "frequency",
            kind="choice",
            choices=tuple(Frequency.choices),
            aliases=("公开时限", "频次", "公开时间"),
        ),
        Column(
            "公开主体",
            "level",
            kind="choice",
            choices=tuple(Level.choices),
            required=False,
            aliases=("层级", "主体"),
        ),
        Column(
            "来源",
            "source",
            kind="choice",
            choices=tuple(Source.choices),
            required=False,
        ),
        Column(
            "适用村（社区）",
            "villages",
            kind="villages",
            required=False,
            aliases=("适用村", "适用范围", "适用村社区"),
            width=30,
        ),
        Column("依据", "basis", required=False, aliases=("公开依据", "政策依据"), width=30),
    ]

    def queryset(self, region, period):
        return Category.objects.in_region(region).filter(year=period.start.year)

    def records(self, *, user, region, period):
        return self.queryset(region, period).for_user(user).prefetch_related("villages")

    def save(self, values, *, user, region):
        existing = Category.objects.filter(
            region=region, year=values["year"], name=values["name"]
        ).first()
        before = None
        if existing is not None:
            before = (
                existing.frequency,
                existing.level,
                existing.source,
                existing.basis,
                {v.pk for v in existing.villages.all()},
            )
        saved = services.category_import_row(values, user=user, region=region)
        if existing is None:
            return "created"
        after = (
            saved.frequency,
            saved.level,
            saved.source,
            saved.basis,
            {v.pk for v in saved.villages.all()},
        )
        return "unchanged" if after == before else "updated"
