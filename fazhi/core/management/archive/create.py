"""Writing an archive: the database dump first, then the attachments, then the tar."""

import io
import os
import tarfile
import tempfile
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import IO

from django.core.files.storage import Storage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from fazhi.core.management import databases
from fazhi.core.management.archive.manifest import (
    MANIFEST,
    MEDIA_PREFIX,
    BackupError,
    BackupResult,
    Manifest,
    Say,
    copy_hashed,
    key_fingerprint,
    sha256_file,
    storage_names,
)
from fazhi.core.management.databases import DatabaseToolError, vendor_name


def backup_create(*, destination: Path, say: Say = lambda line: None) -> BackupResult:
    """Write an archive of the database and the attachments to `destination`."""
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        databases.require_supported(connection)
    except DatabaseToolError as error:
        raise BackupError(str(error)) from None
    destination = destination.resolve()
    if destination.exists():
        raise BackupError(f"{destination} 已存在：不覆盖已有的存档，请换一个文件名。")
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".fazhi-backup-", dir=destination.parent) as folder:
        work = Path(folder)
        dump = work / databases.DUMP_FILES[connection.vendor]
        say(f"导出数据库（{vendor_name(connection.vendor)}）…")
        try:
            snapshot = databases.database_dump(connection=connection, target=dump)
        except DatabaseToolError as error:
            raise BackupError(str(error)) from None
        say("复制附件…")
        partial = destination.with_name(destination.name + ".partial")
        try:
            # The database first, then the files: a file uploaded meanwhile is
            # an extra file in the archive, never a row without its file.
            media = _copy_media(default_storage, work / "media")
            manifest = Manifest(
                created_at=timezone.localtime().isoformat(timespec="seconds"),
                fazhi_version=_fazhi_version(),
                database_vendor=connection.vendor,
                database_file=dump.name,
                database_sha256=sha256_file(dump),
                key_fingerprint=key_fingerprint(),
                migrations=[list(item) for item in snapshot.migrations],
                row_counts=snapshot.row_counts,
                media={name: info for name, (info, _) in media.items()},
            )
            _write_tar(partial, manifest, dump, media)
            os.replace(partial, destination)
        except OSError as error:  # a full disk, an unreadable attachment …
            partial.unlink(missing_ok=True)
            raise BackupError(
                f"备份到 {destination} 失败（没有留下不完整的存档）：{error}"
            ) from None
    return BackupResult(path=destination, manifest=manifest)


def default_archive_name() -> str:
    return f"fazhi-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"


def _fazhi_version() -> str:
    try:
        return metadata.version("fazhi")
    except metadata.PackageNotFoundError:
        return "unknown"


def _copy_media(storage: Storage, into: Path) -> dict[str, tuple[dict, Path]]:
    """Copy every stored file once, hashing as it goes: the archive holds what was hashed."""
    into.mkdir()
    copied = {}
    for index, name in enumerate(storage_names(storage)):
        target = into / str(index)
        with storage.open(name, "rb") as source, open(target, "wb") as out:
            digest = copy_hashed(source, out)
        copied[name] = ({"sha256": digest, "size": target.stat().st_size}, target)
    return copied


def _tar_writer(raw: IO[bytes], *, gzip: bool) -> tarfile.TarFile:
    if gzip:
        return tarfile.open(fileobj=raw, mode="w:gz")
    return tarfile.open(fileobj=raw, mode="w")


def _write_tar(path: Path, manifest: Manifest, dump: Path, media: dict) -> None:
    gzip = path.name.removesuffix(".partial").endswith((".gz", ".tgz"))
    # The archive holds password hashes and encrypted personal data: owner only.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(descriptor, "wb") as raw, _tar_writer(raw, gzip=gzip) as tar:
        _add_bytes(tar, MANIFEST, manifest.to_json())
        _add_file(tar, manifest.database_file, dump)
        for name, (_, copy) in media.items():
            _add_file(tar, MEDIA_PREFIX + name, copy)
        tar.close()
        raw.flush()
        os.fsync(raw.fileno())


def _member(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(datetime.now().timestamp())
    return info


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    tar.addfile(_member(name, len(data)), io.BytesIO(data))


def _add_file(tar: tarfile.TarFile, name: str, path: Path) -> None:
    with open(path, "rb") as handle:
        tar.addfile(_member(name, path.stat().st_size), handle)
