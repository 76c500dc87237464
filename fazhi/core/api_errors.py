"""What the API answers when a view refuses a request the kernel's way.

Pages and API views share the kernel's parsers (`fazhi.core.periods`), which
raise Django's `BadRequest` with a Chinese message. DRF knows only its own
exceptions and would let that one through to Django's HTML 400 page; an API
caller must get the message as JSON like every other refusal.
"""

from django.core.exceptions import BadRequest
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, BadRequest):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
