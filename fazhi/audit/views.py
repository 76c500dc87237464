from django.core.paginator import Paginator
from django.shortcuts import render

from fazhi.audit.filters import AuditFilter
from fazhi.audit.models import AuditEntry
from fazhi.core.permissions import capability_required


@capability_required("audit")
def audit_log(request):
    entries = AuditFilter(request.GET, queryset=AuditEntry.objects.for_user(request.user))
    page = Paginator(entries.qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"page": page, "filter": entries})
