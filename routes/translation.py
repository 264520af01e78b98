from modeltranslation.translator import TranslationOptions, register

from .models import ExperienceRouteIndexPage, ExperienceRoutePage, RouteStop


@register(ExperienceRouteIndexPage)
class ExperienceRouteIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(ExperienceRoutePage)
class ExperienceRoutePageTR(TranslationOptions):
    fields = ("intro",)


@register(RouteStop)
class RouteStopTR(TranslationOptions):
    fields = ("note",)
