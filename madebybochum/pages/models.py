"""Site-wide pages: the home page, editable standard pages and the site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from madebybochum.routing import CachedChildRoutesMixin, CachedViewRestrictionsMixin, public_pages


class HomePage(CachedChildRoutesMixin, CachedViewRestrictionsMixin, Page):
    hero_title = models.CharField(_("headline"), max_length=120)
    intro = models.TextField(_("introduction"), blank=True)
    label_title = models.CharField(_("label heading"), max_length=120, blank=True)
    label_text = RichTextField(_("what the label means"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("label_title"), FieldPanel("label_text")], heading=_("The label")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def entry_points(self):
        """The sections a visitor can go to next: the home page's children that are in the menu."""
        return public_pages(self.get_children().in_menu()).specific()


class StandardPage(CachedViewRestrictionsMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("text"), blank=True)
    show_in_footer = models.BooleanField(
        _("show in footer"), default=False, help_text=_("For legal pages such as the Impressum and privacy policy.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("show_in_footer")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact email"), blank=True)
    address = models.TextField(_("showroom address"), blank=True)
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page without its own image is shared (Open Graph)."),
    )

    panels = [FieldPanel("contact_email"), FieldPanel("address"), FieldPanel("share_image")]

    class Meta:
        verbose_name = _("site settings")
