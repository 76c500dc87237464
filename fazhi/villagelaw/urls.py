from django.urls import path

from fazhi.villagelaw import views

app_name = "villagelaw"

urlpatterns = [
    path("", views.index, name="index"),
    path("village/<int:region_id>/", views.village, name="village"),
    path("assignments/", views.assignments, name="assignments"),
    path("assignments/new/", views.assignment_create, name="assignment_create"),
    path("assignments/<int:pk>/edit/", views.assignment_edit, name="assignment_edit"),
    path("visits/", views.visits, name="visits"),
    path("visits/new/", views.visit_create, name="visit_create"),
    path("visits/<int:pk>/edit/", views.visit_edit, name="visit_edit"),
    path("consultations/", views.consultations, name="consultations"),
    path("consultations/new/", views.consultation_create, name="consultation_create"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("consultations/<int:pk>/edit/", views.consultation_edit, name="consultation_edit"),
    path("referrals/", views.referrals, name="referrals"),
    path("referrals/new/", views.referral_create, name="referral_create"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral_detail"),
    path("referrals/<int:pk>/edit/", views.referral_edit, name="referral_edit"),
    path("compacts/", views.compacts, name="compacts"),
    path("compacts/new/", views.compact_create, name="compact_create"),
    path("compacts/<int:pk>/", views.compact_detail, name="compact_detail"),
    path("compacts/<int:pk>/steps/", views.compact_step, name="compact_step"),
    path("compacts/<int:pk>/text/", views.compact_text, name="compact_text"),
    path("demonstrations/", views.demonstrations, name="demonstrations"),
    path("demonstrations/new/", views.demonstration_create, name="demonstration_create"),
    path("demonstrations/<int:pk>/edit/", views.demonstration_edit, name="demonstration_edit"),
]
