import csv
import os
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes import services
from fazhi.disputes.tests.builders import make_assignment, make_dispute, make_dispute_type


@pytest.fixture
def ledger(cast, client):
    first = make_dispute(
        cast, summary="林地界址争议", dispute_type=make_dispute_type("土地/山林权属")
    )
    make_assignment(cast, first)
    services.dispute_hand_over(
        dispute=first,
        user=cast.officer,
        kind="pre_litigation",
        receiver="石柱县人民法院",
        reason="需鉴定",
        handed_on=first.accepted_on,
    )
    make_dispute(
        cast, cast.huangshui, summary="商铺押金争议", dispute_type=make_dispute_type("合同/债务")
    )
    client.force_login(cast.officer)
    return client


def _rows(response):
    sheet = load_workbook(BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def test_the_ledger_opens_with_its_title_header_and_rows(cast, ledger):
    rows = _rows(ledger.get(reverse("disputes:export")))
    assert rows[0][0] == "黄水镇矛盾纠纷排查调处台账"
    assert rows[1][:4] == ("序号", "编号", "登记日期", "村(社区)")
    by_summary = {row[6]: row for row in rows[2:]}
    assert set(by_summary) == {"林地界址争议", "商铺押金争议"}
    handed = by_summary["林地界址争议"]
    assert handed[13] == "已移交" and handed[16] == "法院诉前调解：石柱县人民法院"


def test_the_ledger_exports_exactly_what_is_filtered(cast, ledger):
    rows = _rows(ledger.get(reverse("disputes:export"), {"status": "handed_over"}))
    assert [row[6] for row in rows[2:]] == ["林地界址争议"]
    rows = _rows(ledger.get(reverse("disputes:export"), {"region": cast.huangshui.pk}))
    assert [row[6] for row in rows[2:]] == ["商铺押金争议"]


def test_exporting_is_written_to_the_audit_log(cast, ledger):
    ledger.get(reverse("disputes:export"))
    assert AuditEntry.objects.filter(action=Action.EXPORT, user=cast.officer).exists()


def _calc_installed() -> bool:
    """soffice opens spreadsheets only with LibreOffice Calc (Debian: libreoffice-calc-nogui)."""
    return shutil.which("soffice") is not None and any(
        Path(folder, "libsclo.so").exists()
        for folder in ("/usr/lib/libreoffice/program", "/opt/libreoffice/program")
    )


def test_libreoffice_opens_the_ledger(cast, ledger, tmp_path):
    if not _calc_installed():
        if os.environ.get("FAZHI_REQUIRE_OFFICE"):
            pytest.fail("LibreOffice Calc is missing; CI installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)")
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(ledger.get(reverse("disputes:export"), {"status": "handed_over"}).content)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with open(tmp_path / "ledger.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "黄水镇矛盾纠纷排查调处台账"
    assert rows[2][6] == "林地界址争议"
