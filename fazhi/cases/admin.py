from django.contrib import admin

from fazhi.cases.models import Adjudication, Hearing, Lawsuit, Reconsideration


class HearingInline(admin.TabularInline):
    model = Hearing
    extra = 0


@admin.register(Lawsuit)
class LawsuitAdmin(admin.ModelAdmin):
    list_display = ["case_number", "stage", "court", "complaint_received_on", "answer_due"]
    inlines = [HearingInline]


@admin.register(Reconsideration)
class ReconsiderationAdmin(admin.ModelAdmin):
    list_display = ["case_number", "organ", "received_on", "answer_due", "decision_due"]


@admin.register(Adjudication)
class AdjudicationAdmin(admin.ModelAdmin):
    list_display = ["case_number", "type", "applied_on", "decided_on"]
