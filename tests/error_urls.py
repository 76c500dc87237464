"""The product's URLs plus views that fail on purpose, for the error-page tests."""

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.urls import path

from fazhi.urls import handler400, handler403, handler404, urlpatterns  # noqa: F401


def bad_parameter(request):
    raise BadRequest("年度“<b>abc</b>”不是有效的年份，请输入四位数字。")


def suspicious(request):
    raise SuspiciousOperation("internal detail that must stay in the log")


def refused(request):
    raise PermissionDenied("只有镇法治专干可以归档报告。")


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("fail/bad/", bad_parameter),
    path("fail/suspicious/", suspicious),
    path("fail/refused/", refused),
    path("fail/broken/", broken),
    *urlpatterns,
]
