"""A small 村务公开 world on the shared cast: 黄水镇's 2020 catalogue and
七龙社区's supervisor (a second village cadre account of 七龙社区)."""

from datetime import date
from types import SimpleNamespace

from fazhi.accounts.models import User
from fazhi.core.roles import Role
from fazhi.disclosure import services
from fazhi.disclosure.models import Frequency, Level
from fazhi.personal.validators import id_check_character

FIRST17 = "50024019900101123"
GOOD_ID = FIRST17 + id_check_character(FIRST17)


def build_world(cast, year=2020):
    monthly = services.category_save(
        user=cast.officer, region=cast.town, year=year, name="村级财务收支情况",
        frequency=Frequency.MONTHLY,
    )  # fmt: skip
    quarterly = services.category_save(
        user=cast.officer, region=cast.town, year=year, name="惠农补贴资金发放情况",
        frequency=Frequency.QUARTERLY,
    )  # fmt: skip
    one_off = services.category_save(
        user=cast.officer, region=cast.town, year=year, name="村级工程项目建设情况",
        frequency=Frequency.ONE_OFF,
    )  # fmt: skip
    town_item = services.category_save(
        user=cast.officer, region=cast.town, year=year, name="财政预算、决算信息",
        frequency=Frequency.ONE_OFF, level=Level.TOWN, source="town",
    )  # fmt: skip
    supervisor = User.objects.filter(username="ql_supervisor").first()
    if supervisor is None:
        supervisor = User(
            username="ql_supervisor", role=Role.VILLAGE_CADRE, region=cast.qilong,
            full_name="冉监督",
        )  # fmt: skip
        supervisor.set_password(cast.password)
        supervisor.save()
    services.supervisor_assign(
        user=cast.officer, region=cast.qilong, person=supervisor, since=date(2018, 1, 1)
    )
    return SimpleNamespace(
        monthly=monthly, quarterly=quarterly, one_off=one_off, town_item=town_item,
        supervisor=supervisor,
    )  # fmt: skip


def draft(cast, world, *, body="本月收入1000元，支出800元。", title="七龙社区3月财务收支", period=3,
          category=None, user=None, **kwargs):  # fmt: skip
    return services.post_save(
        user=user or cast.cadre, region=cast.qilong, category=category or world.monthly,
        year=2020, period=period, title=title, body=body, **kwargs,
    )  # fmt: skip


def publish(cast, world, post, day=date(2020, 4, 10)):
    services.post_submit(user=cast.cadre, post=post)
    return services.post_approve(user=world.supervisor, post=post, today=day)
