"""Many records written at once, with the same history and audit log a save leaves.

A save goes through django-simple-history's signals: one history row, then one
audit entry (`handlers.copy_to_audit_log`). A ledger import of ten thousand rows
cannot afford three INSERTs and a read per row, so it writes the records, their
history rows and their audit entries each in a few batched INSERTs here. What
ends up in the tables is what the one-by-one saves would have left: the same
history rows (who, when, from which address) and the same audit entries
(新增, or 修改 with 「修改字段：…」 naming the fields that changed).
"""

from django.db import connection, models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from fazhi.audit.models import Action, AuditEntry
from fazhi.audit.services import client_ip

BATCH_SIZE = 500
UNTRACKED = {"version"}  # bookkeeping, left out of 修改字段 as the handler does


def _history_context():
    """The user and address a save in this request would record."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None
    return user, client_ip(request)


def _history(model):
    name = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, name) if name else None


def _changed_fields(model, fields) -> str:
    labels = [
        str(model._meta.get_field(name).verbose_name) for name in fields if name not in UNTRACKED
    ]
    return "修改字段：" + "、".join(labels) if labels else "保存（无字段变化）"


def _insert(model, names: list[str], rows) -> None:
    """INSERT rows of `model` (values by field name) with executemany: no model
    instances, no per-value SQL compiling; the fields still prepare each value
    (encryption, time zones, IP addresses) as a save would."""
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    prepared = [
        [
            field.get_db_prep_save(value, connection)
            for field, value in zip(fields, row, strict=True)
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(prepared), BATCH_SIZE):
            cursor.executemany(sql, prepared[start : start + BATCH_SIZE])


def _history_rows(model, objs, *, history_type: str, user, ip) -> None:
    """The history rows a save of each of `objs` leaves (simple-history's fields)."""
    history_model = _history(model).model
    when = timezone.now()
    own = {
        "history_date": when,
        "history_change_reason": None,
        "history_type": history_type,
        "history_user": user.pk if user is not None else None,
        "history_ip": ip,
    }
    tracked = [field.attname for field in history_model.tracked_fields]
    names, getters = [], []
    for field in history_model._meta.concrete_fields:
        if field.primary_key and field.name == "history_id":
            continue
        names.append(field.name)
        if field.attname in tracked:
            getters.append(field.attname)
        elif field.name in own:
            getters.append(None)
        else:
            raise ValueError(f"unexpected history field {field.name}")
    rows = [
        [
            getattr(obj, attname) if attname else own[name]
            for name, attname in zip(names, getters, strict=True)
        ]
        for obj in objs
    ]
    _insert(history_model, names, rows)


def _audit(model, objs, *, action: str, user, ip, details) -> None:
    kind = str(model._meta.verbose_name)
    now = timezone.now()
    username = user.get_username() if user is not None else ""
    user_id = user.pk if user is not None else None
    _insert(
        AuditEntry,
        ["at", "user", "username", "ip_address", "action", "object_type", "object_id",
         "object_repr", "detail"],
        (
            [now, user_id, username, ip, action, kind, str(obj.pk), str(obj)[:200], detail]
            for obj, detail in zip(objs, details, strict=True)
        ),
    )  # fmt: skip


def bulk_create_audited(model, objs: list) -> list:
    """INSERT `objs` (unsaved `model` instances) with their history and audit rows."""
    if not objs:
        return objs
    plain = _seal(model, objs)
    try:
        created = model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
        user, ip = _history_context()
        history = _history(model)
        if history is not None:
            _history_rows(model, created, history_type="+", user=user, ip=ip)
            _audit(
                model, created, action=Action.CREATE, user=user, ip=ip, details=[""] * len(created)
            )
    finally:
        for obj, attname, value in plain:
            setattr(obj, attname, value)
    return created


def _seal(model, objs: list) -> list[tuple]:
    """Encrypt each encrypted field's value once (a field with `seal`), so the
    record and its history row store the same ciphertext instead of encrypting
    twice; returns what to put back on the instances afterwards."""
    fields = [field for field in model._meta.concrete_fields if hasattr(field, "seal")]
    plain = []
    for field in fields:
        for obj in objs:
            value = getattr(obj, field.attname)
            if value:
                plain.append((obj, field.attname, value))
                setattr(obj, field.attname, field.seal(value))
    return plain


def bulk_update_audited(model, changes: list[tuple[models.Model, list[str]]]) -> None:
    """UPDATE each record's changed fields (its version moved on, as a save does),
    with a history row and an audit entry naming the fields, as a save leaves."""
    if not changes:
        return
    versioned = any(field.name == "version" for field in model._meta.concrete_fields)
    by_fields: dict[tuple[str, ...], list] = {}
    for obj, fields in changes:
        if versioned:
            obj.version = (obj.version or 0) + 1
        written = tuple(sorted({*fields, *(["version"] if versioned else [])}))
        by_fields.setdefault(written, []).append(obj)
    for fields, objs in by_fields.items():
        model._default_manager.bulk_update(objs, fields, batch_size=BATCH_SIZE)
    user, ip = _history_context()
    history = _history(model)
    if history is not None:
        objs = [obj for obj, _ in changes]
        _history_rows(model, objs, history_type="~", user=user, ip=ip)
        details = [_changed_fields(model, fields) for _, fields in changes]
        _audit(model, objs, action=Action.UPDATE, user=user, ip=ip, details=details)
