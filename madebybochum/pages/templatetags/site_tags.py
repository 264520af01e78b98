"""Navigation, language switcher and page metadata shared by every template."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from madebybochum.pages.models import SiteSettings, StandardPage

register = template.Library()


def _root_page(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("includes/header_nav.html", takes_context=True)
def header_nav(context):
    request = context.get("request")
    root = _root_page(request)
    current = context.get("page") or context.get("self")
    current_path = current.path if isinstance(current, Page) else ""
    children = root.get_children().live().in_menu() if root else []
    items = [{"page": child, "current": current_path.startswith(child.path)} for child in children]
    return {"items": items, "request": request}


@register.inclusion_tag("includes/footer_nav.html", takes_context=True)
def footer_nav(context):
    request = context.get("request")
    root = _root_page(request)
    pages = StandardPage.objects.live().descendant_of(root).filter(show_in_footer=True).order_by("path") if root else []
    site_settings = SiteSettings.for_request(request) if request else None
    return {"pages": pages, "site_settings": site_settings}


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
