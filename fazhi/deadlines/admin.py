from django.contrib import admin

from fazhi.deadlines.models import CalendarYear, Holiday


class HolidayInline(admin.TabularInline):
    model = Holiday
    extra = 0


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "notice", "updated_at"]
    inlines = [HolidayInline]
