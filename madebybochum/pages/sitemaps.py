from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from madebybochum.routing import public_pages


class PageSitemap(Sitemap):
    """Every live, public page once per language, each with hreflang alternates for the others."""

    i18n = True
    languages = [code for code, _name in settings.LANGUAGES]
    alternates = True
    x_default = True

    def items(self):
        return public_pages(Page.objects.filter(depth__gt=1)).order_by("path").specific()

    def location(self, page):
        # Reversed inside translation.override by Django, so the path carries the language prefix.
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at
