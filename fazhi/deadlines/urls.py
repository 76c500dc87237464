from django.urls import path

from fazhi.deadlines import views

app_name = "deadlines"
urlpatterns = [
    path("", views.index, name="index"),
    path("upcoming/", views.upcoming, name="upcoming"),
    path("years/add/", views.year_add, name="year_add"),
    path("years/<int:year>/", views.year_detail, name="year"),
    path("years/<int:year>/days/<int:pk>/delete/", views.day_delete, name="day_delete"),
]
