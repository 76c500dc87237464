from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.legal.models import (
    Advisor,
    Catalogue,
    Contract,
    Decision,
    DecisionStep,
    ReviewRequest,
    Service,
)


@admin.register(Advisor)
class AdvisorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "firm", "region"]
    exclude = ["phone"]


@admin.register(Contract)
class ContractAdmin(SimpleHistoryAdmin):
    list_display = ["advisor", "start", "end", "fee"]


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = ["date", "advisor", "kind", "subject"]
    list_filter = ["kind"]


@admin.register(ReviewRequest)
class ReviewRequestAdmin(SimpleHistoryAdmin):
    list_display = ["title", "subject_kind", "reviewer", "sent_on", "due", "opinion"]


@admin.register(Catalogue)
class CatalogueAdmin(SimpleHistoryAdmin):
    list_display = ["title", "year", "published_on"]


class StepInline(admin.TabularInline):
    model = DecisionStep
    extra = 0
    fields = ["kind", "date", "responsible"]
    readonly_fields = fields
    can_delete = False


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "year", "stage", "region"]
    list_filter = ["stage", "year"]
    inlines = [StepInline]
    readonly_fields = ["stage"]
