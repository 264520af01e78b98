"""Producers: the businesses of the association, one Wagtail page each, under one directory page."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from madebybochum.routing import CachedViewRestrictionsMixin

from .admin_forms import ProducerPageForm
from .panels import CoordinatesPanel

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]

PRODUCTION_FORMS = [
    ("manufactory", _("Manufactory, repair and craft")),
    ("agriculture", _("Urban agriculture")),
    ("industry", _("Urban industry")),
]

# (field name, label): booleans on ProducerPage, so each filter is one indexed column.
EXPERIENCES = [
    ("show_production", _("Show production")),
    ("guided_tours", _("Guided tours")),
    ("workshops", _("Hands-on workshops")),
    ("repair_service", _("Repair service")),
]
SALES_CHANNELS = [
    ("sells_own_shop", _("Own shop")),
    ("sells_online", _("Online")),
    ("sells_markets", _("Markets")),
    ("sells_partner_shops", _("Partner shops")),
    ("sells_made_to_order", _("Made to order")),
]

SOCIAL_PLATFORMS = [
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("mastodon", "Mastodon"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
    ("linkedin", "LinkedIn"),
    ("other", _("Other")),
]


class Category(models.Model):
    """A product category from the concept (food, textiles, ...). Admins edit them as snippets."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), unique=True, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class SpokenLanguage(models.Model):
    """A language spoken in a business, named in every interface language."""

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("ISO 639-1, e.g. de, tr, ar."))
    name = models.CharField(_("name"), max_length=60)

    panels = [FieldPanel("code"), FieldPanel("name")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")

    def __str__(self):
        return self.name


class ProducerIndexPage(CachedViewRestrictionsMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["directory.ProducerPage"]
    max_count = 1

    class Meta:
        verbose_name = _("producer directory")

    def route(self, request, path_components):
        """Resolve a profile in one query, with its open-now state and small lists, instead of Wagtail's two."""
        if len(path_components) == 1:
            from wagtail.url_routing import RouteResult

            from .filters import annotate_open
            from .selectors import attach_profile_parts, with_profile_parts

            producer = (
                with_profile_parts(annotate_open(ProducerPage.objects.child_of(self).filter(slug=path_components[0])))
                .select_related("portrait")
                .first()
            )
            if producer and producer.is_withdrawn:
                raise Http404
            if producer and producer.live:
                producer.index_page = self  # saves the profile a query for its breadcrumb
                attach_profile_parts(producer)
                return RouteResult(producer)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .views import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(request, self))
        return context


class ProducerPage(CachedViewRestrictionsMixin, Page):
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
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait_alt = models.CharField(
        _("portrait description"), max_length=200, blank=True, help_text=_("What the photo shows, for people who cannot see it.")
    )
    categories = ParentalManyToManyField(Category, verbose_name=_("categories"), blank=True, related_name="producers")
    production_form = models.CharField(
        _("form of urban production"), max_length=20, choices=PRODUCTION_FORMS, default="manufactory", db_index=True
    )
    show_production = models.BooleanField(_("show production"), default=False, help_text=_("Visitors can watch production."))
    guided_tours = models.BooleanField(_("guided tours"), default=False)
    workshops = models.BooleanField(_("hands-on workshops"), default=False)
    repair_service = models.BooleanField(_("repair service"), default=False)
    sells_own_shop = models.BooleanField(_("sold in own shop"), default=False)
    sells_online = models.BooleanField(_("sold online"), default=False)
    sells_markets = models.BooleanField(_("sold at markets"), default=False)
    sells_partner_shops = models.BooleanField(_("sold in partner shops"), default=False)
    sells_made_to_order = models.BooleanField(_("made to order"), default=False)
    languages = ParentalManyToManyField(SpokenLanguage, verbose_name=_("languages spoken"), blank=True, related_name="producers")
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    accessibility_note = models.CharField(_("accessibility notes"), max_length=250, blank=True)
    street = models.CharField(_("street and number"), max_length=120, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=60, blank=True, default="Bochum")
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    founding_year = models.PositiveSmallIntegerField(
        _("founding year"), null=True, blank=True, validators=[MinValueValidator(1000), MaxValueValidator(2100)]
    )
    team_size = models.PositiveSmallIntegerField(_("team size"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    # The producer's own images and documents (directory.members.producer_collection).
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("portrait"), FieldPanel("portrait_alt")], heading=_("Portrait")),
        FieldPanel("story"),
        InlinePanel("photos", label=_("photos")),
        InlinePanel("products", label=_("products")),

        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("production_form"),
        MultiFieldPanel(
            [FieldPanel(name) for name, _label in EXPERIENCES], heading=_("What visitors can experience")
        ),
        MultiFieldPanel([FieldPanel(name) for name, _label in SALES_CHANNELS], heading=_("Where products are sold")),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("wheelchair_accessible"), FieldPanel("accessibility_note")], heading=_("Accessibility")),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                CoordinatesPanel(),
            ],
            heading=_("Address"),
        ),
        InlinePanel("opening_hours", label=_("opening hours")),
        InlinePanel("closures", label=_("closures and holidays")),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website"), InlinePanel("social_links", label=_("social links"))],
            heading=_("Contact"),
        ),
        FieldRowPanel([FieldPanel("founding_year"), FieldPanel("team_size")]),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("members")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("story"),
        index.RelatedFields("products", [index.SearchField("name"), index.SearchField("description")]),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("withdrawn_at"),
    ]
    parent_page_types = ["directory.ProducerIndexPage"]
    subpage_types = []
    base_form_class = ProducerPageForm

    class Meta:
        verbose_name = _("producer")
        verbose_name_plural = _("producers")
        permissions = [("withdraw_producerpage", _("Can withdraw and restore producer profiles"))]

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def with_content_json(self, content):
        """Withdrawal and the collection are states of the page, not of its content: a revision (the
        editor's, or one being published) neither clears nor brings back the current state."""
        page = super().with_content_json(content)
        page.withdrawn_at = self.withdrawn_at
        page.withdrawn_by_id = self.withdrawn_by_id
        page.collection_id = self.collection_id
        return page

    def experiences(self):
        return [label for name, label in EXPERIENCES if getattr(self, name)]

    def sales_channels(self):
        return [label for name, label in SALES_CHANNELS if getattr(self, name)]

    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def missing_languages(self):
        """Interface languages in which the short portrait or story has not been written yet."""
        missing = []
        for code, name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            if (self.intro_de and not getattr(self, f"intro_{code}")) or (self.story_de and not getattr(self, f"story_{code}")):
                missing.append((code, name))
        return missing

    def get_context(self, request, *args, **kwargs):
        from .views import profile_context

        context = super().get_context(request, *args, **kwargs)
        context.update(profile_context(request, self))
        return context


