from django.contrib.auth import views as auth_views
from django.urls import path

from fazhi.accounts import views
from fazhi.accounts.forms import PasswordForm

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            form_class=PasswordForm,
            success_url="/",
        ),
        name="password_change",
    ),
    path("switch-region/", views.switch_region, name="switch_region"),
    path("users/", views.user_list, name="users"),
    path("users/new/", views.user_edit, name="user_new"),
    path("users/<int:pk>/", views.user_edit, name="user_edit"),
    path("users/<int:pk>/unlock/", views.user_unlock, name="user_unlock"),
]
