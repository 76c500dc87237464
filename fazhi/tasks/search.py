"""What the tasks capability gives the global search: notices and tasks."""

from fazhi.core.global_search import SearchSource
from fazhi.tasks.models import Notice, Task

SOURCES = [
    SearchSource(
        key="notices",
        label="上级通知",
        capability="tasks",
        model=Notice,
        fields=("title", "doc_number", "issuer"),
        list_url="tasks:index",
        title=lambda n: f"{n.doc_number} {n.title[:40]}",
        url=lambda n: n.get_absolute_url(),
        note=lambda n: f"{n.issuer} · {n.received_on:%Y-%m-%d}",
        related=("region",),
        ordering=("-received_on", "-pk"),
    ),
    SearchSource(
        key="tasks",
        label="督办任务",
        capability="tasks",
        model=Task,
        fields=("title", "unit__name"),
        list_url="tasks:tasks",
        title=lambda t: t.title[:60],
        url=lambda t: t.get_absolute_url(),
        note=lambda t: (
            f"{t.unit.name if t.unit else ''} · {t.due_on:%Y-%m-%d}前 · {t.get_status_display()}"
        ),
        related=("unit",),
        ordering=("due_on", "pk"),
    ),
]
