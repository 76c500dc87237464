from django.urls import path

from fazhi.tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.index, name="index"),
    path("notices/new/", views.notice_create, name="notice_create"),
    path("notices/<int:pk>/", views.notice_detail, name="notice_detail"),
    path("notices/<int:pk>/edit/", views.notice_edit, name="notice_edit"),
    path("notices/<int:pk>/tasks/new/", views.task_create, name="task_create"),
    path("all/", views.task_list, name="tasks"),
    path("quarterly/", views.quarterly_check, name="quarterly"),
    path("<int:pk>/", views.task_detail, name="task_detail"),
    path("<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("<int:pk>/progress/", views.progress_add, name="progress_add"),
    path("<int:pk>/confirm/", views.task_confirm, name="task_confirm"),
    path("<int:pk>/send-back/", views.task_send_back, name="task_send_back"),
]
