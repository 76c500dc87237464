from django.urls import path

from fazhi.notices import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="index"),
    path("todo/", views.todo_list, name="todo"),
    path("settings/", views.preference_edit, name="settings"),
    path("read-all/", views.notice_read_all, name="read_all"),
    path("<int:pk>/", views.notice_open, name="open"),
    path("<int:pk>/read/", views.notice_mark_read, name="read"),
]
