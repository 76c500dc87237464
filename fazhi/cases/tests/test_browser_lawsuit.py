"""In a real browser: the officer follows a lawsuit from receipt to the appeal deadline."""

from conftest import browser_login


def test_the_officer_follows_a_lawsuit_from_receipt_to_appeal_deadline(
    browser_context, live_server
):
    page = browser_login(
        browser_context, live_server, "hs_officer", next_url="/cases/lawsuits/new/"
    )
    page.wait_for_selector("h1:has-text('登记行政诉讼案件')")
    page.fill("[name=case_number]", "（2020）渝0240行初30号")
    page.fill("[name=court]", "石柱土家族自治县人民法院")
    page.fill("[name=plaintiffs]", "谭某")
    page.fill("[name=cause]", "行政处罚")
    page.fill("[name=contested_act]", "罚款500元的处罚决定")
    page.fill("[name=complaint_received_on]", "2020-09-20")
    page.click("button:has-text('保存')")

    # the 15th day is inside the National Day holiday, so the answer is due on 10-09
    page.wait_for_selector("#answer-due")
    assert "2020-10-09" in page.inner_text("#answer-due")

    page.fill("#answer-form [name=submitted_on]", "2020-09-30")
    page.click("#answer-form button")
    page.wait_for_selector("text=2020-09-30")

    page.fill("#hearing-form [name=date]", "2020-11-10")
    page.fill("#hearing-form [name=court]", "第一审判庭")
    page.select_option("#hearing-form [name=appearance]", "absent")
    page.click("#hearing-form button")
    assert "负责人未出庭的，必须说明理由" in page.inner_text("#hearing-form")
    page.select_option("#hearing-form [name=appearance]", "head")
    page.fill("#hearing-form [name=head_name]", "马镇长（镇长）")
    page.click("#hearing-form button")
    page.wait_for_selector("text=正职负责人出庭")

    page.select_option("#decision-form [name=decision_kind]", "judgment")
    page.fill("#decision-form [name=decision_date]", "2020-12-28")
    page.fill("#decision-form [name=served_on]", "2020-12-30")
    page.select_option("#decision-form [name=outcome]", "dismissed_claim")
    page.click("#decision-form button")
    page.wait_for_selector("#appeal-due")
    assert "2021-01-14" in page.inner_text("#appeal-due")

    page.goto(f"{live_server.url}/cases/lawsuits/")
    assert "（2020）渝0240行初30号" in page.inner_text("main")
