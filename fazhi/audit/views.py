from django.core.paginator import Paginator
from django.shortcuts import render

from fazhi.accounts.permissions import capability_required
from fazhi.accounts.roles import Capability
from fazhi.audit.filters import AuditFilter
from fazhi.audit.models import AuditEntry


@capability_required(Capability.AUDIT)
def audit_log(request):
    entries = AuditFilter(request.GET, queryset=AuditEntry.objects.for_user(request.user))
    page = Paginator(entries.qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"page": page, "filter": entries})
