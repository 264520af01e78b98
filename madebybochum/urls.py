from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_POST
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LogoutView
from wagtail.documents import urls as wagtaildocs_urls

from madebybochum.pages import views as page_views
from madebybochum.pages.sitemaps import PageSitemap
from madebybochum.security import rate_limit

handler404 = "madebybochum.pages.views.page_not_found"
handler500 = "madebybochum.pages.views.server_error"

# Language-neutral URLs: machines and permanent links.
urlpatterns = [
    path("healthz", page_views.healthz, name="healthz"),
    path("robots.txt", page_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("favicon.ico", page_views.favicon),
    path("", include("directory.urls_neutral")),
    path("", include("label.urls_neutral")),
    path("", include("events.urls_neutral")),
    path("", include("shop.urls_neutral")),
    # Wagtail's logout answers a GET with 405 but still deletes the session cookie: only a POST logs out.
    path("admin/logout/", require_POST(LogoutView.as_view())),
    # Wagtail's page chooser and page-types report, narrowed to the pages the user may see.
    path("admin/", include("madebybochum.pages.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static as media_static

    urlpatterns += media_static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything a visitor reads lives under /de/ /en/ /tr/ /ar/; "/" redirects to the best language.
urlpatterns += i18n_patterns(
    path("", include("directory.urls")),
    path("", include("label.urls")),
    path("", include("events.urls")),
    path("", include("shop.urls")),
    # Wagtail's form for password-protected pages, with the site's rate limit against guessing.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        rate_limit("page-password", limit=10, per=600)(wagtail_views.authenticate_with_password),
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
