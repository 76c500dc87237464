"""`fazhi backup` and `fazhi restore` round trips, on whichever database DATABASE_URL names.

The tests restore into the test database itself: on SQLite that is the shared
in-memory database (the online backup API copies to and from it like a file),
on PostgreSQL the test_… database pg_restore replaces table by table. They are
transactional so that the restore and the commands' own transactions are real.
"""

import hashlib
import io
import json
import tarfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from fazhi.attachments.models import Attachment
from fazhi.attachments.services import attachment_create
from fazhi.disputes.models import Dispute, Party
from fazhi.disputes.tests.builders import GOOD_ID, make_dispute, make_party

pytestmark = pytest.mark.django_db(transaction=True)

ON_POSTGRESQL = django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
PHONE = "13902341234"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def records(cast):
    dispute = make_dispute(cast)
    party = make_party(dispute, id_number=GOOD_ID)
    attachment = attachment_create(
        upload=SimpleUploadedFile("现场.png", PNG),
        user=cast.cadre,
        region=cast.qilong,
        owner=dispute,
    )
    return SimpleNamespace(cast=cast, dispute=dispute, party=party, attachment=attachment)


def _state() -> dict:
    """What a restore must bring back: every table's rows, decrypted personal data, file hashes."""
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    files = {}
    for attachment in Attachment.objects.all():
        storage = attachment.file.storage
        files[attachment.file.name] = (
            hashlib.sha256(storage.open(attachment.file.name).read()).hexdigest()
            if storage.exists(attachment.file.name)
            else None
        )
    return {
        "counts": counts,
        "parties": {party.pk: (party.id_number, party.phone) for party in Party.objects.all()},
        "files": files,
    }


def _backup(path: Path) -> Path:
    call_command("backup", output=str(path), stdout=io.StringIO())
    return path


def _restore(path: Path, *args: str, **options) -> str:
    out = io.StringIO()
    call_command("restore", str(path), *args, interactive=False, stdout=out, **options)
    return out.getvalue()


def _change_everything(records) -> None:
    Party.objects.filter(pk=records.party.pk).update(phone="13800000000")
    records.attachment.file.storage.delete(records.attachment.file.name)
    make_dispute(records.cast, summary="备份之后才登记的纠纷")


def _rewrite(path: Path, *, manifest=None, members: dict | None = None) -> Path:
    """A copy of the archive with the manifest edited or members' bytes replaced."""
    copy = path.with_name(f"edited-{len(list(path.parent.glob('edited-*')))}-{path.name}")
    with tarfile.open(path) as source, tarfile.open(copy, "w") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == "manifest.json" and manifest:
                content = json.loads(data)
                manifest(content)
                data = json.dumps(content).encode()
            data = (members or {}).get(member.name, data)
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return copy


def test_a_restore_brings_back_rows_personal_data_and_attachments(records, tmp_path):
    before = _state()
    assert before["parties"][records.party.pk] == (GOOD_ID, PHONE)
    archive = _backup(tmp_path / "fazhi.tar.gz")
    _change_everything(records)
    assert _state() != before

    report = _restore(archive)

    assert _state() == before
    party = Party.objects.get(pk=records.party.pk)
    assert (party.id_number, party.phone) == (GOOD_ID, PHONE)
    assert Attachment.objects.get().file.read() == PNG
    assert not Dispute.objects.filter(summary="备份之后才登记的纠纷").exists()
    assert "恢复完成，恢复后的行数和附件哈希均与清单一致" in report
    assert "附件写回 1 个" in report


def test_it_refuses_an_archive_made_under_another_key_and_changes_nothing(
    records, tmp_path, settings
):
    archive = _backup(tmp_path / "fazhi.tar")
    _change_everything(records)
    changed = _state()
    key = settings.FAZHI_ENCRYPTION_KEY

    settings.FAZHI_ENCRYPTION_KEY = "另一台服务器上的另一把密钥"
    with pytest.raises(CommandError) as error:
        _restore(archive)
    settings.FAZHI_ENCRYPTION_KEY = key

    assert "加密密钥不一致" in str(error.value)
    assert "数据库和附件均未改动" in str(error.value)
    assert _state() == changed


