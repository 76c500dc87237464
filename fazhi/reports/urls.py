from django.urls import path

from fazhi.reports import views
from fazhi.reports.views import ledgers

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("open/", views.open_, name="open"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/finalise/", views.finalise, name="finalise"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/new-draft/", views.new_draft, name="new_draft"),
    path("<int:pk>/generate/", views.generate, name="generate"),
    path("files/<int:pk>/", views.file_status, name="file_status"),
    path("files/<int:pk>/download/", views.file_download, name="file_download"),
    path("templates/", views.templates, name="templates"),
    path("templates/sample.docx", views.template_sample, name="template_sample"),
    path("ledgers/", ledgers.index, name="ledgers"),
    path("ledgers/<str:key>/export/", ledgers.export, name="ledger_export"),
    path("ledgers/<str:key>/import/", ledgers.import_, name="ledger_import"),
    path("ledgers/imports/<int:pk>/", ledgers.import_job, name="ledger_import_job"),
]
