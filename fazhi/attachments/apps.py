from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "fazhi.attachments"
    verbose_name = "附件"
