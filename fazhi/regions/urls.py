from django.urls import path

from fazhi.regions import views

app_name = "regions"
urlpatterns = [
    path("", views.region_list, name="list"),
    path("options/", views.options, name="options"),
    path("<str:code>/", views.region_detail, name="detail"),
]
