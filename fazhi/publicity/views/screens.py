"""LED screens: the officer's list, and the public display page each screen runs."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from fazhi.core import capabilities
from fazhi.core.keyword import keyword_filter
from fazhi.core.periods import parse_date
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate
from fazhi.publicity.forms import ScreenContentForm, ScreenForm
from fazhi.publicity.models import Screen, ScreenContent, ScreenStatus
from fazhi.publicity.search import SCREEN_FIELDS
from fazhi.publicity.services import screen_heartbeat, screen_rotate_token
from fazhi.publicity.views.common import crumbs, edit_page, scope_region

PAGE_SIZE = 50


@capability_required("publicity")
def screen_list(request):
    screens = (
        Screen.objects.for_user(request.user)
        .in_region(scope_region(request))
        .select_related("region")
    )
    if request.GET.get("status") in ScreenStatus.values:
        screens = screens.filter(status=request.GET["status"])
    until = parse_date(request.GET.get("until"), name="until", label="截止日期")
    if until:  # installed by that day (the metric's period end)
        screens = screens.installed_by(until)
    query = request.GET.get("q", "").strip()
    screens = keyword_filter(screens, value=query, fields=SCREEN_FIELDS)
    page = paginate(request, screens, per_page=PAGE_SIZE)
    now = timezone.now()
    rows = [(screen, screen.is_dark(now)) for screen in page]
    contents = ScreenContent.objects.for_user(request.user).select_related("region", "theme")
    return render(
        request,
        "publicity/screen_list.html",
        {
            "rows": rows,
            "page": page,
            "query": query,
            "contents": contents.current(timezone.localdate()),
            "later": contents.filter(start_date__gt=timezone.localdate()),
            "can_edit": can(request.user, "publicity", edit=True),
            "breadcrumbs": crumbs(("LED屏", None)),
        },
    )


@capability_required("publicity", edit=True)
def screen_create(request):
    return edit_page(
        request, form_class=ScreenForm, title="登记LED屏", back=reverse("publicity:screen_list")
    )


@capability_required("publicity", edit=True)
def screen_edit(request, pk: int):
    screen = get_for_user_or_404(Screen, request.user, pk=pk)
    return edit_page(
        request,
        form_class=ScreenForm,
        instance=screen,
        title="修改LED屏",
        back=reverse("publicity:screen_list"),
    )


@require_POST
@capability_required("publicity", edit=True)
def screen_new_address(request, pk: int):
    screen = get_for_user_or_404(Screen, request.user, pk=pk)
    screen_rotate_token(user=request.user, screen=screen)
    messages.success(request, f"{screen}的播放地址已更换，请在屏幕上打开新地址。")
    return redirect("publicity:screen_list")


@capability_required("publicity", edit=True)
def content_create(request):
    return edit_page(
        request,
        form_class=ScreenContentForm,
        title="新增播放内容",
        back=reverse("publicity:screen_list"),
    )


@capability_required("publicity", edit=True)
def content_edit(request, pk: int):
    content = get_for_user_or_404(ScreenContent, request.user, pk=pk)
    return edit_page(
        request,
        form_class=ScreenContentForm,
        instance=content,
        title="修改播放内容",
        back=reverse("publicity:screen_list"),
    )


# The public side: no login, nothing personal, found only by its unguessable token.


def _screen(token: str) -> Screen:
    screen = get_object_or_404(Screen.objects.select_related("region"), token=token)
    if screen.status == ScreenStatus.RETIRED:
        raise Http404
    return screen


def _items(screen: Screen) -> list:
    """The screen's own items, then what other capabilities contribute for its village
    (`core.capabilities.display_items`: e.g. published 村务公开 pushed to the screen)."""
    today = timezone.localdate()
    return [*screen.current_items(today), *capabilities.display_items(screen.region, today)]


@require_GET
@never_cache
def display(request, token: str):
    screen = _screen(token)
    return render(request, "publicity/display.html", {"screen": screen, "items": _items(screen)})


@require_GET
@never_cache
def display_items(request, token: str):
    """The current items as a fragment; the page swaps it in only when it changed."""
    screen = _screen(token)
    return render(request, "publicity/display_items.html", {"items": _items(screen)})


@csrf_exempt
@require_POST
def display_heartbeat(request, token: str):
    screen_heartbeat(screen=_screen(token))
    return HttpResponse(status=204)
