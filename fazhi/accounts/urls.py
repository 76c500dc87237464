from django.contrib.auth import views as auth_views
from django.urls import path

from fazhi.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("switch-region/", views.switch_region, name="switch_region"),
    path("users/", views.user_list, name="users"),
    path("users/new/", views.user_edit, name="user_new"),
    path("users/<int:pk>/", views.user_edit, name="user_edit"),
    path("users/<int:pk>/unlock/", views.user_unlock, name="user_unlock"),
    path("grants/", views.grant_list, name="grants"),
    path(
        "grants/<int:pk>/approve/",
        views.grant_decide,
        {"decision": "approve"},
        name="grant_approve",
    ),
    path(
        "grants/<int:pk>/reject/", views.grant_decide, {"decision": "reject"}, name="grant_reject"
    ),
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
