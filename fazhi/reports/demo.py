"""Demo: 黄水镇's 2020 report as a draft, with the officer's own words for the
work the platform does not record and the proposed problems accepted."""

from datetime import date

from fazhi.core.demo import demo_step

NARRATIVES = {
    "demonstration": (
        "对照县里下发的示范创建指标，镇里列出任务清单，每项写明牵头科室和完成时间，"
        "每季度对账一次，未完成的项目当场说明原因、定出补救办法。"
    ),
    "campaigns": (
        "春季疫情防控中，网格员上门登记时顺带讲解防疫期间的法律义务；"
        "干部到户走访脱贫户、排查涉黑涉恶线索时，也把相关法律知识一起带到。"
    ),
    "legal_services": (
        "镇公共法律服务站和各村服务点接待群众咨询，符合条件的引导申请法律援助；"
        "办理行政裁决时按法定程序进行，并在决定书中写明救济途径。"
    ),
    "assessment": (
        "法治建设列入镇对村、镇对站所的年度考核，分阶段设定目标，主要负责人对本单位结果负责。"
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
