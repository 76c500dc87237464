"""Publicity themes: one list shared by every town, kept by the town officer.

Themes carry no region, so no village's scope covers them: a village cadre
sees the list but may not change it. Whoever may edit publicity with a scope
of a whole town or wider may add, rename and retire themes.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from fazhi.core.locking import EditConflict
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.publicity.forms import ThemeForm
from fazhi.publicity.models import Theme
from fazhi.publicity.services import theme_active_set
from fazhi.publicity.views.common import crumbs
from fazhi.regions.models import Level

LIST = "publicity:theme_list"


def may_edit_themes(user) -> bool:
    region = getattr(user, "active_region", None) or user.region
    return can(user, "publicity", edit=True) and region is not None and region.level <= Level.TOWN


def _require_theme_editor(request):
    if not may_edit_themes(request.user):
        raise PermissionDenied("普法主题为全系统共用的配置，仅镇法治专干可以修改。")


@capability_required("publicity")
def theme_list(request):
    return render(
        request,
        "publicity/theme_list.html",
        {
            "themes": Theme.objects.all(),
            "can_edit": may_edit_themes(request.user),
            "breadcrumbs": crumbs(("普法主题", None)),
        },
    )


@capability_required("publicity", edit=True)
def theme_create(request):
    _require_theme_editor(request)
    return _theme_form(request, None, "新增普法主题")


@capability_required("publicity", edit=True)
def theme_edit(request, pk: int):
    _require_theme_editor(request)
    return _theme_form(request, get_object_or_404(Theme, pk=pk), "修改普法主题")


def _theme_form(request, theme, title):
    form = ThemeForm(request.POST or None, instance=theme)
    if request.method == "POST" and form.is_valid():
        try:
            theme = form.save_checked()
        except EditConflict as conflict:
            form.add_error(None, conflict)
        else:
            messages.success(request, f"已保存普法主题：{theme.name}")
            return redirect(LIST)
    return render(
        request,
        "publicity/record_form.html",
        {
            "form": form,
            "title": title,
            "back": reverse(LIST),
            "breadcrumbs": crumbs(("普法主题", reverse(LIST)), (title, None)),
        },
    )


@require_POST
@capability_required("publicity", edit=True)
def theme_retire(request, pk: int):
    _require_theme_editor(request)
    theme = get_object_or_404(Theme, pk=pk)
    theme = theme_active_set(theme=theme, active=request.POST.get("active") == "1")
    if theme.active:
        messages.success(request, f"已恢复启用主题：{theme.name}")
    else:
        messages.success(request, f"已停用主题：{theme.name}（已登记的活动仍保留该主题）")
    return redirect(LIST)
