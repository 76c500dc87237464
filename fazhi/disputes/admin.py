from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.disputes.models import DisputeType


@admin.register(DisputeType)
class DisputeTypeAdmin(SimpleHistoryAdmin):
    """The dispute categories are data: a super-administrator adds, orders or retires them."""

    list_display = ["name", "order", "active"]
    list_editable = ["order", "active"]
