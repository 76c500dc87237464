"""A published post's files on the portal: to anyone, only while it is published."""

from io import BytesIO

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.disclosure import services
from fazhi.disclosure.models import Status
from fazhi.disclosure.tests.helpers import build_world, draft, publish

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n%test\n"


@pytest.fixture
def world(cast):
    return build_world(cast)


def _docx(text="补贴发放名单：谭某华 500元") -> SimpleUploadedFile:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("../发放名单\u202exslx.docx", buffer.getvalue())


def _files(cast, world, *uploads):
    post = draft(cast, world, uploads=list(uploads))
    return post, list(services.attachments_of(post).order_by("id"))


def test_a_published_posts_word_file_downloads_without_login_safely(cast, world, client):
    post, (word,) = _files(cast, world, _docx())
    publish(cast, world, post)
    page = client.get(f"/gongkai/neirong/{post.pk}/").content.decode()
    url = f"/gongkai/neirong/{post.pk}/fujian/{word.pk}/"
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "%E5%8F%91%E6%94%BE%E5%90%8D%E5%8D%95xslx.docx" in disposition  # no folder, no RLO
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"PK")


def test_a_photo_is_shown_on_the_post_page_with_alt_text(cast, world, client):
    post, (photo,) = _files(cast, world, SimpleUploadedFile("村道硬化现场.jpg", PNG))
    publish(cast, world, post)
    page = client.get(f"/gongkai/neirong/{post.pk}/").content.decode()
    assert f'<img src="/gongkai/neirong/{post.pk}/fujian/{photo.pk}/" alt="村道硬化现场"' in page
    response = client.get(f"/gongkai/neirong/{post.pk}/fujian/{photo.pk}/")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_drafts_attachment_is_not_found(cast, world, client):
    post, (word,) = _files(cast, world, _docx())
    assert client.get(f"/gongkai/neirong/{post.pk}/fujian/{word.pk}/").status_code == 404
    services.post_submit(user=cast.cadre, post=post)
    assert client.get(f"/gongkai/neirong/{post.pk}/fujian/{word.pk}/").status_code == 404


def test_a_withdrawn_posts_attachment_is_not_found(cast, world, client):
    post, (word,) = _files(cast, world, _docx())
    publish(cast, world, post)
    url = f"/gongkai/neirong/{post.pk}/fujian/{word.pk}/"
    assert client.get(url).status_code == 200
    services.post_withdraw(user=cast.cadre, post=post, reason="名单有误")
    assert post.status == Status.WITHDRAWN
    assert client.get(url).status_code == 404


def test_another_posts_attachment_is_not_found_under_a_published_post(cast, world, client):
    published = publish(cast, world, draft(cast, world))
    other, (word,) = _files(cast, world, _docx())
    assert client.get(f"/gongkai/neirong/{published.pk}/fujian/{word.pk}/").status_code == 404
    assert client.get(f"/gongkai/neirong/{published.pk}/fujian/999999/").status_code == 404


def test_a_pdf_whose_text_publishing_cannot_check_is_listed_by_name_only(cast, world, client):
    post, (pdf,) = _files(cast, world, SimpleUploadedFile("审计报告.pdf", PDF))
    publish(cast, world, post)
    page = client.get(f"/gongkai/neirong/{post.pk}/").content.decode()
    assert "审计报告.pdf（请到村务公开栏查阅）" in page
    assert client.get(f"/gongkai/neirong/{post.pk}/fujian/{pdf.pk}/").status_code == 404


def test_publishing_checks_the_attachment_text_before_it_can_be_served(cast, world, client):
    post, (word,) = _files(cast, world, _docx("联系电话13812345678"))
    services.post_submit(user=cast.cadre, post=post)
    with pytest.raises(Exception, match="手机号码"):
        services.post_approve(user=world.supervisor, post=post)
    assert client.get(f"/gongkai/neirong/{post.pk}/fujian/{word.pk}/").status_code == 404
