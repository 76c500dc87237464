"""History of every business record, through django-simple-history.

Every business model declares `history = audited_history()`: each save or
delete keeps a full copy of the record with who, when and from which address,
and adds a line to the audit log (`AuditEntry`) naming the fields changed.
"""

from django.db import models
from simple_history.models import HistoricalRecords


class IPAddressHistoricalModel(models.Model):
    history_ip = models.GenericIPAddressField("来源地址", null=True, blank=True)

    class Meta:
        abstract = True


def audited_history(**kwargs) -> HistoricalRecords:
    return HistoricalRecords(bases=[IPAddressHistoricalModel], **kwargs)
