"""For super-administrators only; people work in the product's own pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.publicity.models import (
    Activity,
    Cadre,
    Campaign,
    Exam,
    KeyDate,
    LawUnderstander,
    MarketDayRule,
    ResponsibilityList,
    Screen,
    ScreenContent,
    StudySession,
    Targets,
    Theme,
    Training,
)


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "order", "active"]
    list_editable = ["order", "active"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["date", "title", "region", "form", "concentrated", "person_times", "status"]
    list_filter = ["form", "status", "concentrated"]
    search_fields = ["title", "place"]
    date_hierarchy = "date"


@admin.register(Screen)
class ScreenAdmin(SimpleHistoryAdmin):
    list_display = ["name", "region", "status", "last_seen_at"]
    readonly_fields = ["token", "last_seen_at"]


@admin.register(LawUnderstander)
class LawUnderstanderAdmin(SimpleHistoryAdmin):
    list_display = ["name", "region", "background", "active"]
    exclude = ["phone"]  # personal data stays out of the admin


for model in (
    Campaign,
    ResponsibilityList,
    KeyDate,
    MarketDayRule,
    Targets,
    Training,
    ScreenContent,
    Cadre,
    StudySession,
    Exam,
):
    admin.site.register(model, SimpleHistoryAdmin)
