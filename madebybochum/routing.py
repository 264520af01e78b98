"""Wagtail's page routing without its per-request lookups of rarely changing rows.

Wagtail looks up the request's Site and its root page, the root's child on the path (twice: the page,
then its specific type), and every ancestor for view restrictions, on each request: six queries before
a page's own. Which page a path names, and where restrictions apply, change only when content is
published, so each process keeps them until the content version changes (madebybochum.cache.per_version).
Pages are still read fresh for what they show.
"""

import copy

from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from madebybochum.cache import per_version


def _sites():
    return {}


def find_site(request):
    """Site.find_for_request, from this process's copy; its root page comes already specific."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    sites = per_version("routing:sites", _sites)
    if (hostname, port) not in sites:
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            site = None
        if site is not None:
            site.root_page = site.root_page.specific
        sites[hostname, port] = site
    site = sites[hostname, port]
    if site is None:
        return None
    # Copies: views may set attributes on the page they serve; those must not reach the next request.
    site = copy.copy(site)
    site.root_page = copy.copy(site.root_page)
    return site


class CachedSiteMiddleware:
    """Hands Wagtail's page view the request's Site (Site.find_for_request reads request._wagtail_site).

    Only for pages: other views (the health check, admin, APIs) must not need the database first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve  # not at import time: this module is imported while models load

        if view_func is serve:
            request._wagtail_site = find_site(request)


def restricted_paths():
    """Tree paths under which view restrictions apply: restricted pages and aliases of them
    (Wagtail applies a source page's restrictions to its aliases)."""

    def load():
        restricted = dict(PageViewRestriction.objects.values_list("page_id", "page__path"))
        aliases = Page.objects.filter(alias_of__in=list(restricted)).values_list("path", flat=True)
        return tuple(restricted.values()) + tuple(aliases)

    return per_version("routing:restricted-paths", load)


def is_restricted(path):
    return any(path.startswith(restricted) for restricted in restricted_paths())


def without_restricted(queryset, path="path"):
    """The rows whose page (the tree path `path`, e.g. "producer__path" for a producer's rows) has no view
    restriction on itself or an ancestor: all a visitor without access may see in a list, feed or export.
    Lists are the same for everyone (and shared in the cache), so they never show restricted pages."""
    for restricted in restricted_paths():
        queryset = queryset.exclude(**{f"{path}__startswith": restricted})
    return queryset


def public_pages(queryset):
    """The one way to say which pages are publicly visible: live, unrestricted, and whatever the apps'
    `narrow_public_pages` hooks add (events hide where a producer they name is restricted).
    Like Wagtail's .public(), but from the per-process list of restricted paths instead of a query."""
    from wagtail import hooks

    queryset = without_restricted(queryset.live())
    for narrow in hooks.get_hooks("narrow_public_pages"):
        queryset = narrow(queryset)
    return queryset


class CachedViewRestrictionsMixin:
    """For page types on the hot path: no query for view restrictions where none can apply."""

    def get_view_restrictions(self):
        if is_restricted(self.path):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


class CachedChildRoutesMixin:
    """For the site's root page: which child (the site's sections) a slug names, from the per-process
    copy; the pages themselves are read fresh, in one query each, so their content is never stale."""

    def route(self, request, path_components):
        if not path_components:
            # The root page itself: the copy held by the Site is only good for routing.
            return Page.route(type(self).objects.get(pk=self.pk), request, path_components)
        children = per_version(
            f"routing:children:{self.pk}",
            lambda: {page.slug: (page.pk, page.specific_class) for page in self.get_children().defer_streamfields()},
        )
        if path_components[0] not in children:
            raise Http404
        pk, model = children[path_components[0]]
        child = model.objects.filter(pk=pk).first()
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