def test_it_refuses_an_archive_of_another_vendor_altered_or_from_newer_code(records, tmp_path):
    archive = _backup(tmp_path / "fazhi.tar")
    attachment = "media/" + records.attachment.file.name
    other_vendor = "sqlite" if ON_POSTGRESQL else "postgresql"
    refused = {
        "不能跨数据库恢复": _rewrite(
            archive, manifest=lambda content: content.update(database_vendor=other_vendor)
        ),
        f"{attachment} 的 SHA-256 与清单不符": _rewrite(
            archive, members={attachment: PNG + b"appended"}
        ),
        "存档来自较新的程序版本（含本程序没有的迁移：disputes.9999_from_the_future": _rewrite(
            archive,
            manifest=lambda content: content["migrations"].append(
                ["disputes", "9999_from_the_future"]
            ),
        ),
    }
    _change_everything(records)
    changed = _state()

    for message, edited in refused.items():
        with pytest.raises(CommandError) as error:
            _restore(edited)
        assert message in str(error.value)
        assert _state() == changed


def test_the_manifest_holds_counts_migrations_hashes_and_a_key_fingerprint_but_no_key(
    records, tmp_path, settings
):
    state = _state()
    archive = _backup(tmp_path / "fazhi.tar")
    with tarfile.open(archive) as tar:
        assert tar.getnames()[0] == "manifest.json"
        manifest = json.loads(tar.extractfile("manifest.json").read())
    raw = archive.read_bytes()

    assert manifest["format_version"] == 1
    assert manifest["database_vendor"] == connection.vendor
    assert ["disputes", "0001_initial"] in manifest["migrations"]
    assert manifest["row_counts"] == state["counts"]
    assert manifest["media"] == {
        records.attachment.file.name: {"sha256": hashlib.sha256(PNG).hexdigest(), "size": len(PNG)}
    }
    assert len(manifest["key_fingerprint"]) == 64
    assert settings.FAZHI_ENCRYPTION_KEY.encode() not in raw
    assert GOOD_ID.encode() not in raw and PHONE.encode() not in raw  # encrypted in the dump
    assert (archive.stat().st_mode & 0o777) == 0o600


def test_check_and_a_declined_confirmation_change_nothing(records, tmp_path, monkeypatch):
    archive = _backup(tmp_path / "fazhi.tar.gz")
    _change_everything(records)
    changed = _state()

    assert "存档核对无误，可以恢复" in _restore(archive, "--check")
    assert _state() == changed

    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="已取消，没有做任何改动"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert _state() == changed


def test_a_backup_into_a_directory_is_named_by_time_and_never_overwrites(records, tmp_path):
    _backup(tmp_path)
    (archive,) = tmp_path.glob("fazhi-backup-*.tar.gz")
    first = archive.read_bytes()

    with pytest.raises(CommandError, match="已存在"):
        _backup(archive)

    assert archive.read_bytes() == first
    assert "恢复完成" in _restore(archive)


def test_a_backup_that_cannot_be_written_leaves_no_partial_archive(records, tmp_path, monkeypatch):
    def disk_full(tar, name, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("fazhi.core.management.archive.create._add_file", disk_full)

    with pytest.raises(CommandError) as error:
        _backup(tmp_path / "fazhi.tar.gz")

    assert "没有留下不完整的存档" in str(error.value)
    assert [path.name for path in tmp_path.iterdir()] == ["media"]  # the attachments only


@pytest.mark.skipif(ON_POSTGRESQL, reason="SQLite only")
def test_on_sqlite_no_external_tool_is_needed(records, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    archive = _backup(tmp_path / "fazhi.tar")

    assert "恢复完成" in _restore(archive)


@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL only")
def test_on_postgresql_a_missing_pg_dump_is_named(records, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))

    with pytest.raises(CommandError) as error:
        _backup(tmp_path / "fazhi.tar")

    assert "找不到 PostgreSQL 的 pg_dump 命令" in str(error.value)
    assert not list(tmp_path.glob("*.tar*"))


@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL only")
def test_on_postgresql_it_refuses_a_database_with_tables_the_archive_lacks(records, tmp_path):
    archive = _backup(tmp_path / "fazhi.tar")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE newer_code_table (id integer)")
    try:
        _change_everything(records)
        changed = _state()
        with pytest.raises(CommandError) as error:
            _restore(archive)
        assert "目标数据库中有存档里没有的表（newer_code_table）" in str(error.value)
        assert _state() == changed
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE newer_code_table")
