"""Routes shown on other apps' pages (the map)."""

from django import template

from ..selectors import published_routes

register = template.Library()


@register.inclusion_tag("routes/includes/route_links.html", takes_context=True)
def route_links(context):
    return {"routes": published_routes(), "request": context.get("request")}
