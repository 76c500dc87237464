"""What a person reads is Chinese written for them: no rule codes, library
names, template syntax, file paths, "---------" or "未知" on the pages, and
each error says its field once."""

import base64
import re

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.publicity.models import Activity
from fazhi.publicity.tests.builders import make_activity_form_data

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _filter_form(html: str) -> str:
    start = html.index('<form method="get" class="filters">')
    return html[start : html.index("</form>", start)]


def test_the_deadlines_page_shows_no_rule_codes_or_library_names(cast, client):
    client.force_login(cast.officer)
    html = client.get("/deadlines/").content.decode()
    text = re.sub(r"<[^>]+>", " ", html)  # what is read, not the option values
    assert "litigation.answer" not in text and "reconsideration." not in text
    assert "chinese_calendar" not in text
    assert "提交答辩状和证据" in text and "国务院办公厅放假通知" in text


def test_the_report_templates_page_speaks_to_a_word_user(cast, client):
    client.force_login(cast.officer)
    html = client.get("/reports/templates/").content.decode()
    assert "docs/" not in html and "{% for" not in html and "详见" not in html
    assert "下载示例模板" in html
    # The substitution marks stay available, folded away for whoever builds a template.
    assert "<details" in html and "{{ body }}" in html


def test_list_filters_offer_all_instead_of_dashes_or_unknown(cast, client):
    client.force_login(cast.officer)
    for url in ("/disputes/", "/publicity/activities/"):
        form = _filter_form(client.get(url).content.decode())
        assert "---------" not in form and "未知" not in form, url
        assert "全部" in form, url
    client.force_login(cast.auditor)
    form = _filter_form(client.get("/audit/").content.decode())
    assert "---------" not in form and "全部" in form


def test_the_all_choice_of_a_yes_no_filter_shows_every_record(cast, client):
    client.force_login(cast.officer)
    response = client.get("/disputes/", {"overdue": ""})
    assert response.status_code == 200
    assert response.context["filter"].form.cleaned_data["overdue"] is None


def test_the_account_pages_explain_themselves_plainly(cast, client):
    client.force_login(cast.sysadmin)
    html = client.get(f"/accounts/users/{cast.officer.pk}/").content.decode()
    assert "以反选代替删除帐号" not in html and "150个字符或以下" not in html
    assert "取消勾选即停用账号" in html
    html = client.get("/accounts/password/").content.decode()
    assert "为了校验" not in html and "<ul><li>" not in html
    assert "至少8位，包含小写字母、大写字母、数字、符号中的三类" in html


def test_a_photo_of_the_wrong_type_names_its_field_once(cast, client):
    client.force_login(cast.cadre)
    fake = SimpleUploadedFile("照片.jpg", b"this is not an image", content_type="image/jpeg")
    response = client.post("/publicity/activities/new/", make_activity_form_data(cast, photos=fake))
    html = response.content.decode()
    assert response.status_code == 200 and not Activity.objects.exists()
    assert "活动照片：文件内容不是允许的类型" in html
    assert "活动照片：活动照片" not in html


def test_a_photo_chosen_while_another_field_fails_asks_to_be_chosen_again(cast, client):
    client.force_login(cast.cadre)
    photo = SimpleUploadedFile("现场.png", PNG, content_type="image/png")
    response = client.post(
        "/publicity/activities/new/", make_activity_form_data(cast, title="", photos=photo)
    )
    html = response.content.decode()
    assert response.status_code == 200 and not Activity.objects.exists()
    assert "活动照片：表单其他栏目有误，刚才选择的文件没有保存" in html
    # A form without a chosen file gets no such notice.
    response = client.post("/publicity/activities/new/", make_activity_form_data(cast, title=""))
    assert "刚才选择的文件没有保存" not in response.content.decode()


def test_every_primary_link_is_styled_as_a_button():
    """One look for main actions: a link marked primary carries the button class."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent / "fazhi"
    offenders = [
        f"{path.relative_to(root)}: {tag}"
        for path in root.rglob("templates/**/*.html")
        for tag in re.findall(r"<a\b[^>]*\bclass=\"([^\"]*)\"", path.read_text())
        if "primary" in tag.split() and "button" not in tag.split()
    ]
    assert offenders == []


def test_a_forms_empty_choice_asks_to_choose(cast, client):
    client.force_login(cast.cadre)
    html = client.get("/publicity/activities/new/").content.decode()
    assert "---------" not in html
    assert '<option value="">请选择</option>' in html
