from django import template

from events.selectors import exhibitions_now

register = template.Library()


@register.inclusion_tag("events/includes/showroom_now.html", takes_context=True)
def showroom_now(context):
    """Who exhibits in the showroom today: one query (the exhibitions with their producers)."""
    return {"exhibitions": exhibitions_now(), "request": context.get("request")}


@register.filter
def berlin(value):
    """A datetime in Bochum's local time, whatever the active time zone."""
    from events.models import BERLIN

    return value.astimezone(BERLIN) if value else value


@register.filter
def long_date(value):
    """Weekday and date in the visitor's language's own format, in Bochum's local time."""
    from django.utils import formats

    from events.models import BERLIN

    if hasattr(value, "astimezone"):
        value = value.astimezone(BERLIN)
    return f"{formats.date_format(value, 'l')}, {formats.date_format(value, 'DATE_FORMAT')}"
