from django.shortcuts import render

from fazhi.audit.filters import AuditFilter
from fazhi.audit.models import AuditEntry
from fazhi.core.permissions import capability_required
from fazhi.core.web import paginate


@capability_required("audit")
def audit_log(request):
    entries = AuditFilter(request.GET, queryset=AuditEntry.objects.for_user(request.user))
    page = paginate(request, entries.qs, per_page=50)
    return render(request, "audit/log.html", {"page": page, "filter": entries})
