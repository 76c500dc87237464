"""What an archive holds and how it is checked: the manifest, the key fingerprint, hashes."""

import hashlib
import hmac
import json
import posixpath
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.files.storage import Storage

FORMAT = "fazhi-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
_KEY_LABEL = b"fazhi backup archive: encryption key check, version 1"
_CHUNK = 1024 * 1024

Say = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore refused or failed; the message says why, in Chinese."""


def key_fingerprint() -> str:
    """Identifies FAZHI_ENCRYPTION_KEY without revealing it (HMAC-SHA256 of a fixed label)."""
    return hmac.new(settings.FAZHI_ENCRYPTION_KEY.encode(), _KEY_LABEL, hashlib.sha256).hexdigest()


@dataclass
class Manifest:
    created_at: str
    fazhi_version: str
    database_vendor: str
    database_file: str
    database_sha256: str
    key_fingerprint: str
    migrations: list[list[str]]
    row_counts: dict[str, int]
    media: dict[str, dict] = field(default_factory=dict)  # name -> {"sha256", "size"}
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> "Manifest":
        try:
            data = json.loads(raw)
        except ValueError:
            raise BackupError("存档的 manifest.json 不是有效的 JSON：存档已损坏。") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BackupError("这不是 fazhi backup 生成的存档（manifest.json 的 format 不对）。")
        if data.get("format_version") != FORMAT_VERSION:
            raise BackupError(
                f"存档格式版本 {data.get('format_version')} 不受支持"
                f"（本程序读取版本 {FORMAT_VERSION}）：请用生成它的程序版本恢复。"
            )
        try:
            return cls(**data)
        except TypeError:
            raise BackupError("存档的 manifest.json 缺少或多出字段：存档已损坏。") from None


@dataclass
class BackupResult:
    path: Path
    manifest: Manifest


@dataclass
class RestoreResult:
    manifest: Manifest
    tables: int
    rows: int
    media_written: int
    media_unchanged: int
    media_extra: list[str]
    migrations_to_apply: list[str]
    restored: bool


def copy_hashed(source: IO[bytes], out: IO[bytes] | None = None) -> str:
    """SHA-256 of everything read from `source`, copied to `out` on the way when given."""
    digest = hashlib.sha256()
    while chunk := source.read(_CHUNK):
        digest.update(chunk)
        if out is not None:
            out.write(chunk)
    return digest.hexdigest()


def sha256_stream(handle: IO[bytes]) -> str:
    return copy_hashed(handle)


def sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return copy_hashed(handle)


def storage_names(storage: Storage, directory: str = "") -> list[str]:
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return []
    names = [posixpath.join(directory, name) for name in files]
    for sub in directories:
        names.extend(storage_names(storage, posixpath.join(directory, sub)))
    return sorted(names)
