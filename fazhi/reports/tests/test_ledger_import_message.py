"""A ledger import refuses a file that is not a workbook by naming the one
type it takes, not the attachments' list of pictures and documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.usefixtures("registered")

PNG_HEAD = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_a_picture_given_as_a_ledger_is_refused_naming_excel_only(cast, client):
    client.force_login(cast.officer)
    response = client.post(
        "/reports/ledgers/test.organisations/import/",
        {
            "region": cast.town.code,
            "file": SimpleUploadedFile("台账.xlsx", PNG_HEAD),
            "action": "preview",
        },
    )
    assert response.status_code == 200
    error = " ".join(response.context["form"].errors["file"])
    assert "Excel" in error and ".xlsx" in error
    assert "JPG" not in error and "PNG" not in error and "Word" not in error
