"""The showroom calendar: an events index, event pages (one-off or recurring), exhibitions in the
showroom, registrations with capacity, members' event proposals and the open-door day programme."""

import secrets
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from madebybochum.routing import CachedViewRestrictionsMixin, is_restricted, restricted_paths

BERLIN = ZoneInfo("Europe/Berlin")

FORMATS = [
    ("workshop", _("Workshop")),
    ("talk", _("Talk")),
    ("film", _("Film evening")),
    ("network", _("Network evening")),
    ("open_day", _("Open-door day")),
    ("evening_at", _("“Mein Abend bei …”")),
    ("market", _("Market")),
    ("window", _("Shop-window competition")),
    ("exhibition", _("Exhibition")),
]
FORMAT_KEYS = [key for key, _label in FORMATS]

# The languages an event can be held in, as the site's own language codes.
SPOKEN = [("de", _("German")), ("en", _("English")), ("tr", _("Turkish")), ("ar", _("Arabic"))]


class EventIndexPage(CachedViewRestrictionsMixin, Page):
    """The calendar: list and month views, filters and archive are query parameters on this page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.EventPage", "events.OpenDayPage"]
    max_count = 1

    class Meta:
        verbose_name = _("calendar")

    def get_context(self, request, *args, **kwargs):
        from .calendar import calendar_context

        context = super().get_context(request, *args, **kwargs)
        context.update(calendar_context(self, request.GET))
        return context


class EventPage(CachedViewRestrictionsMixin, Page):
    VENUE_SHOWROOM = "showroom"
    VENUE_PRODUCER = "producer"
    VENUE_OTHER = "other"
    VENUES = [
        (VENUE_SHOWROOM, _("The showroom")),
        (VENUE_PRODUCER, _("At a producer's place")),
        (VENUE_OTHER, _("Another address")),
    ]
    FREQ_NONE = ""
    FREQ_WEEKLY = "weekly"
    FREQ_MONTHLY = "monthly"
    FREQUENCIES = [(FREQ_NONE, _("Does not repeat")), (FREQ_WEEKLY, _("Weekly")), (FREQ_MONTHLY, _("Monthly"))]
    WEEKDAYS = [
        (0, _("Monday")),
        (1, _("Tuesday")),
        (2, _("Wednesday")),
        (3, _("Thursday")),
        (4, _("Friday")),
        (5, _("Saturday")),
        (6, _("Sunday")),
    ]
    WEEK_OF_MONTH = [(1, _("first")), (2, _("second")), (3, _("third")), (4, _("fourth")), (-1, _("last"))]

    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    format = models.CharField(_("format"), max_length=20, choices=FORMATS, default="workshop")
    starts_at = models.DateTimeField(_("starts"), help_text=_("Local time in Bochum (Europe/Berlin)."))
    ends_at = models.DateTimeField(_("ends"))
    doors_note = models.CharField(
        _("time note"), max_length=160, blank=True, help_text=_("E.g. “Preparation from 18:45, guests from 19:00”.")
    )

    venue_kind = models.CharField(_("venue"), max_length=10, choices=VENUES, default=VENUE_SHOWROOM)
    venue_producer = models.ForeignKey(
        "directory.ProducerPage",
        verbose_name=_("producer's place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    venue_name = models.CharField(_("place name"), max_length=120, blank=True)
    venue_address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    hosts = ParentalManyToManyField("directory.ProducerPage", verbose_name=_("hosting producers"), blank=True, related_name="hosted_events")
    in_german = models.BooleanField(_("German"), default=True)
    in_english = models.BooleanField(_("English"), default=False)
    in_turkish = models.BooleanField(_("Turkish"), default=False)
    in_arabic = models.BooleanField(_("Arabic"), default=False)

    price = models.DecimalField(
        _("price in EUR"), max_digits=7, decimal_places=2, null=True, blank=True, help_text=_("Leave empty if free.")
    )
    accessibility = models.TextField(_("accessibility"), blank=True, help_text=_("Step-free access, seating, hearing loop …"))

    registration_required = models.BooleanField(_("registration required"), default=False)
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True, help_text=_("Per date. Empty: no limit."))
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)

    repeat = models.CharField(_("repeats"), max_length=10, choices=FREQUENCIES, blank=True, default=FREQ_NONE)
    repeat_interval = models.PositiveSmallIntegerField(_("every … weeks/months"), default=1)
    repeat_weekday = models.PositiveSmallIntegerField(
        _("on weekday"), choices=WEEKDAYS, null=True, blank=True, help_text=_("Monthly: together with the week of the month.")
    )
    repeat_week_of_month = models.SmallIntegerField(_("week of the month"), choices=WEEK_OF_MONTH, null=True, blank=True)
    repeat_until = models.DateField(_("repeat until"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("format"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("doors_note")], heading=_("When")
        ),
        MultiFieldPanel(
            [
                FieldPanel("repeat"),
                FieldPanel("repeat_interval"),
                FieldPanel("repeat_weekday"),
                FieldPanel("repeat_week_of_month"),
                FieldPanel("repeat_until"),
                InlinePanel("exceptions", label=_("cancelled or moved dates")),
            ],
            heading=_("Recurrence"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_kind"),
                FieldPanel("venue_producer"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("hosts"),
        MultiFieldPanel(
            [FieldPanel("in_german"), FieldPanel("in_english"), FieldPanel("in_turkish"), FieldPanel("in_arabic")],
            heading=_("Languages spoken"),
        ),
        FieldPanel("price"),
        FieldPanel("accessibility"),
        MultiFieldPanel(
            [FieldPanel("registration_required"), FieldPanel("capacity"), FieldPanel("waiting_list")],
            heading=_("Registration"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("description"), index.FilterField("format")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if self.venue_kind == self.VENUE_PRODUCER and not self.venue_producer_id:
            raise ValidationError({"venue_producer": _("Choose the producer whose place it is.")})
        if self.repeat == self.FREQ_MONTHLY and (self.repeat_weekday is None) != (self.repeat_week_of_month is None):
            raise ValidationError({"repeat_week_of_month": _("Give both the weekday and the week of the month, or neither.")})

    @property
    def languages(self):
        flags = [self.in_german, self.in_english, self.in_turkish, self.in_arabic]
        return [(code, name) for (code, name), spoken in zip(SPOKEN, flags) if spoken]

    @property
    def is_free(self):
        return not self.price

    @property
    def is_recurring(self):
        return bool(self.repeat)

    def uid(self):
        """Stable across edits and hosts: calendar apps recognise the event when a feed is re-read."""
        return f"event-{self.pk}@madebybochum.de"

    def get_view_restrictions(self):
        """An event shows its hosts and venue by name and link (page, feeds, structured data): it is
        restricted wherever one of them is, so only a visitor with access to them all sees it."""
        own = super().get_view_restrictions()
        if not restricted_paths():
            return own
        named = [*self.hosts.all(), *([self.venue_producer] if self.venue_producer_id else [])]
        restricted = [producer for producer in named if is_restricted(producer.path)]
        if not restricted:
            return own
        ids = set(own.values_list("pk", flat=True))
        for producer in restricted:
            ids.update(producer.get_view_restrictions().values_list("pk", flat=True))
        return PageViewRestriction.objects.filter(pk__in=ids)

    def serve(self, request, *args, **kwargs):
        from .views import event_page

        return event_page(request, self)


def naming_restricted_producers():
    """Events whose hosts or venue have a view restriction (see EventPage.get_view_restrictions)."""
    named = Q(pk__in=[])
    for path in restricted_paths():
        named |= Q(hosts__path__startswith=path) | Q(venue_producer__path__startswith=path)
    return EventPage.objects.filter(named)


class EventException(Orderable):
    """One date of a recurring event that is cancelled or moved; shown as such, never silently dropped."""

    CANCELLED = "cancelled"
    MOVED = "moved"
    KINDS = [(CANCELLED, _("cancelled")), (MOVED, _("moved"))]

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exceptions")
    original_date = models.DateField(_("date as planned"))
    kind = models.CharField(_("what happens"), max_length=10, choices=KINDS, default=CANCELLED)
    new_starts_at = models.DateTimeField(_("new start"), null=True, blank=True)
    new_ends_at = models.DateTimeField(_("new end"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldPanel("original_date"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("new_starts_at"), FieldPanel("new_ends_at")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("exception")

    def clean(self):
        if self.kind == self.MOVED and not self.new_starts_at:
            raise ValidationError({"new_starts_at": _("A moved date needs its new start.")})


class Exhibition(models.Model):
    """A producer exhibiting in the showroom for a period, and what they produce there."""

    producer = models.ForeignKey("directory.ProducerPage", verbose_name=_("producer"), on_delete=models.CASCADE, related_name="exhibitions")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    what = models.CharField(_("what is produced"), max_length=200)

    panels = [FieldPanel("producer"), FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]), FieldPanel("what")]

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")
        ordering = ["starts_on"]

    def __str__(self):
        return f"{self.producer.title}: {self.what}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end must not be before the start.")})


def new_token():
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    """A visitor's seats for one date of an event. No account: the token in the email is the key.

    It starts as PENDING: the seats are held (or, with for_waiting_list, nothing is) until hold_expires_at,
    and the link in its e-mail confirms it. A lapsed hold counts for nothing (events.registrations)."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    CANCELLED = "cancelled"
    STATUSES = [
        (PENDING, _("email address not yet confirmed")),
        (CONFIRMED, _("confirmed")),
        (WAITING, _("on the waiting list")),
        (CANCELLED, _("cancelled")),
    ]

    event = models.ForeignKey(EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations")
    occurrence_start = models.DateTimeField(_("date"))
    occurrence_end = models.DateTimeField(_("end"))
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES)
    for_waiting_list = models.BooleanField(_("for the waiting list"), default=False)
    hold_expires_at = models.DateTimeField(_("unconfirmed until"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(max_length=8, default="de")
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    personal_data_deleted_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "occurrence_start", "status"])]

    def __str__(self):
        return f"{self.name} ({self.seats})"


