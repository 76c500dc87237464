"""消息中心: a person's own notices, their 待办, and which notices reach e-mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from fazhi.core.web import paginate, run_service
from fazhi.notices import services
from fazhi.notices.forms import PreferenceForm
from fazhi.notices.kinds import email_by_default, label_of
from fazhi.notices.models import Notice, NoticePreference
from fazhi.notices.selectors import todo_rows

CRUMB = ("消息中心", "/notices/")


def _kind_filter(request) -> str:
    kind = request.GET.get("kind", "").strip()
    return kind if kind.replace(".", "").replace("_", "").isalnum() and len(kind) <= 60 else ""


@login_required
def notice_list(request):
    unread_only = request.GET.get("unread") == "1"
    kind = _kind_filter(request)
    notices = Notice.objects.for_user(request.user).of_kind(kind)
    if unread_only:
        notices = notices.unread()
    notices = notices.order_by(F("read_at").asc(nulls_first=True), "-created_at", "-pk")
    context = {
        "page": paginate(request, notices),
        "unread_only": unread_only,
        "kind": kind,
        "kind_label": label_of(kind) if kind else "",
        "query": request.GET.urlencode(),
        "breadcrumbs": [(CRUMB[0], None)],
    }
    return render(request, "notices/notice_list.html", context)


@login_required
def notice_open(request, pk):
    """Opening a notice marks it read and goes to the page it is about."""
    notice = get_object_or_404(Notice.objects.for_user(request.user), pk=pk)
    services.notice_read(notice=notice)
    if notice.url and services.is_local_url(notice.url):
        return redirect(notice.url)
    return redirect("notices:index")


def _back(request):
    target = request.POST.get("next", "")
    return redirect(target if services.is_local_url(target) else reverse("notices:index"))


@login_required
@require_POST
def notice_mark_read(request, pk):
    notice = get_object_or_404(Notice.objects.for_user(request.user), pk=pk)
    services.notice_read(notice=notice)
    return _back(request)


@login_required
@require_POST
def notice_read_all(request):
    count = services.notices_read_all(user=request.user, kind=_kind_filter(request))
    messages.success(request, f"已将 {count} 条消息标为已读。")
    return _back(request)


@login_required
def todo_list(request):
    context = {"todo": todo_rows(request.user), "breadcrumbs": [CRUMB, ("我的待办", None)]}
    return render(request, "notices/todo_list.html", context)


@login_required
def preference_edit(request):
    preference = NoticePreference.objects.filter(user=request.user).first()
    chosen = preference.email_kinds if preference else sorted(email_by_default())
    data = request.POST if request.method == "POST" else None
    form = PreferenceForm(data, initial={"email_kinds": chosen})
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, services.preference_save, user=request.user, **form.cleaned_data)
    ):
        messages.success(request, "已保存。")
        return redirect("notices:settings")
    context = {"form": form, "breadcrumbs": [CRUMB, ("消息设置", None)]}
    return render(request, "notices/preference_form.html", context)
