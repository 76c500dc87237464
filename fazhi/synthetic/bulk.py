"""Writing many records at once, with their history and audit lines.

Each saved business record normally gets a history row (django-simple-history)
and a line in the audit log, written one by one by signals. `Writer.insert`
writes the records with `bulk_create` (which returns their primary keys on
SQLite and PostgreSQL), then their history rows with simple_history's
`bulk_history_create`, then their audit lines, each in batches, so a county's
million rows take minutes instead of hours. Before writing it runs
`full_clean` on the first records of each kind, so a generator that breaks a
validator stops the build with the model's own message.
"""

from collections import Counter

from django.db import models
from django.utils import timezone

from fazhi.audit.models import Action, AuditEntry

BATCH_SIZE = 500
CHECKED_PER_CALL = 2
HISTORY = "(history rows)"
AUDIT = "(audit log lines)"
MARK = "模拟数据"  # the audit log's detail on the lines `fazhi loadsynthetic` writes


class Writer:
    def __init__(self, *, user=None, counts: Counter | None = None, at=None, detail=MARK):
        self.user = user
        self.detail = detail  # the audit log's detail on every line written
        self.at = at or timezone.now()
        self.counts: Counter[str] = Counter() if counts is None else counts

    def as_user(self, user) -> "Writer":
        """A writer sharing this one's tallies, recording `user` as the author."""
        return Writer(user=user, counts=self.counts, at=self.at, detail=self.detail)

    def insert(self, model: type[models.Model], records: list, *, exclude=()) -> list:
        """Save `records` (unsaved instances of `model`) with their history and audit lines."""
        if not records:
            return records
        for record in records[:CHECKED_PER_CALL]:
            record.full_clean(exclude=list(exclude), validate_unique=False)
        model.objects.bulk_create(records, batch_size=BATCH_SIZE)
        history = getattr(model, "history", None)
        if history is not None:
            history.bulk_history_create(
                records, batch_size=BATCH_SIZE, default_user=self.user, default_date=self.at
            )
        AuditEntry.objects.bulk_create(
            [self._audit_line(record) for record in records], batch_size=BATCH_SIZE
        )
        self.counts[model._meta.label] += len(records)
        self.counts[HISTORY] += len(records) if history is not None else 0
        self.counts[AUDIT] += len(records)
        return records

    def link(self, through: type[models.Model], rows: list) -> None:
        """Rows of a many-to-many table (no history of their own is kept for these)."""
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.counts[through._meta.label] += len(rows)

    def _audit_line(self, record) -> AuditEntry:
        user = self.user
        return AuditEntry(
            action=Action.CREATE,
            user=user,
            username=user.get_username() if user is not None else "",
            object_type=record._meta.verbose_name,
            object_id=str(record.pk),
            object_repr=str(record)[:200],
            detail=self.detail,
        )
