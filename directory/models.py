"""Producers: the businesses of the association, one Wagtail page each, under one directory page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
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

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("story")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("story")]
    parent_page_types = ["directory.ProducerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("producer")
        verbose_name_plural = _("producers")
