"""Requests the kernel refuses before any view sees them.

Form fields and API strings are checked by the kernel's validators, but a
path segment (`/regions/<code>/`) or a query parameter (`?q=`, a filter)
reaches the database without a form: on PostgreSQL a NUL character there is
a server error, and no control character has a meaning in either. So a
request whose path or query parameters hold one is refused with a 400 that
names where it was.
"""

from django.core.exceptions import BadRequest
from django.http import JsonResponse

from fazhi.core.validators import has_control_characters


class ControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = _problem(request)
        if problem is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):  # an API caller reads JSON, as for any refusal
            return JsonResponse({"detail": problem}, status=400)
        raise BadRequest(problem)


def _problem(request) -> str | None:
    if has_control_characters(request.path):
        return "网址中含有不允许的控制字符，请检查链接。"
    for name, values in request.GET.lists():
        if has_control_characters(name) or any(map(has_control_characters, values)):
            shown = "".join(c for c in name if not has_control_characters(c))
            return f"查询参数 {shown} 含有不允许的控制字符，请删除后再试。"
    return None
