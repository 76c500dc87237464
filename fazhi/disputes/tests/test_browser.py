"""A 贵和工作室 mediator takes a dispute from intake to the agreement .docx in the browser."""

from docx import Document

from conftest import browser_login
from fazhi.disputes.models import DisputeType
from fazhi.disputes.seed import seed_dispute_types
from fazhi.disputes.tests.builders import GOOD_ID


def test_a_guihe_mediator_goes_from_intake_to_the_agreement_docx(browser_context, live_server):
    seed_dispute_types(DisputeType)  # an earlier transactional test may have flushed them
    page = browser_login(browser_context, live_server, "guihe_mediator")
    page.click("nav.mainnav >> text=矛盾纠纷")
    page.click("a:has-text('登记纠纷')")
    page.fill("input[name=registered_on]", "2020-06-01")
    page.select_option("select[name=region]", label="七龙社区")
    page.select_option("select[name=source]", label="来访")
    page.select_option("select[name=dispute_type]", label="邻里")
    page.fill("input[name=place]", "七龙社区3组")
    page.fill("textarea[name=summary]", "两户因屋后排水沟改道积水入户发生争执")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=纠纷已登记")
    number = page.locator("h1").inner_text().split()[0]

    for name, role, id_number in [("谭某华", "申请人", GOOD_ID), ("冉某军", "被申请人", "")]:
        page.click("a:has-text('添加当事人')")
        page.fill("input[name=name]", name)
        page.select_option("select[name=role]", label=role)
        page.fill("input[name=id_number]", id_number)
        page.click("button:has-text('保存')")
        page.wait_for_selector(f"td:has-text('{name}')")
    assert page.locator("td.id-number").first.inner_text() == GOOD_ID  # the case's mediator

    page.click("a:has-text('受理并分派调解')")
    page.fill("input[name=accepted_on]", "2020-06-02")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=调解中")

    page.click("a:has-text('记录调解')")
    page.fill("input[name=held_on]", "2020-06-05")
    page.fill("input[name=attendees]", "双方当事人、向贵和、网格员")
    page.fill("textarea[name=notes]", "现场查看排水沟走向，双方同意改道")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=现场查看排水沟走向")

    page.click("a:has-text('调解成功：制作协议')")
    page.fill(
        "textarea[name=terms]", "一、谭某华于十日内将排水沟恢复原走向；\n二、费用由双方各半负担。"
    )
    page.fill("input[name=performance_method]", "十日内当场履行")
    page.fill("input[name=signed_on]", "2020-06-08")
    page.fill("input[name=effective_on]", "2020-06-08")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=调解成功")
    assert "2020年7月8日" in page.content()  # 30 days for judicial confirmation

    with page.expect_download() as download:
        page.click("a:has-text('下载人民调解协议书')")
    path = download.value.path()
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert text.startswith("人民调解协议书")
    assert f"编号：{number}" in text
    assert "一、谭某华于十日内将排水沟恢复原走向；" in text
    assert "谭某华" in cells and "冉某军" in cells and GOOD_ID in cells
    assert download.value.suggested_filename == f"agreement-{number}.docx"
