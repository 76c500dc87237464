from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.accounts.models import User


@admin.register(User)
class FazhiUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "full_name", "role", "region", "organisation", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = [
        *UserAdmin.fieldsets,
        ("法治平台", {"fields": ["full_name", "role", "region", "organisation", "phone"]}),
    ]
