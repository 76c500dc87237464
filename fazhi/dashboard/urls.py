from django.urls import path

from fazhi.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("town/<int:pk>/", views.town, name="town"),
    path("county/", views.county, name="county"),
    path("county/export/", views.county_export, name="county_export"),
    path("screen/<str:token>/", views.screen, name="screen"),
]
