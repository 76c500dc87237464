from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "fazhi.tasks"
    verbose_name = "任务督办"
