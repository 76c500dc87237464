"""Demo: 黄水镇's 2020 report as a draft, with the officer's own words for the
work the platform does not record and the proposed problems accepted."""

from datetime import date

from fazhi.demo.registry import demo_step

NARRATIVES = {
    "demonstration": (
        "镇里把示范创建作为推进法治政府建设的抓手，对照指标体系逐项分解任务、"
        "明确责任科室和完成时限，定期梳理进度，推动各项创建任务落到实处。"
    ),
    "campaigns": (
        "疫情防控期间，结合入户排查同步宣讲防疫相关法律法规；在脱贫攻坚、扫黑除恶走访中"
        "一并开展普法，做到走访到哪里、宣传就延伸到哪里。"
    ),
    "legal_services": (
        "依托镇村两级公共法律服务平台，为群众提供法律咨询和法律援助引导，"
        "严格执行行政裁决的适用范围、程序和救济途径。"
    ),
    "assessment": (
        "将法治建设纳入镇村两级年度考核，实行阶段性目标管理，督促镇村“一把手”亲自抓、负总责。"
    ),
    "disclosure": (
        "通过线上线下相结合的方式，及时公开村级工程、集体资金、小微权力清单、"
        "农村建房和村务动态，让权力在阳光下运行。"
    ),
}


@demo_step(order=90)
def report_2020(context):
    from fazhi.accounts.models import User
    from fazhi.reports import document, services
    from fazhi.reports.models import Report

    town = context.town
    if Report.objects.filter(region=town, year=2020).exists():
        return
    officer = User.objects.filter(username="hs_officer").first()
    report = services.report_create(user=officer, region=town, year=2020)
    candidates = document.assemble(report)["candidates"]
    services.report_update(
        user=officer,
        report=report,
        narratives=NARRATIVES,
        decisions={item["key"]: {"status": "accepted", "text": ""} for item in candidates},
        issued_on=date(2021, 1, 20),
    )
    context.say("年度报告：黄水镇2020年度报告草稿（已采纳平台提出的问题与举措）")
