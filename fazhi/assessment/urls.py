from django.urls import path

from fazhi.assessment.views import duty, sheets, systems

app_name = "assessment"
urlpatterns = [
    path("", systems.index, name="index"),
    path("villages/", sheets.village_results, name="villages"),
    path("systems/new/", systems.system_create, name="system_create"),
    path("systems/import/", systems.system_import, name="system_import"),
    path("systems/<int:pk>/", systems.system_detail, name="system"),
    path("systems/<int:pk>/edit/", systems.system_edit, name="system_edit"),
    path("systems/<int:pk>/publish/", systems.system_publish, name="system_publish"),
    path("systems/<int:pk>/new-version/", systems.system_new_version, name="system_new_version"),
    path("systems/<int:pk>/export.xlsx", systems.system_export, name="system_export"),
    path("systems/<int:pk>/sheets/", systems.system_sheets_create, name="sheets_create"),
    path("systems/<int:pk>/ranking/", systems.system_ranking, name="ranking"),
    path("systems/<int:pk>/indicators/new/", systems.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/add/", systems.indicator_add_child, name="indicator_add_child"),
    path("indicators/<int:pk>/edit/", systems.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/delete/", systems.indicator_delete, name="indicator_delete"),
    path("sheets/<int:pk>/", sheets.sheet_detail, name="sheet"),
    path("sheets/<int:pk>/submit/", sheets.sheet_submit, name="sheet_submit"),
    path("sheets/<int:pk>/finalise/", sheets.sheet_finalise, name="sheet_finalise"),
    path("sheets/<int:pk>/checkpoint/", sheets.sheet_checkpoint, name="sheet_checkpoint"),
    path("sheets/<int:pk>/pack.zip", sheets.sheet_pack, name="sheet_pack"),
    path("entries/<int:pk>/", sheets.entry_detail, name="entry"),
    path("entries/<int:pk>/self/", sheets.entry_self_assess, name="entry_self"),
    path("entries/<int:pk>/review/", sheets.entry_review, name="entry_review"),
    path("entries/<int:pk>/return/", sheets.entry_return, name="entry_return"),
    path("duty/", duty.duty_list, name="duty_list"),
    path("duty/new/", duty.duty_create, name="duty_create"),
    path("duty/<int:pk>/", duty.duty_detail, name="duty"),
    path("duty/<int:pk>/edit/", duty.duty_edit, name="duty_edit"),
    path("duty/<int:pk>/panel/", duty.duty_panel, name="duty_panel"),
    path("duty/<int:pk>/statement.docx", duty.duty_docx, name="duty_docx"),
]
