"""Navigation, language switcher and page metadata shared by every template."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, pgettext
from wagtail.models import Page, Site

from madebybochum.cache import content_version
from madebybochum.pages.models import SiteSettings, StandardPage
from madebybochum.routing import public_pages

register = template.Library()


def site_shell(request):
    """Menu, footer links and contact details of the request's site in the active language.

    The same on every page, so kept in the shared cache until any content changes (the page
    cache's content version), instead of three queries per page."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"menu": [], "footer": [], "address": "", "email": ""}
    key = f"site-shell:{site.pk}:{get_language()}:{content_version()}"
    shell = cache.get(key)
    if shell is None:
        root = site.root_page
        menu = public_pages(root.get_children().in_menu())
        footer = public_pages(StandardPage.objects.descendant_of(root).filter(show_in_footer=True)).order_by("path")
        site_settings = SiteSettings.for_site(site)
        shell = {
            "menu": [{"title": page.title, "url": page.get_url(request), "path": page.path} for page in menu],
            "footer": [{"title": page.title, "url": page.get_url(request)} for page in footer],
            "address": site_settings.address,
            "email": site_settings.contact_email,
        }
        cache.set(key, shell, timeout=24 * 3600)
    return shell


@register.inclusion_tag("includes/header_nav.html", takes_context=True)
def header_nav(context):
    current = context.get("page") or context.get("self")
    current_path = current.path if isinstance(current, Page) else ""
    items = [
        {**item, "current": bool(current_path) and current_path.startswith(item["path"])}
        for item in site_shell(context.get("request"))["menu"]
    ]
    return {"items": items}


@register.inclusion_tag("includes/footer_nav.html", takes_context=True)
def footer_nav(context):
    return {"shell": site_shell(context.get("request"))}


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current URL in every language, so switching keeps the visitor on the same page."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(path, code),
                "current": code == current,
            }
        )
    return links


@register.simple_tag
def lang_of(obj, field):
    """` lang="de"` where a translated field shows its German text because the visitor's language has none
    (modeltranslation's fallback), so screen readers pronounce it as German; empty otherwise."""
    language = get_language()
    fallback = settings.LANGUAGE_CODE
    if language == fallback or getattr(obj, f"{field}_{language}", None) or not getattr(obj, f"{field}_{fallback}", None):
        return ""
    return format_html(' lang="{}"', fallback)


@register.filter
def list_of(items):
    """Items joined with the visitor's language's list separator (Arabic writes "،", not ",")."""
    return pgettext("list separator", ", ").join(str(item) for item in items)
