from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from articles.search import NEWS
from contacts.search import CONTACTS, OFFICES
from programmes.search import PROGRAMMES

from . import dashboard, sitemaps, views
from .api.docs import APIDocsView
from .ops import health
from .search.views import SearchView

# The site search's result types, in the order of its sections.
SEARCH_RESULT_TYPES = [NEWS, PROGRAMMES, OFFICES, CONTACTS]

urlpatterns = [
    path(
        f"{settings.ADMIN_PATH}needs-attention/",
        admin.site.admin_view(dashboard.needs_attention),
        name="needs-attention",
    ),
    path(
        f"{settings.ADMIN_PATH}needs-attention/suggested-tags/<int:pk>/",
        admin.site.admin_view(views.suggested_tags),
        name="suggested-tags",
    ),
    path(
        f"{settings.ADMIN_PATH}language/",
        admin.site.admin_view(views.staff_language),
        name="staff-language",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt",
            content_type="text/plain",
            # The admin's path as its route above has it (DJANGO_ADMIN_PATH).
            extra_context={"admin_path": settings.ADMIN_PATH},
        ),
        name="robots",
    ),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap-section"),
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", views.FaviconView.as_view(), name="favicon"),
    # JSON, outside i18n_patterns: ?lang=es asks for Spanish (iomsite/api/).
    path("api/v1/", include("iomsite.urls_api")),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("news/", include("articles.urls")),
    path("programmes/", include("programmes.urls")),
    path("contacts/", include("contacts.urls")),
    path("about/", include("pages.urls")),
    path(
        "search/",
        SearchView.as_view(result_types=SEARCH_RESULT_TYPES),
        name="search",
    ),
    path("api/v1/docs/", APIDocsView.as_view(), name="api-docs"),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    from .publishing.media import serve_media

    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", serve_media)
    )

handler404 = "iomsite.views.page_not_found"
handler500 = "iomsite.views.server_error"
