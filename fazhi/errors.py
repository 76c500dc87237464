"""The error pages: Chinese, in the product's look, and safe to render.

A view that refuses a bad query parameter raises `BadRequest("中文消息")`; the
message is ours, so the 400 page shows it (escaped). Django also answers a
`SuspiciousOperation` (a forged host, a tampered session) with 400: its
message is for the log, never for the page. A `PermissionDenied` may carry the
reason a person is refused. The 500 page is rendered by Django's own handler
with no request context and must not touch the database, so it extends a
standalone layout without navigation.
"""

from django.core.exceptions import BadRequest
from django.shortcuts import render


def bad_request(request, exception=None):
    message = str(exception) if type(exception) is BadRequest else ""
    return render(request, "400.html", {"message": message}, status=400)


def forbidden(request, exception=None):
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    """The form's security token is missing or stale (an old tab, a lost cookie)."""
    reason = "页面已过期或表单来源无法核实，未作任何修改。请返回上一页，刷新后重新提交。"
    return render(request, "403.html", {"reason": reason}, status=403)
