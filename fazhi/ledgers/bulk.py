"""The fast import: the whole sheet checked in memory, then written in batches.

A ledger that implements `Ledger.plan` is imported in two steps:

1. **Check** (`plan`): the records the rows may match and the related records
   the cells name are fetched in a few queries up front; each row is then
   turned into an unsaved record and validated in memory (`clean_in_memory`:
   `full_clean` without its per-row queries). Errors go on the row; nothing is
   written. A dry run stops here.
2. **Write** (`Plan.write`): in the caller's one transaction, new records with
   `bulk_create`, changed ones with `bulk_update`, their history and audit
   entries in bulk too (`fazhi.audit.bulk`), then whatever needs the new keys
   (parties, villages covered, the leader's alerts).

So ten thousand rows cost a few dozen queries, not ten thousand savepoints.
A ledger without `plan` (the case ledgers, whose services compute statutory
deadlines) is still saved row by row through `Ledger.save`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

# How records are written with their history and audit entries: the audit app's
# writers (fazhi/audit/bulk.py), installed by ReportsConfig.ready, since this
# package cannot import the audit app without an import cycle between apps.
WRITERS: dict[str, Callable] = {}


def use_writers(*, create: Callable, update: Callable) -> None:
    WRITERS.update(create=create, update=update)


IN_CHUNK = 500  # values per `__in` lookup (SQLite and PostgreSQL bind-parameter limits)
MAX_IN_VALUES = 2_000  # more distinct values than this: filter on the other key fields only


@dataclass
class Plan:
    """What an import will write; `write` runs inside the caller's transaction."""

    model: type[models.Model]
    create: list[models.Model] = field(default_factory=list)
    update: list[tuple[models.Model, list[str]]] = field(default_factory=list)
    # writes that need the new records' keys, run in order after the records
    after: list[Callable[[], None]] = field(default_factory=list)
    before: list[Callable[[], None]] = field(default_factory=list)

    def write(self) -> None:
        for step in self.before:
            step()
        WRITERS["create"](self.model, self.create)
        WRITERS["update"](self.model, self.update)
        for step in self.after:
            step()


def key_value(value):
    """A natural-key part as compared: a record by its key, anything else as it is."""
    return value.pk if isinstance(value, models.Model) else value


def stored_value(record: models.Model, name: str):
    """`record.<name>` as `key_value` gives it, without fetching a related record."""
    return getattr(record, record._meta.get_field(name).attname)  # type: ignore[union-attr]


def clean_in_memory(record: models.Model, *, exclude: Iterable[str] = ()) -> None:
    """`full_clean` without a query per row: the related records were fetched up
    front (so their existence is known), and uniqueness is the planner's job."""
    skip = set(exclude)
    for model_field in record._meta.concrete_fields:
        if model_field.is_relation and getattr(record, model_field.attname) is not None:
            skip.add(model_field.name)  # set from a record we fetched: no need to ask the database
    record.full_clean(exclude=skip, validate_unique=False, validate_constraints=False)


def existing_by_key(queryset, natural_key: tuple[str, ...], rows: list[dict]) -> dict:
    """The records of `queryset` the rows may match, by their natural key, in a
    few queries: filtered on each key field's values (a date field on its range)."""
    if not rows:
        return {}
    model = queryset.model
    filters: dict[str, Any] = {}
    for name in natural_key:
        field = model._meta.get_field(name)
        values = {key_value(row.get(name)) for row in rows}
        if None in values:
            continue
        if isinstance(field, models.DateField):
            filters[f"{name}__range"] = (min(values), max(values))
        elif len(values) <= MAX_IN_VALUES:
            filters[name] = values
    chunked = [name for name in filters if not name.endswith("__range")]
    found: dict[tuple, models.Model] = {}
    # one `__in` field may be long: cut it into chunks, the rest filters as it is
    longest = max(chunked, key=lambda name: len(filters[name]), default=None)
    chunk_values: list[Any] = sorted(filters.pop(longest), key=str) if longest else [None]
    for start in range(0, len(chunk_values), IN_CHUNK):
        lookups = {
            (f"{name}__in" if not name.endswith("__range") else name): (
                list(value) if not name.endswith("__range") else value
            )
            for name, value in filters.items()
        }
        if longest:
            lookups[f"{longest}__in"] = chunk_values[start : start + IN_CHUNK]
        for record in queryset.filter(**lookups):
            key = tuple(stored_value(record, name) for name in natural_key)
            found.setdefault(key, record)
    return found


def row_key(values: dict, natural_key: tuple[str, ...]) -> tuple:
    return tuple(key_value(values.get(name)) for name in natural_key)


def changed_fields(record: models.Model, values: dict) -> list[str]:
    """The fields of `values` that differ from the record's (related ones by key)."""
    changed = []
    for name, value in values.items():
        if key_value(value) != stored_value(record, name):
            changed.append(name)
    return changed


def validation_messages(error: ValidationError) -> dict | list:
    return error.message_dict if hasattr(error, "error_dict") else error.messages
