from django.contrib import admin

from fazhi.deadlines.models import CalendarYear, Holiday
from fazhi.deadlines.services import holidays_changed


class HolidayInline(admin.TabularInline):
    model = Holiday
    extra = 0


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "notice", "updated_at"]
    inlines = [HolidayInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        holidays_changed([form.instance.year])

    def delete_model(self, request, obj):
        year = obj.year
        super().delete_model(request, obj)
        holidays_changed([year])

    def delete_queryset(self, request, queryset):
        years = list(queryset.values_list("year", flat=True))
        super().delete_queryset(request, queryset)
        holidays_changed(years)
