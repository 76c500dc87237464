from django.urls import path

from fazhi.disputes.views import cases, mediation, screening

app_name = "disputes"
urlpatterns = [
    path("", cases.dispute_list, name="index"),
    path("export.xlsx", cases.dispute_export, name="export"),
    path("new/", cases.dispute_create, name="create"),
    path("alerts/", cases.alert_list, name="alerts"),
    path("<int:pk>/", cases.dispute_detail, name="detail"),
    path("<int:pk>/edit/", cases.dispute_edit, name="edit"),
    path("<int:pk>/parties/new/", mediation.party_add, name="party_add"),
    path("<int:pk>/assign/", mediation.assign, name="assign"),
    path("<int:pk>/sessions/new/", mediation.session_add, name="session_add"),
    path("<int:pk>/agreement/new/", mediation.agreement_add, name="agreement_add"),
    path("<int:pk>/agreement/performance/", mediation.performance_edit, name="performance"),
    path("<int:pk>/agreement.docx", mediation.agreement_download, name="agreement_docx"),
    path("<int:pk>/conclude/", mediation.conclude, name="conclude"),
    path("<int:pk>/handovers/new/", mediation.handover_add, name="handover_add"),
    path(
        "<int:pk>/handovers/<int:handover_pk>/result/",
        mediation.handover_result,
        name="handover_result",
    ),
    path("<int:pk>/follow-ups/new/", mediation.follow_up_add, name="follow_up_add"),
    path("screening/", screening.screening_list, name="screening"),
    path("screening/new/", screening.screening_create, name="screening_create"),
    path("screening/<int:pk>/", screening.screening_detail, name="screening_detail"),
    path("findings/<int:pk>/register/", screening.finding_register, name="finding_register"),
    path("deliberations/", screening.deliberation_list, name="deliberations"),
    path("deliberations/new/", screening.deliberation_create, name="deliberation_create"),
]
