"""Wagtail admin views replaced by narrower versions (admin_views.py), at Wagtail's own paths and
behind the same checks as Wagtail's admin URLs."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import admin_views

urlpatterns = [
    path("choose-page/", admin_views.BrowseView.as_view()),
    path("choose-page/<int:parent_page_id>/", admin_views.BrowseView.as_view()),
    path("choose-page/search/", admin_views.SearchView.as_view()),
    path("choose-page/chosen-multiple/", admin_views.ChosenMultipleView.as_view()),
    path("reports/page-types-usage/", admin_views.PageTypesReportView.as_view()),
    path("reports/page-types-usage/results/", admin_views.PageTypesReportView.as_view(results_only=True)),
]
urlpatterns = decorate_urlpatterns(decorate_urlpatterns(urlpatterns, require_admin_access), never_cache)
