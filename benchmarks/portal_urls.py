"""The product's URLs and a trivial view, for benchmarks/portal.py only."""

from django.http import HttpResponse
from django.urls import path

from fazhi.urls import urlpatterns as product_urls


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *product_urls]
