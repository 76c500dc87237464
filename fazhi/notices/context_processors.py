from django.utils.functional import SimpleLazyObject

from fazhi.notices.models import Notice


def unread(request):
    """The header's unread count: one query, and only on a page that shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "notice_unread": SimpleLazyObject(lambda: Notice.objects.for_user(user).unread().count())
    }
