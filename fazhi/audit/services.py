from django.db import models

from fazhi.audit.models import Action, AuditEntry


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: str,
    user=None,
    request=None,
    obj: models.Model | None = None,
    detail: str = "",
    username: str = "",
) -> AuditEntry:
    if user is None and request is not None and request.user.is_authenticated:
        user = request.user
    return AuditEntry.objects.create(
        action=action,
        user=user if user is not None and user.pk else None,
        username=username or (user.get_username() if user is not None else ""),
        ip_address=client_ip(request),
        object_type=obj._meta.verbose_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        detail=detail,
    )


def personal_data_viewed(*, user, obj: models.Model, field: str, request=None) -> None:
    """Log that `user` saw the full, unmasked value of `field` on `obj`."""
    reads = PersonalReads(user=user, request=request)
    reads.add(obj, field)
    reads.log()


class PersonalReads:
    """The full personal data one request shows, logged as one audit entry.

    A page or an API list that shows twenty parties' ID numbers writes one line
    to the audit log naming the twenty records and the fields shown, not twenty
    INSERTs (which queue behind each other on SQLite). Add each value shown with
    `add`, then call `log` once the response is built.
    """

    def __init__(self, *, user, request=None):
        self.user = user
        self.request = request
        self._fields: dict[tuple[type, object], list[str]] = {}
        self._records: dict[tuple[type, object], models.Model] = {}

    def add(self, obj: models.Model, field: str) -> None:
        key = (type(obj), obj.pk)
        self._records.setdefault(key, obj)
        fields = self._fields.setdefault(key, [])
        label = str(obj._meta.get_field(field).verbose_name)
        if label not in fields:
            fields.append(label)

    def __len__(self) -> int:
        return len(self._records)

    def log(self) -> AuditEntry | None:
        """One audit entry for everything added so far (none if nothing was shown)."""
        if not self._records:
            return None
        records, fields = list(self._records.items()), self._fields
        self._records, self._fields = {}, {}
        if len(records) == 1:
            key, obj = records[0]
            return audit_record(
                action=Action.VIEW_PERSONAL,
                user=self.user,
                request=self.request,
                obj=obj,
                detail="查看完整" + "、".join(fields[key]),
            )
        return self._log_many(records, fields)

    def _log_many(self, records, fields) -> AuditEntry:
        types = dict.fromkeys(str(obj._meta.verbose_name) for _, obj in records)
        names = "、".join(str(obj) for _, obj in records)
        count = f"等{len(records)}条" if len(names) > 190 else f"（{len(records)}条）"
        lines = [
            f"{obj._meta.verbose_name} {obj}（#{obj.pk}）：{'、'.join(fields[key])}"
            for key, obj in records
        ]
        user = self.user
        if user is None and self.request is not None and self.request.user.is_authenticated:
            user = self.request.user
        return AuditEntry.objects.create(
            action=Action.VIEW_PERSONAL,
            user=user if user is not None and user.pk else None,
            username=user.get_username() if user is not None else "",
            ip_address=client_ip(self.request),
            object_type="、".join(types)[:100],
            object_repr=(names[:190] if len(names) > 190 else names) + count,
            detail=f"查看完整个人信息，共{len(records)}条：" + "；".join(lines),
        )
