"""Producers: the businesses of the association, one Wagtail page each, under one directory page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index


class ProducerIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["directory.ProducerPage"]
    max_count = 1

    class Meta:
        verbose_name = _("producer directory")


class ProducerPage(Page):
    """A producer's public profile. The page title is the business name."""

    intro = models.TextField(_("short portrait"), blank=True)
    story = RichTextField(_("story"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="producers",
        help_text=_("Association members who may edit this profile."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("story"),
        InlinePanel("products", label=_("products")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("story")]
    parent_page_types = ["directory.ProducerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("producer")
        verbose_name_plural = _("producers")


class Product(Orderable):
    """Something a producer makes. Shown on the profile; the shop (if on) may sell it."""

    producer = ParentalKey(ProducerPage, on_delete=models.CASCADE, related_name="products")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    price = models.DecimalField(_("price in EUR incl. VAT"), max_digits=8, decimal_places=2, null=True, blank=True)
    made_to_order = models.BooleanField(_("made to order"), default=False)
    lead_time_days = models.PositiveSmallIntegerField(_("lead time in days"), null=True, blank=True)
    design_in_bochum = models.BooleanField(_("designed in Bochum"), default=False)
    manufacture_in_bochum = models.BooleanField(_("manufactured in Bochum"), default=False)
    finishing_in_bochum = models.BooleanField(_("finished in Bochum"), default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("price"),
        FieldPanel("made_to_order"),
        FieldPanel("lead_time_days"),
        FieldPanel("design_in_bochum"),
        FieldPanel("manufacture_in_bochum"),
        FieldPanel("finishing_in_bochum"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("product")
        verbose_name_plural = _("products")

    def __str__(self):
        return self.name
