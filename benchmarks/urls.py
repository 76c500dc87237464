from django.http import HttpResponse
from django.urls import path

from fazhi.urls import handler400, handler403, handler404
from fazhi.urls import urlpatterns as product_urls

TRIVIAL_PATH = "/bench/trivial/"


def trivial(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(TRIVIAL_PATH.strip("/") + "/", trivial), *product_urls]

__all__ = ["handler400", "handler403", "handler404", "urlpatterns"]
