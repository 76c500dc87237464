from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from fazhi.accounts import services
from fazhi.accounts.forms import GrantDecisionForm, LoginForm, PasswordForm, TokenForm, UserForm
from fazhi.accounts.middleware import SESSION_KEY
from fazhi.accounts.models import ApiToken, RoleGrant, User
from fazhi.accounts.search import USER_FIELDS
from fazhi.core.keyword import keyword_filter
from fazhi.core.permissions import capability_required
from fazhi.core.roles import Role
from fazhi.core.web import paginate
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


@capability_required("accounts")
def user_list(request):
    users = (
        User.objects.for_user(request.user)
        .select_related("region", "organisation")
        .annotate(grant_pending=Exists(RoleGrant.objects.pending().filter(account=OuterRef("pk"))))
    )
    role = request.GET.get("role", "")
    if role:
        users = users.filter(role=role)
    query = request.GET.get("q", "").strip()
    users = keyword_filter(users, value=query, fields=USER_FIELDS)
    page = paginate(request, users, per_page=30)
    context = {"page": page, "roles": Role.choices, "role": role, "query": query}
    return render(request, "accounts/user_list.html", context)


@capability_required("accounts", edit=True)
def user_edit(request, pk: int | None = None):
    user = get_object_or_404(User.objects.for_user(request.user), pk=pk) if pk else User()
    form = UserForm(request.POST or None, instance=user, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            grant = services.account_save(
                actor=request.user,
                account=form.save(commit=False),
                password=form.cleaned_data.get("password"),
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"账号 {user.username} 已保存。")
            if grant is not None:
                messages.info(
                    request, f"角色授予申请“{grant}”已提交，县级管理员或审计员批准后生效。"
                )
            return redirect("accounts:users")
    pending = RoleGrant.objects.pending().filter(account=user) if user.pk else []
    return render(
        request, "accounts/user_form.html", {"form": form, "account": user, "pending": pending}
    )


@require_POST
@capability_required("accounts", edit=True)
def user_unlock(request, pk: int):
    user = get_object_or_404(User.objects.for_user(request.user), pk=pk)
    axes_reset(username=user.username)
    messages.success(request, f"账号 {user.username} 已解除锁定。")
    return redirect("accounts:users")


class PasswordChangeView(auth_views.PasswordChangeView):
    """The owner's own change: clears a forced change, revokes API tokens, audited."""

    template_name = "accounts/password_change.html"
    form_class = PasswordForm
    success_url = "/"

    def form_valid(self, form):
        services.password_change(
            user=self.request.user,
            password=form.cleaned_data["new_password1"],
            request=self.request,
        )
        update_session_auth_hash(self.request, self.request.user)
        messages.success(self.request, "密码已修改。您的API令牌已全部吊销，如需请重新申请。")
        return redirect(self.get_success_url())


def _may_see_grants(user) -> bool:
    return user.is_authenticated and user.role in (Role.SYSADMIN, Role.COUNTY_ADMIN, Role.AUDITOR)


@login_required
def grant_list(request):
    """Role grants: the approver decides pending ones; the system administrator follows them."""
    if not _may_see_grants(request.user):
        raise PermissionDenied("您的角色无权访问此功能。")
    grants = RoleGrant.objects.for_user(request.user).select_related(
        "account", "region", "organisation", "requested_by", "decided_by"
    )
    may_decide = request.user.role in (Role.COUNTY_ADMIN, Role.AUDITOR)
    page = paginate(request, grants, per_page=30)
    return render(
        request,
        "accounts/grant_list.html",
        {"page": page, "may_decide": may_decide, "form": GrantDecisionForm()},
    )


@require_POST
@login_required
def grant_decide(request, pk: int, decision: str):
    if not _may_see_grants(request.user):
        raise PermissionDenied("您的角色无权访问此功能。")
    grant = get_object_or_404(RoleGrant.objects.for_user(request.user), pk=pk)
    form = GrantDecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    decide = services.role_grant_approve if decision == "approve" else services.role_grant_reject
    try:
        decide(grant=grant, actor=request.user, note=note)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        verb = "批准" if decision == "approve" else "驳回"
        messages.success(request, f"已{verb}：{grant}。")
    return redirect("accounts:grants")


@login_required
def token_list(request):
    """Each person's API tokens (the system administrator: everyone's); new and revoke."""
    tokens = ApiToken.objects.for_user(request.user).select_related("user")
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            token, new_key = services.api_token_create(
                user=request.user, name=form.cleaned_data["name"], request=request
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            form = TokenForm()
            messages.success(request, f"令牌“{token.name}”已创建，请立即复制，它只显示这一次。")
    page = paginate(request, tokens, per_page=30)
    return render(
        request,
        "accounts/token_list.html",
        {
            "page": page,
            "form": form,
            "new_key": new_key,
            "all_users": request.user.role == Role.SYSADMIN,
        },
    )


@require_POST
@login_required
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken.objects.for_user(request.user), pk=pk)
    services.api_token_revoke(token=token, actor=request.user, request=request)
    messages.success(request, f"令牌“{token.name}”已吊销。")
    return redirect("accounts:tokens")
