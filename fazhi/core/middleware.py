"""Requests the kernel refuses before any view sees them.

Form fields and API strings are checked by the kernel's validators, but a
path segment (`/regions/<code>/`), a query parameter (`?q=`, a filter) or a
related record named by its code in a body (`"region": "…"`) reaches the
database before any validator: on PostgreSQL a NUL character there is a
server error, and no control character has a meaning in a path or a query.
So a request whose path or query parameters hold a control character, or
whose body holds a NUL, is refused with a 400 that says where it was. (Other
control characters in a body meet the field validators, which name the field.)
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


NUL_IN_BODY = "提交的内容含有不允许的控制字符（U+0000），请删除后再提交。"


def _problem(request) -> str | None:
    if has_control_characters(request.path):
        return "网址中含有不允许的控制字符，请检查链接。"
    for name, values in request.GET.lists():
        if has_control_characters(name) or any(map(has_control_characters, values)):
            shown = "".join(c for c in name if not has_control_characters(c))
            return f"查询参数 {shown} 含有不允许的控制字符，请删除后再试。"
    if request.method in ("POST", "PUT", "PATCH") and _nul_in_body(request):
        return NUL_IN_BODY
    return None


def _nul_in_body(request) -> bool:
    content_type = request.content_type or ""
    if content_type.startswith("multipart/"):
        # Files may hold NUL bytes (a .docx does): look at the text fields only.
        if request.method != "POST":
            return False
        return any("\x00" in value for _, values in request.POST.lists() for value in values)
    body = request.body
    if b"\x00" in body:
        return True
    if content_type == "application/x-www-form-urlencoded":
        return b"%00" in body
    return b"\\u0000" in body.lower()  # JSON's escape for NUL
