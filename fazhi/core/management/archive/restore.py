"""Restoring an archive: check everything first, then the attachments, then the database."""

import posixpath
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader

from fazhi.core.management import databases
from fazhi.core.management.archive.manifest import (
    MANIFEST,
    MEDIA_PREFIX,
    BackupError,
    Manifest,
    RestoreResult,
    Say,
    copy_hashed,
    key_fingerprint,
    sha256_stream,
    storage_names,
)
from fazhi.core.management.databases import DatabaseToolError, vendor_name


def backup_restore(
    *, archive: Path, check_only: bool = False, say: Say = lambda line: None
) -> RestoreResult:
    """Bring back the database and attachments of `archive`, or refuse before changing anything."""
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        databases.require_supported(connection)
    except DatabaseToolError as error:
        raise BackupError(str(error)) from None
    if not archive.is_file():
        raise BackupError(f"找不到存档文件 {archive}。")
    with tempfile.TemporaryDirectory(prefix="fazhi-restore-") as folder:
        work = Path(folder)
        say(f"检查存档 {archive.name} …")
        unpacked = _unpack(archive, work, connection)
        manifest = unpacked.manifest
        result = RestoreResult(
            manifest=manifest,
            tables=len(manifest.row_counts),
            rows=sum(manifest.row_counts.values()),
            media_written=0,
            media_unchanged=0,
            media_extra=[],
            migrations_to_apply=unpacked.migrations_to_apply,
            restored=False,
        )
        if check_only:
            return result
        say("恢复附件…")
        try:
            result.media_written, result.media_unchanged = _restore_media(
                default_storage, manifest, unpacked.media
            )
        except OSError as error:
            raise BackupError(f"写回附件失败，数据库尚未改动：{error}") from None
        say(f"恢复数据库（{vendor_name(connection.vendor)}）…")
        try:
            databases.database_restore(connection=connection, source=unpacked.dump)
        except DatabaseToolError as error:
            raise BackupError(str(error)) from None
        ContentType.objects.clear_cache()  # ids now come from the archive
        result.restored = True
        _check_restored(manifest, connection)
        result.media_extra = sorted(set(storage_names(default_storage)) - set(manifest.media))
    return result


@dataclass
class _Unpacked:
    manifest: Manifest
    migrations_to_apply: list[str]
    dump: Path
    media: dict[str, Path]  # storage name -> extracted copy


def _unpack(archive: Path, work: Path, connection) -> _Unpacked:
    """Read the manifest first and refuse early; then every member, checking its hash."""
    try:
        with tarfile.open(archive, mode="r:*") as tar:
            return _read_members(tar, work, connection)
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise BackupError(
            f"存档 {archive.name} 无法读完（存档已损坏、不是 tar 存档，或临时目录空间不足）：{error}"
        ) from None


def _opened(tar: tarfile.TarFile, member: tarfile.TarInfo) -> IO[bytes]:
    """A regular file member's content (the callers checked it is a file)."""
    source = tar.extractfile(member)
    if source is None:
        raise BackupError(f"存档中的 {member.name} 不是普通文件。")
    return source


def _read_members(tar: tarfile.TarFile, work: Path, connection) -> _Unpacked:
    members = iter(tar)
    first = next(members, None)
    if first is None or first.name != MANIFEST or not first.isfile():
        raise BackupError("存档的第一个文件不是 manifest.json：这不是 fazhi backup 生成的存档。")
    manifest = Manifest.from_json(_opened(tar, first).read())
    to_apply = _refuse_incompatible(manifest, connection)
    dump = None
    media: dict[str, Path] = {}
    for member in members:
        name = member.name
        stored = name.removeprefix(MEDIA_PREFIX)
        if not member.isfile():
            raise BackupError(f"存档中含有非普通文件 {name}：拒绝恢复。")
        if name == manifest.database_file and dump is None:
            target = dump = work / name
            expected = manifest.database_sha256
        elif name.startswith(MEDIA_PREFIX) and stored in manifest.media and stored not in media:
            _check_storage_name(stored)
            target = media[stored] = work / f"media-{len(media)}"
            expected = manifest.media[stored]["sha256"]
        else:
            raise BackupError(f"存档中的 {name} 不在 manifest.json 的清单里或重复出现：拒绝恢复。")
        if _extract_hashed(tar, member, target) != expected:
            raise BackupError(
                f"存档中 {name} 的 SHA-256 与清单不符：存档已损坏或被改动，拒绝恢复。"
            )
    if dump is None:
        raise BackupError(f"存档中缺少数据库文件 {manifest.database_file}：存档不完整。")
    missing = sorted(set(manifest.media) - set(media))
    if missing:
        raise BackupError(f"存档中缺少 {len(missing)} 个附件（如 {missing[0]}）：存档不完整。")
    return _Unpacked(manifest=manifest, migrations_to_apply=to_apply, dump=dump, media=media)


