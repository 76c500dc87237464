"""URLs: each app under `fazhi/` with a `urls.py` is mounted at /<app label>/,
each app's `api.py` registers its endpoints on the one /api/v1/ router, and an
app's `public_urls.py` (pages for the public, no login) is mounted at its `PREFIX`."""

from django.apps import apps
from django.contrib import admin
from django.urls import include, path
from django.utils.module_loading import import_string, module_has_submodule
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from fazhi.core import search_view
from fazhi.dashboard import views as dashboard_views

router = DefaultRouter()
app_urls = []
api_urls = []
for config in apps.get_app_configs():
    if not config.name.startswith("fazhi."):
        continue
    if module_has_submodule(config.module, "api"):
        import_string(f"{config.name}.api.register")(router)
        extra = getattr(import_string(f"{config.name}.api"), "urlpatterns", [])
        api_urls += extra
    if module_has_submodule(config.module, "urls"):
        app_urls.append(path(f"{config.label}/", include(f"{config.name}.urls")))
    if module_has_submodule(config.module, "public_urls"):  # pages for the public, no login
        public = import_string(f"{config.name}.public_urls.PREFIX")
        app_urls.append(path(public, include(f"{config.name}.public_urls")))

urlpatterns = [
    path("", dashboard_views.home, name="home"),
    path("search/", search_view.search, name="search"),
    path("api/v1/", include(api_urls)),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    *app_urls,
]

handler400 = "fazhi.errors.bad_request"
handler403 = "fazhi.errors.forbidden"
handler404 = "fazhi.errors.not_found"
# handler500 stays Django's: it renders 500.html with no context and no database.
