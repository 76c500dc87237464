"""Controls the outside probe found holding, kept proven so that docs/security.md can cite them."""

import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from fazhi.attachments.services import attachment_create
from fazhi.disputes.tests.builders import GOOD_ID, make_dispute, make_party

PDF = b"%PDF-1.7\n%baseline\n"


def test_a_form_post_without_the_csrf_token_is_refused(cast):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        "/accounts/login/", {"username": "hs_officer", "password": cast.password}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in browser.session


def test_an_api_write_in_a_session_without_the_csrf_token_is_refused(cast):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(cast.officer)
    response = browser.post(
        "/api/v1/disputes/", {"summary": "跨站请求伪造的登记"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()


def test_an_unknown_account_gets_the_same_answer_as_a_wrong_password(cast, client):
    unknown = client.post("/accounts/login/", {"username": "nobody_here", "password": "x1!Aaaaa"})
    wrong = client.post("/accounts/login/", {"username": "hs_officer", "password": "x1!Aaaaa"})
    assert unknown.status_code == wrong.status_code == 200
    for response in (unknown, wrong):
        assert "用户名或密码不正确" in response.content.decode()
        assert "不存在" not in response.content.decode()


def test_uploaded_files_are_not_served_under_the_media_url(cast, client):
    attachment = attachment_create(
        upload=SimpleUploadedFile("合同.pdf", PDF), user=cast.officer, region=cast.town
    )
    client.force_login(cast.officer)
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    download = client.get(f"/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert hashlib.sha256(b"".join(download.streaming_content)).digest() == (
        hashlib.sha256(PDF).digest()
    )


def test_personal_data_is_encrypted_in_the_history_tables_too(cast):
    party = make_party(make_dispute(cast), id_number=GOOD_ID)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id_number, phone FROM disputes_historicalparty WHERE id = %s", [party.pk]
        )
        rows = cursor.fetchall()
    assert rows
    for id_number, phone in rows:
        assert id_number.startswith("enc1:") and GOOD_ID not in id_number
        assert phone.startswith("enc1:") and party.phone not in phone


def test_text_people_type_is_escaped_on_pages(cast, client):
    dispute = make_dispute(cast, summary='<script>alert("x")</script>两户争执')
    client.force_login(cast.officer)
    page = client.get(reverse("disputes:detail", args=[dispute.pk])).content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;" in page


def test_pages_forbid_framing_and_content_sniffing(cast, client):
    client.force_login(cast.officer)
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
