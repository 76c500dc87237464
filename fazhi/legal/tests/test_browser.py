"""In the browser: the officer takes a decision through every step while the advisor,
logged in separately, gives the legality opinion."""

import zipfile
from datetime import timedelta

from django.utils import timezone

from fazhi.legal.models import Decision, Stage
from fazhi.legal.tests.builders import PDF, make_advisor


def _pdf(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def _login(context, live_server, username):
    """Log in with `next` set: the login view's default redirect (LOGIN_REDIRECT_URL
    "dashboard:home") does not resolve in the foundation yet."""
    from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD

    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/?next=/legal/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/legal/**")
    return page


def _submit(page):
    page.click("main form.card button[type=submit]")


def test_officer_and_advisor_take_a_decision_through_every_step(
    browser_context, _browser, live_server
):
    from fazhi.accounts.models import User
    from fazhi.demo.management.commands.loaddemo import DEFAULT_PASSWORD

    officer_user, advisor_user = (
        User.objects.get(username=name) for name in ("hs_officer", "advisor")
    )
    for user in (officer_user, advisor_user):
        # The session-wide cast is hashed before the test's MD5-only hasher setting applies.
        user.set_password(DEFAULT_PASSWORD)
        user.save()
    make_advisor(officer_user.region, user=advisor_user)
    today = timezone.localdate()
    day = {n: (today - timedelta(days=n)).isoformat() for n in (0, 60, 59, 20, 19, 18)}

    officer = _login(browser_context, live_server, "hs_officer")
    officer.goto(f"{live_server.url}/legal/decisions/new/")
    officer.fill("input[name=title]", "场镇临街店招整治方案")
    officer.fill("input[name=year]", str(today.year))
    officer.fill("input[name=sponsor]", "综合行政执法办公室")
    officer.fill("input[name=launch_date]", day[60])
    officer.fill("input[name=responsible]", "马镇长")
    officer.set_input_files("input[name=documents]", [_pdf("启动报告.pdf")])
    _submit(officer)
    officer.wait_for_selector("#step-form")
    decision = Decision.objects.get(title="场镇临街店招整治方案")

    # 公众参与: a 38-day comment period.
    officer.fill("input[name=date]", day[20])
    officer.fill("input[name=responsible]", "谭法治")
    officer.fill("input[name=comment_start]", day[59])
    officer.fill("input[name=comment_end]", day[20])
    officer.set_input_files("input[name=documents]", [_pdf("征求意见汇总.pdf")])
    _submit(officer)
    officer.wait_for_selector("#step-participation")

    # 专家论证, recorded as not needed, with the reason.
    officer.fill("input[name=date]", day[19])
    officer.fill("input[name=responsible]", "谭法治")
    officer.select_option("select[name=expert_required]", "false")
    officer.fill("input[name=no_expert_reason]", "不涉及专业技术问题")
    _submit(officer)
    officer.wait_for_selector("#step-expert")

    # 风险评估
    officer.fill("input[name=date]", day[18])
    officer.fill("input[name=responsible]", "综治中心")
    officer.select_option("select[name=risk_level]", "low")
    _submit(officer)
    officer.wait_for_selector("#step-risk")

    # Going to discussion now is refused: the form is for 合法性审查, which has no opinion yet.
    officer.fill("input[name=date]", day[0])
    officer.fill("input[name=responsible]", "谭法治")
    _submit(officer)
    assert "合法性审查意见尚未选择" in officer.inner_text("main")

    # Send the draft to the advisor.
    officer.click("#send-review")
    officer.select_option("select[name=reviewer]", label="陈律师")
    officer.fill("input[name=sent_on]", day[18])
    officer.set_input_files("input[name=materials]", [_pdf("决策草案.pdf")])
    _submit(officer)
    officer.wait_for_selector("#review-due")

    # The advisor, in a second browser context, gives the opinion.
    advisor_context = _browser.new_context(locale="zh-CN")
    try:
        advisor = _login(advisor_context, live_server, "advisor")
        advisor.goto(f"{live_server.url}/legal/")
        advisor.click("text=场镇临街店招整治方案")
        advisor.check("input[name=opinion][value=lawful]")
        advisor.fill("textarea[name=reasons]", "决策主体、权限、程序合法，内容不违反上位法。")
        advisor.fill("input[name=answered_on]", day[0])
        advisor.set_input_files("input[name=signed_copies]", [_pdf("合法性审查意见书.pdf")])
        _submit(advisor)
        advisor.wait_for_selector("#opinion")
        assert "合法" in advisor.inner_text("#opinion")
    finally:
        advisor_context.close()

    # Back to the officer: 合法性审查, 集体讨论决定, 公布, 执行与后评估.
    officer.goto(f"{live_server.url}/legal/decisions/{decision.pk}/")
    officer.fill("input[name=date]", day[0])
    officer.fill("input[name=responsible]", "陈律师")
    officer.select_option("select[name=review_request]", index=1)
    _submit(officer)
    officer.wait_for_selector("#step-legality")

    officer.fill("input[name=date]", day[0])
    officer.fill("input[name=responsible]", "马镇长")
    officer.select_option("select[name=meeting_type]", "executive")
    officer.fill("input[name=attendance]", "镇长、副镇长、法律顾问列席")
    officer.fill("textarea[name=chief_decision]", "同意实施")
    officer.set_input_files("input[name=documents]", [_pdf("常务会议纪要.pdf")])
    _submit(officer)
    officer.wait_for_selector("#step-discussion")

    officer.fill("input[name=date]", day[0])
    officer.fill("input[name=responsible]", "谭法治")
    officer.fill("input[name=channel]", "镇政府网站")
    _submit(officer)
    officer.wait_for_selector("#step-publication")

    officer.fill("input[name=date]", day[0])
    officer.fill("input[name=responsible]", "综合行政执法办公室")
    officer.fill("textarea[name=note]", "整治完成，群众满意")
    _submit(officer)
    officer.wait_for_selector("#step-evaluation")
    assert "已完成" in officer.inner_text("#stage")
    decision.refresh_from_db()
    assert decision.stage == Stage.DONE

    with officer.expect_download() as download_info:
        officer.click("#download-archive")
    archive = zipfile.ZipFile(download_info.value.path())
    names = "\n".join(archive.namelist())
    for document in (
        "启动报告.pdf",
        "征求意见汇总.pdf",
        "决策草案.pdf",
        "合法性审查意见书.pdf",
        "常务会议纪要.pdf",
    ):
        assert document in names
    assert "00-案卷目录.txt" in names
