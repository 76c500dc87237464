"""The public portal, mounted at /gongkai/ (公开) by fazhi/urls.py: no login."""

from django.urls import path, re_path

from fazhi.disclosure.views import portal

app_name = "disclosure_public"
PREFIX = "gongkai/"

urlpatterns = [
    path("", portal.home, name="home"),
    path("sousuo/", portal.search, name="search"),
    path("shuju/posts.json", portal.posts_json, name="posts_json"),
    path("neirong/<int:pk>/", portal.post_page, name="post"),
    path("neirong/<int:pk>/fujian/<int:attachment>/", portal.attachment, name="attachment"),
    re_path(r"^(?P<code>\d{12})/$", portal.region_page, name="region"),
    re_path(r"^(?P<code>\d{12})/zhixun/$", portal.query_form, name="query"),
    re_path(r"^(?P<code>\d{12})/shenqing/$", portal.request_form, name="request"),
    re_path(
        r"^(?P<code>\d{12})/shenqing/huizhi/(?P<receipt>[\w:-]+)/$",
        portal.request_receipt,
        name="request_receipt",
    ),
    re_path(
        r"^(?P<code>\d{12})/shixiang/(?P<category>\d+)/$", portal.category_page, name="category"
    ),
]
