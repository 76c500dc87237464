"""Audit plumbing: fills the history's address and copies each change to the log."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record, pre_create_historical_record

from fazhi.audit.models import Action
from fazhi.audit.services import audit_record, client_ip

_ACTIONS = {"+": Action.CREATE, "~": Action.UPDATE, "-": Action.DELETE}


def _current_request():
    return getattr(HistoricalRecords.context, "request", None)


@receiver(pre_create_historical_record)
def set_history_ip(sender, instance, history_instance, **kwargs):
    history_instance.history_ip = client_ip(_current_request())


_SKIPPED = "_fazhi_history_skipped"


@receiver(pre_save)
def skip_history_of_untracked_saves(sender, instance, update_fields=None, **kwargs):
    """A save of only the fields the history leaves out (a login's `last_login`, a
    rehashed password) is no edit: without this, every login added the audit row
    "修改 用户 保存（无字段变化）"."""
    manager = getattr(sender._meta, "simple_history_manager_attribute", None)
    if not update_fields or manager is None or hasattr(instance, "skip_history_when_saving"):
        return
    excluded = set(getattr(sender, manager).model._history_excluded_fields)
    if set(update_fields) <= excluded:
        instance.skip_history_when_saving = True
        setattr(instance, _SKIPPED, True)


@receiver(post_save)
def restore_history_after_untracked_saves(sender, instance, **kwargs):
    if getattr(instance, _SKIPPED, False):
        del instance.skip_history_when_saving
        delattr(instance, _SKIPPED)


def _describe_changes(history_instance) -> str:
    previous = history_instance.prev_record
    if history_instance.history_type != "~" or previous is None:
        return ""
    delta = history_instance.diff_against(previous, excluded_fields=["version"])  # bookkeeping
    fields = []
    for change in delta.changes:
        field = history_instance.instance_type._meta.get_field(change.field)
        fields.append(str(field.verbose_name))
    return "修改字段：" + "、".join(fields) if fields else "保存（无字段变化）"


@receiver(post_create_historical_record)
def copy_to_audit_log(sender, instance, history_instance, **kwargs):
    request = _current_request()
    user = history_instance.history_user
    audit_record(
        action=_ACTIONS[history_instance.history_type],
        user=user,
        request=request,
        obj=instance,
        detail=_describe_changes(history_instance),
    )


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    audit_record(action=Action.LOGIN, user=user, request=request)


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=Action.LOGOUT, user=user, request=request)


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs):
    audit_record(
        action=Action.LOGIN_FAILED,
        request=request,
        username=str(credentials.get("username", ""))[:150],
    )
