from django.urls import path

from fazhi.legal import views

app_name = "legal"
urlpatterns = [
    path("", views.index, name="index"),
    path("advisors/", views.advisor_list, name="advisors"),
    path("advisors/new/", views.advisor_create, name="advisor_create"),
    path("advisors/<int:pk>/", views.advisor_detail, name="advisor_detail"),
    path("advisors/<int:pk>/edit/", views.advisor_edit, name="advisor_edit"),
    path("advisors/<int:pk>/phone/", views.advisor_phone, name="advisor_phone"),
    path("advisors/<int:pk>/contracts/new/", views.contract_add, name="contract_add"),
    path("services/", views.service_list, name="services"),
    path("services/new/", views.service_create, name="service_create"),
    path("services/summary/", views.service_summary, name="service_summary"),
    path("reviews/", views.review_list, name="reviews"),
    path("reviews/new/", views.review_create, name="review_create"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/opinion/", views.review_opinion, name="review_opinion"),
    path("reviews/<int:pk>/files/<int:attachment_pk>/", views.review_file, name="review_file"),
    path("decisions/", views.decision_list, name="decisions"),
    path("decisions/new/", views.decision_new, name="decision_new"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/steps/", views.decision_step, name="decision_step"),
    path("decisions/<int:pk>/archive/", views.decision_download, name="decision_archive"),
    path("catalogues/", views.catalogue_list, name="catalogues"),
    path("catalogues/new/", views.catalogue_create, name="catalogue_create"),
    path("catalogues/<int:pk>/publish/", views.catalogue_publish, name="catalogue_publish"),
    path(
        "public/catalogue/<str:code>/<int:year>/",
        views.public_catalogue,
        name="public_catalogue",
    ),
]