class EventProposal(models.Model):
    """A member proposes an event for their business; an admin's approval creates the live event page."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    STATUSES = [(PENDING, _("waiting for review")), (APPROVED, _("approved")), (REJECTED, _("rejected"))]

    producer = models.ForeignKey("directory.ProducerPage", verbose_name=_("business"), on_delete=models.CASCADE, related_name="event_proposals")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    format = models.CharField(_("format"), max_length=20, choices=FORMATS, default="workshop")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    at_producer = models.BooleanField(_("at our place (otherwise in the showroom)"), default=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    event = models.ForeignKey(EventPage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("event proposal")
        verbose_name_plural = _("event proposals")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class OpenDayPage(CachedViewRestrictionsMixin, Page):
    """The open-door day of all inner-city producers: a printable programme with time slots."""

    intro = models.TextField(_("introduction"), blank=True)
    day = models.DateField(_("date"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("day"), InlinePanel("slots", label=_("programme"))]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("open-door day programme")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from directory.filters import visible_producers

        slots = list(self.slots.select_related("producer").order_by("producer__title", "starts"))
        # Filtered here rather than in the query: previews hold their slots in memory.
        shown = set(visible_producers().filter(pk__in={slot.producer_id for slot in slots}).values_list("pk", flat=True))
        programme = {}
        for slot in slots:
            if slot.producer_id in shown:
                programme.setdefault(slot.producer, []).append(slot)
        context["programme"] = list(programme.items())
        return context


class OpenDaySlot(Orderable):
    TOUR = "tour"
    WORKSHOP = "workshop"
    SHOW = "show"
    KINDS = [(TOUR, _("Guided tour")), (WORKSHOP, _("Workshop")), (SHOW, _("Show production"))]

    page = ParentalKey(OpenDayPage, on_delete=models.CASCADE, related_name="slots")
    producer = models.ForeignKey("directory.ProducerPage", verbose_name=_("producer"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("what"), max_length=10, choices=KINDS)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    panels = [
        FieldPanel("producer"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("note"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]
