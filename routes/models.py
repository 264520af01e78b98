"""Experience routes: an ordered walk past producers, composed by admins, shown on a map and printable."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index


class ExperienceRouteIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["routes.ExperienceRoutePage"]
    max_count = 1

    class Meta:
        verbose_name = _("route overview")

    def get_context(self, request, *args, **kwargs):
        from .selectors import route_summaries

        context = super().get_context(request, *args, **kwargs)
        context["routes"] = route_summaries(self)
        return context


class ExperienceRoutePage(Page):
    """A walk past several producers in a fixed order. The page title is the route's name."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("What the walk is about, in two or three sentences."))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("stops", label=_("stops"), min_num=2, help_text=_("In walking order.")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["routes.ExperienceRouteIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("experience route")
        verbose_name_plural = _("experience routes")

    def get_context(self, request, *args, **kwargs):
        from .views import route_context

        context = super().get_context(request, *args, **kwargs)
        context.update(route_context(request, self))
        return context


class RouteStop(Orderable):
    route = ParentalKey(ExperienceRoutePage, on_delete=models.CASCADE, related_name="stops")
    # Chooser limited to producers; deleting a producer drops its stop rather than leaving a gap.
    producer = models.ForeignKey(
        "directory.ProducerPage", verbose_name=_("producer"), on_delete=models.CASCADE, related_name="route_stops"
    )
    note = models.CharField(
        _("note"), max_length=250, blank=True, help_text=_("Optional: what to look out for at this stop.")
    )

    panels = [FieldPanel("producer"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
