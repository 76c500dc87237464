"""The post's way (draft → review → published → withdrawn), enforced in the services."""

from datetime import date
from io import BytesIO

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from fazhi.disclosure import services
from fazhi.disclosure.models import Post, Status
from fazhi.disclosure.tests.helpers import GOOD_ID, build_world, draft, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    return build_world(cast)


def test_a_draft_gets_its_due_date_from_the_catalogue(cast, world):
    post = draft(cast, world, period=7)
    assert post.status == Status.DRAFT
    assert post.due_on == date(2020, 8, 17)


def test_the_supervisor_publishes_and_the_post_is_filed_with_the_township(cast, world):
    post = publish(cast, world, draft(cast, world))
    assert post.status == Status.PUBLISHED
    assert post.published_on == date(2020, 4, 10) and post.display_until == date(2020, 4, 20)
    assert post.filed_at is not None and post.reviewed_by == world.supervisor
    assert not post.late


def test_a_draft_cannot_be_published_before_it_is_submitted(cast, world):
    post = draft(cast, world)
    with pytest.raises(ValidationError, match="请先提交审核"):
        services.post_approve(user=world.supervisor, post=post)


def test_only_the_villages_supervisor_may_approve_and_never_the_author(cast, world):
    post = draft(cast, world)
    services.post_submit(user=cast.cadre, post=post)
    for someone in (cast.cadre, cast.officer, cast.other_cadre):
        with pytest.raises(PermissionDenied):
            services.post_approve(user=someone, post=post)


def test_a_return_needs_a_reason_and_sends_the_post_back_for_edits(cast, world):
    post = draft(cast, world)
    services.post_submit(user=cast.cadre, post=post)
    with pytest.raises(ValidationError, match="退回理由"):
        services.post_return(user=world.supervisor, post=post, reason="  ")
    services.post_return(user=world.supervisor, post=post, reason="金额有误")
    post.refresh_from_db()
    assert post.status == Status.RETURNED and post.return_reason == "金额有误"
    draft(cast, world, post=post, body="更正后的金额。", version=post.version)


def test_a_published_post_cannot_be_edited_and_is_withdrawn_with_a_reason_not_deleted(cast, world):
    post = publish(cast, world, draft(cast, world))
    with pytest.raises(ValidationError, match="只有草稿或退回"):
        draft(cast, world, post=post, body="改动", version=post.version)
    with pytest.raises(ValidationError, match="撤回理由"):
        services.post_withdraw(user=cast.cadre, post=post, reason="")
    services.post_withdraw(user=cast.cadre, post=post, reason="数据录入错误")
    post.refresh_from_db()
    assert post.status == Status.WITHDRAWN and post.withdraw_reason == "数据录入错误"
    assert Post.objects.filter(pk=post.pk).exists()


def test_a_late_post_is_marked_late(cast, world):
    post = publish(cast, world, draft(cast, world), day=date(2020, 4, 22))
    assert post.late


def test_a_category_must_fit_its_period(cast, world):
    with pytest.raises(ValidationError, match="期次"):
        draft(cast, world, category=world.quarterly, period=5)
    with pytest.raises(ValidationError, match="事项发生日"):
        draft(cast, world, category=world.one_off, period=0)


def test_a_village_cadre_cannot_draft_for_another_village(cast, world):
    with pytest.raises(PermissionDenied):
        services.post_save(
            user=cast.other_cadre, region=cast.qilong, category=world.monthly, year=2020,
            period=1, title="x", body="x",
        )  # fmt: skip


def test_two_edits_from_one_read_do_not_overwrite_each_other(cast, world):
    post = draft(cast, world)
    read = post.version
    draft(cast, world, post=post, body="第一次修改", version=read)
    with pytest.raises(ValidationError, match="已被"):
        draft(cast, world, post=Post.objects.get(pk=post.pk), body="第二次修改", version=read)


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (f"户主身份证 {GOOD_ID}", "正文含未遮蔽的身份证号码（5002**********"),
        ("联系电话13812345678。", "正文含未遮蔽的手机号码（138****5678）"),
    ],
)
def test_publishing_refuses_unmasked_personal_data_and_names_where(cast, world, body, named):
    post = draft(cast, world, body=body)
    services.post_submit(user=cast.cadre, post=post)
    with pytest.raises(ValidationError) as refused:
        services.post_approve(user=world.supervisor, post=post)
    assert named in refused.value.messages[0]


def test_masked_numbers_and_other_long_numbers_may_be_published(cast, world):
    bad_check = GOOD_ID[:17] + ("0" if GOOD_ID[17] != "0" else "1")
    body = f"5002**********1234、138****5678、合同号 {bad_check}、账号 6222021234567890123"
    assert publish(cast, world, draft(cast, world, body=body)).status == Status.PUBLISHED


def _docx_with(text: str) -> SimpleUploadedFile:
    document = docx.Document()
    document.add_paragraph("补贴发放名单")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "谭某华"
    table.rows[0].cells[1].text = text
    buffer = BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("名单.docx", buffer.getvalue())


def test_publishing_refuses_personal_data_in_an_attached_word_file(cast, world):
    post = draft(cast, world, uploads=[_docx_with(GOOD_ID)])
    services.post_submit(user=cast.cadre, post=post)
    with pytest.raises(ValidationError, match="附件「名单.docx」含未遮蔽的身份证号码"):
        services.post_approve(user=world.supervisor, post=post)


def test_the_api_answers_400_naming_the_missing_step(cast, world):
    post = draft(cast, world)
    api = APIClient()
    api.force_authenticate(world.supervisor)
    response = api.post(f"/api/v1/disclosure/posts/{post.pk}/approve/")
    assert response.status_code == 400
    assert "提交审核" in str(response.json())


def test_the_api_drafts_submits_and_publishes(cast, world):
    cadre, supervisor = APIClient(), APIClient()
    cadre.force_authenticate(cast.cadre)
    supervisor.force_authenticate(world.supervisor)
    created = cadre.post(
        "/api/v1/disclosure/posts/",
        {"region": cast.qilong.code, "category": world.quarterly.pk, "year": 2020, "period": 2,
         "title": "二季度补贴", "body": "已发放。"},
        format="json",
    )  # fmt: skip
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert cadre.post(f"/api/v1/disclosure/posts/{pk}/submit/").status_code == 200
    published = supervisor.post(f"/api/v1/disclosure/posts/{pk}/approve/")
    assert published.json()["status"] == "published"


def test_markup_in_a_post_is_shown_as_text_on_the_portal(cast, world, client):
    hostile = '<script>alert(1)</script>\n\n名称 | <img src=x onerror=alert(1)>\n甲 | "乙"'
    post = publish(cast, world, draft(cast, world, title="<b>标题</b>", body=hostile))
    html = client.get(f"/gongkai/neirong/{post.pk}/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "<th scope='col'>&lt;img" in html
    assert "&lt;b&gt;标题" in html
