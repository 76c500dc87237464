from django.urls import path

from fazhi.cases.views import adjudication, litigation, overview, reconsideration

app_name = "cases"
urlpatterns = [
    path("", overview.index, name="index"),
    path("reminders/", overview.reminder_list, name="reminders"),
    path("calendar/", overview.calendar_view, name="calendar"),
    path("lawsuits/", litigation.lawsuit_list, name="lawsuits"),
    path("lawsuits/export/", litigation.lawsuit_export, name="lawsuit_export"),
    path("lawsuits/new/", litigation.lawsuit_new, name="lawsuit_new"),
    path("lawsuits/<int:pk>/", litigation.lawsuit_detail, name="lawsuit"),
    path("lawsuits/<int:pk>/edit/", litigation.lawsuit_edit, name="lawsuit_edit"),
    path("lawsuits/<int:pk>/answer/", litigation.lawsuit_answer, name="lawsuit_answer"),
    path("lawsuits/<int:pk>/hearings/", litigation.lawsuit_hearing, name="lawsuit_hearing"),
    path("lawsuits/<int:pk>/decision/", litigation.lawsuit_decide, name="lawsuit_decide"),
    path("lawsuits/<int:pk>/appeal/", litigation.lawsuit_appeal, name="lawsuit_appeal"),
    path(
        "lawsuits/<int:pk>/second-instance/",
        litigation.lawsuit_second_instance,
        name="lawsuit_second_instance",
    ),
    path("reconsiderations/", reconsideration.reconsideration_list, name="reconsiderations"),
    path(
        "reconsiderations/export/",
        reconsideration.reconsideration_export,
        name="reconsideration_export",
    ),
    path("reconsiderations/new/", reconsideration.reconsideration_new, name="reconsideration_new"),
    path(
        "reconsiderations/<int:pk>/",
        reconsideration.reconsideration_detail,
        name="reconsideration",
    ),
    path(
        "reconsiderations/<int:pk>/edit/",
        reconsideration.reconsideration_edit,
        name="reconsideration_edit",
    ),
    path(
        "reconsiderations/<int:pk>/answer/",
        reconsideration.reconsideration_answer,
        name="reconsideration_answer",
    ),
    path(
        "reconsiderations/<int:pk>/extension/",
        reconsideration.reconsideration_extend,
        name="reconsideration_extend",
    ),
    path(
        "reconsiderations/<int:pk>/decision/",
        reconsideration.reconsideration_decide,
        name="reconsideration_decide",
    ),
    path("adjudications/", adjudication.adjudication_list, name="adjudications"),
    path("adjudications/export/", adjudication.adjudication_export, name="adjudication_export"),
    path("adjudications/new/", adjudication.adjudication_new, name="adjudication_new"),
    path("adjudications/<int:pk>/", adjudication.adjudication_detail, name="adjudication"),
    path(
        "adjudications/<int:pk>/progress/",
        adjudication.adjudication_progress,
        name="adjudication_progress",
    ),
    path(
        "adjudications/<int:pk>/issue/", adjudication.adjudication_issue, name="adjudication_issue"
    ),
]
