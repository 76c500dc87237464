"""Demo: 黄水镇's 2020 report as a draft, with the officer's own words for the
work the platform does not record and the proposed problems accepted. 一(一)
is written from the superior notices and their tasks where those are recorded."""

from datetime import date

from fazhi.core.demo import demo_step

NARRATIVES = {
    "campaigns": (
        "春季疫情防控中，网格员上门登记时顺带讲解防疫期间的法律义务；"
        "干部到户走访脱贫户、排查涉黑涉恶线索时，也把相关法律知识一起带到。"
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
    assembled = document.assemble(report)
    candidates = assembled.candidates
    # The officer's words stand in only where no capability wrote from records.
    written = {
        section.key for part in assembled.parts for section in part.sections if section.paragraphs
    }
    services.report_update(
        user=officer,
        report=report,
        narratives={key: text for key, text in NARRATIVES.items() if key not in written},
        decisions={item.key: {"status": "accepted", "text": ""} for item in candidates},
        issued_on=date(2021, 1, 20),
    )
    context.say("年度报告：黄水镇2020年度报告草稿（已采纳平台提出的问题与举措）")
