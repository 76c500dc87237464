"""The county administrator ranks the demo towns by reach per head, opens 黄水镇's
cockpit and follows a figure to its records; the leader's cockpit at 375 px shows
its charts with the table of their numbers beside each."""

from io import StringIO

from django.core.management import call_command

from conftest import browser_login

PHONE = {"width": 375, "height": 740}


def test_the_county_ranks_the_towns_a_figure_leads_to_its_records_and_the_phone_shows_charts(
    browser_context, live_server, settings
):
    settings.DEMO_COUNTY = True
    call_command("loaddemo", stdout=StringIO())
    page = browser_login(browser_context, live_server, "county_admin", next_url="/?year=2020")
    page.select_option("#rank-by", label="人均受教育次数")
    page.wait_for_url(lambda url: "by=assessment.person_times_per_head" in url)
    ranked = page.locator(".rollup table.compare").first.locator("tbody th").all_inner_texts()
    assert set(ranked) == {"黄水镇", "南宾街道", "万安街道", "下路街道", "西沱镇", "悦崃镇"}
    assert page.locator("#ranking-data").count() == 1
    page.click(".rollup table.compare >> text=黄水镇")
    page.wait_for_selector("h1:has-text('黄水镇驾驶舱')")
    figure = page.locator("a.kpi", has_text="排查调处矛盾纠纷")
    value = int(figure.locator("strong").inner_text())
    figure.click()
    page.wait_for_url(lambda url: "/disputes/" in url and "region=500240105000" in url)
    assert value > 0
    page.wait_for_selector(f"text=共 {value} 条")

    # One demo load for both halves (a flush between tests drops the seeded themes).
    phone = browser_context.browser.new_context(viewport=PHONE, locale="zh-CN")
    try:
        _the_leaders_cockpit_on_a_phone(phone, live_server)
    finally:
        phone.close()


def _the_leaders_cockpit_on_a_phone(context, live_server):
    context.set_default_timeout(15000)
    page = browser_login(context, live_server, "hs_leader", next_url="/?year=2020")
    page.wait_for_selector(".chart canvas")
    assert page.locator(".chart canvas").count() == 2
    for chart in page.locator(".cockpit .chart").all():
        box = chart.bounding_box()
        assert box["width"] <= 375 and box["height"] > 200
        # the chart's numbers stand in the table that follows it
        assert chart.locator("xpath=following::table[1]").count() == 1
    assert page.locator("table.chart-table tbody tr").count() == 12
    assert page.locator(".cockpit table.compare tbody tr").count() == 8
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
