from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from fazhi.accounts.forms import LoginForm, UserForm
from fazhi.accounts.middleware import SESSION_KEY
from fazhi.accounts.models import User
from fazhi.accounts.permissions import capability_required
from fazhi.accounts.roles import Capability, Role
from fazhi.accounts.services import user_save
from fazhi.regions.models import Region


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@require_POST
def switch_region(request):
    """A county user narrows the view to one town, or widens it back."""
    user = request.user
    if not user.is_authenticated or user.role != Role.COUNTY_ADMIN:
        return redirect("home")
    code = request.POST.get("region", "")
    region = Region.objects.filter(code=code).first() if code else None
    if region is None or region == user.region:
        request.session.pop(SESSION_KEY, None)
        messages.info(request, f"查看范围：{user.region.name}")
    elif user.region.contains(region):
        request.session[SESSION_KEY] = region.code
        messages.info(request, f"查看范围已切换为：{region.name}")
    else:
        messages.error(request, "所选区划不在您的管辖范围内。")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "home"
    return redirect(next_url or "home")


@capability_required(Capability.ACCOUNTS)
def user_list(request):
    users = User.objects.for_user(request.user).select_related("region", "organisation")
    role = request.GET.get("role", "")
    if role:
        users = users.filter(role=role)
    page = Paginator(users, 30).get_page(request.GET.get("page"))
    return render(
        request, "accounts/user_list.html", {"page": page, "roles": Role.choices, "role": role}
    )


@capability_required(Capability.ACCOUNTS, edit=True)
def user_edit(request, pk: int | None = None):
    user = get_object_or_404(User.objects.for_user(request.user), pk=pk) if pk else User()
    form = UserForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        user_save(user=form.save(commit=False), password=form.cleaned_data.get("password"))
        messages.success(request, f"账号 {user.username} 已保存。")
        return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "account": user})


@require_POST
@capability_required(Capability.ACCOUNTS, edit=True)
def user_unlock(request, pk: int):
    user = get_object_or_404(User.objects.for_user(request.user), pk=pk)
    axes_reset(username=user.username)
    messages.success(request, f"账号 {user.username} 已解除锁定。")
    return redirect("accounts:users")
