"""The page behind the header's search box: /search/?q=…

It knows no app: the groups come from `global_search.search_run`, which
applies each app's declared sources within the user's role and scope.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from fazhi.core.global_search import GROUP_LIMIT, search_run
from fazhi.core.keyword import keyword_words


@login_required
def search(request):
    query = request.GET.get("q", "").strip()[:100]
    groups = search_run(user=request.user, query=query)
    context = {
        "query": query,
        "searched": bool(keyword_words(query)),
        "groups": groups,
        "limit": GROUP_LIMIT,
        "breadcrumbs": [("搜索", None)],
    }
    return render(request, "search/results.html", context)