def _extract_hashed(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> str:
    with open(target, "wb") as out:
        return copy_hashed(_opened(tar, member), out)


def _check_storage_name(name: str) -> None:
    parts = name.split("/")
    if not name or name.startswith("/") or "\\" in name or any(p in ("", ".", "..") for p in parts):
        raise BackupError(f"存档中的附件名 {name!r} 不安全：拒绝恢复。")


def _refuse_incompatible(manifest: Manifest, connection) -> list[str]:
    """Refuse before anything is read further; return the migrations to apply afterwards."""
    if manifest.key_fingerprint != key_fingerprint():
        raise BackupError(
            "加密密钥不一致：存档是在另一个 FAZHI_ENCRYPTION_KEY 下备份的，"
            "恢复后其中的身份证号、电话等个人信息将无法解密。已拒绝恢复，数据库和附件均未改动。"
            "请先把 FAZHI_ENCRYPTION_KEY（或 var/encryption_key 文件）换回备份时的密钥再恢复。"
        )
    if manifest.database_vendor != connection.vendor:
        raise BackupError(
            f"存档来自 {vendor_name(manifest.database_vendor)} 数据库，当前数据库是"
            f" {vendor_name(connection.vendor)}：不能跨数据库恢复，已拒绝。"
            f"请恢复到 {vendor_name(manifest.database_vendor)} 数据库（DATABASE_URL）。"
        )
    if manifest.database_file != databases.DUMP_FILES[connection.vendor]:
        raise BackupError("存档的数据库文件名与数据库类型不符：存档已损坏。")
    to_apply = _migrations_to_apply(manifest)
    if connection.vendor == "postgresql":
        _refuse_foreign_tables(manifest, connection)
    return to_apply


def _migrations_to_apply(manifest: Manifest) -> list[str]:
    """Refuse an archive from newer code; name what `fazhi migrate` will add after an older one."""
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    in_archive = {tuple(item) for item in manifest.migrations}
    unknown = sorted(in_archive - on_disk)
    if unknown:
        names = "、".join(f"{app}.{name}" for app, name in unknown[:5])
        raise BackupError(
            f"存档来自较新的程序版本（含本程序没有的迁移：{names}"
            f"{' 等' if len(unknown) > 5 else ''}）：请先把程序升级到备份时的版本再恢复。"
        )
    return [f"{app}.{name}" for app, name in sorted(on_disk - in_archive)]


def _refuse_foreign_tables(manifest: Manifest, connection) -> None:
    """pg_restore --clean replaces the archive's tables only: others would survive and clash."""
    foreign = sorted(
        set(databases.postgresql_tables(connection=connection)) - set(manifest.row_counts)
    )
    if foreign:
        raise BackupError(
            f"目标数据库中有存档里没有的表（{'、'.join(foreign[:5])}{' 等' if len(foreign) > 5 else ''}），"
            "多半是目标库的程序版本比存档新：已拒绝恢复。请恢复到一个新建的空数据库，再运行 fazhi migrate。"
        )


def _restore_media(storage: Storage, manifest: Manifest, media: dict[str, Path]) -> tuple[int, int]:
    written = unchanged = 0
    for name, path in media.items():
        if storage.exists(name):
            with storage.open(name, "rb") as current:
                if sha256_stream(current) == manifest.media[name]["sha256"]:
                    unchanged += 1
                    continue
            storage.delete(name)
        with open(path, "rb") as handle:
            saved = storage.save(name, File(handle, name=posixpath.basename(name)))
        if saved != name:
            raise BackupError(f"附件 {name} 未能按原名写回存储（存为了 {saved}）：请检查附件存储。")
        written += 1
    return written, unchanged


def _check_restored(manifest: Manifest, connection) -> None:
    after = databases.database_read(connection=connection)
    differing = [
        f"{table}（清单 {count}，恢复后 {after.row_counts.get(table, '缺失')}）"
        for table, count in manifest.row_counts.items()
        if after.row_counts.get(table) != count
    ]
    if differing:
        raise BackupError(
            "恢复后的行数与清单不符：" + "；".join(differing[:5]) + "。请检查数据库后重新恢复。"
        )
    for name, info in manifest.media.items():
        with default_storage.open(name, "rb") as handle:
            if sha256_stream(handle) != info["sha256"]:
                raise BackupError(f"恢复后附件 {name} 的 SHA-256 与清单不符：请检查附件存储。")
