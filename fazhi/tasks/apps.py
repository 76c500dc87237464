from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "fazhi.tasks"
    verbose_name = "上级通知与任务督办"
