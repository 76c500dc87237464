from django.urls import path

from fazhi.disclosure.views import requests, staff

app_name = "disclosure"

urlpatterns = [
    path("", staff.index, name="index"),
    path("overview/", staff.overview, name="overview"),
    path("catalogue/", staff.catalogue, name="catalogue"),
    path("catalogue/new/", staff.category_edit, name="category_new"),
    path("catalogue/<int:pk>/edit/", staff.category_edit, name="category_edit"),
    path("supervisors/", staff.supervisors, name="supervisors"),
    path("posts/", staff.posts, name="posts"),
    path("posts/new/", staff.post_edit, name="post_new"),
    path("posts/<int:pk>/", staff.post_detail, name="post"),
    path("posts/<int:pk>/edit/", staff.post_edit, name="post_edit"),
    path("posts/<int:pk>/submit/", staff.post_submit, name="post_submit"),
    path("posts/<int:pk>/approve/", staff.post_approve, name="post_approve"),
    path("posts/<int:pk>/return/", staff.post_return, name="post_return"),
    path("posts/<int:pk>/withdraw/", staff.post_withdraw, name="post_withdraw"),
    path("posts/<int:pk>/screen/", staff.post_push_to_screen, name="post_screen"),
    path("queries/", staff.queries, name="queries"),
    path("queries/<int:pk>/", staff.query_detail, name="query"),
    path("queries/<int:pk>/moderate/", staff.query_moderate, name="query_moderate"),
    path("queries/<int:pk>/escalate/", staff.query_escalate, name="query_escalate"),
    path("queries/<int:pk>/answer/", staff.query_answer, name="query_answer"),
    path("requests/", requests.requests_list, name="requests"),
    path("requests/new/", requests.request_new, name="request_new"),
    path("requests/stats/", requests.request_stats, name="request_stats"),
    path("requests/<int:pk>/", requests.request_detail, name="request"),
    path("requests/<int:pk>/letter/", requests.request_letter, name="request_letter"),
    path("requests/<int:pk>/<slug:action>/", requests.request_action, name="request_action"),
]
