"""Backup archives: the database, the attachments and proof of the key, in one file.

An archive is one tar file (gzip-compressed when its name ends in .gz):

    manifest.json          what the archive holds and how to check it
    database.sqlite3       SQLite's online backup of the whole database, or
    database.pgdump        pg_dump's custom-format dump
    media/<name>           every file in the attachment storage, by its storage name

The personal data stays encrypted inside the dump, so the archive is only
useful together with the encryption key, which is never written into it. The
manifest carries a fingerprint of the key (an HMAC of a fixed label under the
key) so that a restore under another key is refused before anything changes:
it would bring back ID numbers and phones nobody could read again.

Restoring checks everything it can before it touches anything (format, key,
database vendor, migrations, the hash of every member), then writes the
attachments (their names are unique, so this only adds), then replaces the
database in one transaction, then counts the rows again against the manifest.
"""

from fazhi.core.management.archive.create import backup_create, default_archive_name
from fazhi.core.management.archive.manifest import (
    BackupError,
    BackupResult,
    Manifest,
    RestoreResult,
    key_fingerprint,
)
from fazhi.core.management.archive.restore import backup_restore

__all__ = [
    "BackupError",
    "BackupResult",
    "Manifest",
    "RestoreResult",
    "backup_create",
    "backup_restore",
    "default_archive_name",
    "key_fingerprint",
]