class ProducerPhoto(Orderable):
    producer = ParentalKey(ProducerPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        _("description"), max_length=200, help_text=_("What the photo shows, for people who cannot see it. Required.")
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


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
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(_("photo description"), max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
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

    def clean(self):
        if self.image_id and not self.image_alt:
            raise ValidationError({"image_alt": _("Describe the photo for people who cannot see it.")})

    def stages_in_bochum(self):
        stages = [
            (self.design_in_bochum, _("Design")),
            (self.manufacture_in_bochum, _("Manufacture")),
            (self.finishing_in_bochum, _("Finishing")),
        ]
        return [label for done, label in stages if done]


class OpeningHours(Orderable):
    """One opening interval on a weekday, in local time (Europe/Berlin)."""

    producer = ParentalKey(ProducerPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        ordering = ["weekday", "opens"]
        indexes = [models.Index(fields=["weekday", "opens", "closes"])]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})


class Closure(Orderable):
    """Days the business is closed despite its usual hours (holidays, vacation)."""

    producer = ParentalKey(ProducerPage, on_delete=models.CASCADE, related_name="closures")
    start_date = models.DateField(_("first day closed"))
    end_date = models.DateField(_("last day closed"))
    note = models.CharField(_("reason"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("closure")
        verbose_name_plural = _("closures")

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})


class SocialLink(Orderable):
    producer = ParentalKey(ProducerPage, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(_("platform"), max_length=20, choices=SOCIAL_PLATFORMS)
    url = models.URLField(_("address"))

    panels = [FieldRowPanel([FieldPanel("platform"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("social link")
        verbose_name_plural = _("social links")


class JoinRequest(models.Model):
    """A producer who is not a member yet asks to join; an admin accepts or declines."""

    PENDING, ACCEPTED, DECLINED = "pending", "accepted", "declined"
    STATUSES = [(PENDING, _("waiting")), (ACCEPTED, _("accepted")), (DECLINED, _("declined"))]

    business_name = models.CharField(_("business name"), max_length=120)
    contact_name = models.CharField(_("your name"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    what_you_make = models.TextField(_("what you make"), max_length=1000)
    language = models.CharField(max_length=8, editable=False, default="de")
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    producer = models.ForeignKey(ProducerPage, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self):
        return self.business_name


class ClaimInvitation(models.Model):
    """An emailed one-time link with which someone takes over a producer profile as its member.
    Only a hash of the link's token is stored, so the table alone cannot be used to claim a profile."""

    producer = models.ForeignKey(ProducerPage, verbose_name=_("producer"), on_delete=models.CASCADE, related_name="claim_invitations")
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=8, default="de")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True, editable=False)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("claim invitation")
        verbose_name_plural = _("claim invitations")

    def __str__(self):
        return f"{self.producer} → {self.email}"
