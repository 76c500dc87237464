"""The platform's suggestions read in the report's own order (problems, then
next steps) and in Chinese on every view."""

import pytest

from fazhi.reports import contrib, services
from fazhi.reports.tests.conftest import propose_more

pytestmark = pytest.mark.usefixtures("registered")


def plan_more_training(f, ctx):
    return "加强人民调解员业务培训"


@pytest.fixture
def next_step():
    # Registered under a name that sorts before the problem's, so only the
    # kind's order can put the problem first.
    contrib.candidate("next_step", order=1)(plan_more_training)
    yield f"{plan_more_training.__module__}.{plan_more_training.__qualname__}"
    contrib.unregister(f"{plan_more_training.__module__}.{plan_more_training.__qualname__}")


def test_problems_come_before_next_steps(next_step):
    kinds = [c.section for c in contrib.candidates() if c.name.startswith("fazhi.reports.tests")]
    assert kinds == ["problem", "next_step"]


def test_the_page_lists_problems_before_next_steps(cast, client, next_step):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    client.force_login(cast.officer)
    html = client.get(f"/reports/{report.pk}/").content.decode()
    table = html[html.index("平台根据数据提出的问题与举措") :]
    assert table.index("部分村（社区）人民调解组织力量薄弱") < table.index("加强人民调解员业务培训")


def test_the_leader_reads_the_choice_in_chinese(cast, client, next_step):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    problem = f"{propose_more.__module__}.{propose_more.__qualname__}"
    report.decisions = {problem: {"status": "accepted"}, next_step: {"status": "dropped"}}
    report.save(update_fields=["decisions"])
    client.force_login(cast.leader)
    html = client.get(f"/reports/{report.pk}/").content.decode()
    table = html[html.index("平台根据数据提出的问题与举措") :]
    assert "accepted" not in table and "dropped" not in table
    assert "<td>采纳</td>" in table and "<td>不采纳</td>" in table
