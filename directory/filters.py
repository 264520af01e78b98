"""Which producers a visitor sees: published, not withdrawn, narrowed by the directory's filters.

The same function serves the directory page, the map and the open-data exports, so a filtered URL
means the same thing everywhere.

Search is Wagtail's full-text search. On PostgreSQL a search that finds nothing falls back to trigram
similarity of names (pg_trgm), so a typo ("Rösterai") still finds the producer; on SQLite there is no
such fallback, and a misspelt word finds nothing.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.db import connection
from django.db.models import Case, Count, Exists, F, Func, IntegerField, OuterRef, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from label import selectors as label_selectors
from madebybochum.routing import public_pages

from . import selectors
from .models import EXPERIENCES, PRODUCTION_FORMS, SALES_CHANNELS, Category, Closure, OpeningHours, ProducerPage, Product

BERLIN = ZoneInfo("Europe/Berlin")
SEARCH_LIMIT = 1000
# pg_trgm word similarity (0..1) a name must reach to count as "meant": "Kafee" reaches 0.5 against
# "Kaffeerösterei", unrelated words stay near 0. PostgreSQL's own %> default (0.6) misses such typos.
SIMILARITY_THRESHOLD = 0.4


def visible_producers():
    return public_pages(ProducerPage.objects.filter(withdrawn_at__isnull=True))


def annotate_open(queryset, moment=None):
    """Annotate `is_open_now`: open at the given moment (default: now), in Bochum's local time.

    Converting to Europe/Berlin before reading weekday and time is what makes DST changes right;
    a closure covering the local date overrides the usual hours.
    """
    local = (moment or timezone.now()).astimezone(BERLIN)
    today, now = local.date(), local.time()
    hours = OpeningHours.objects.filter(producer=OuterRef("pk"), weekday=local.weekday(), opens__lte=now, closes__gt=now)
    closed = Closure.objects.filter(producer=OuterRef("pk"), start_date__lte=today, end_date__gte=today)
    return queryset.annotate(is_open_now=Exists(hours) & ~Exists(closed))


def open_at(queryset, moment=None):
    return annotate_open(queryset, moment).filter(is_open_now=True)


def is_open(producer, moment=None):
    return annotate_open(ProducerPage.objects.filter(pk=producer.pk), moment).filter(is_open_now=True).exists()


def next_opening(producer, moment=None, days=60):
    """When the producer next opens after `moment`, as Bochum local time, or None if not within `days`.
    Reads the producer's opening hours and closures (prefetch them to spare the queries)."""
    local = (moment or timezone.now()).astimezone(BERLIN)
    hours = sorted(producer.opening_hours.all(), key=lambda h: h.opens)
    closures = list(producer.closures.all())
    for offset in range(days):
        day = local.date() + timedelta(days=offset)
        if any(closure.start_date <= day <= closure.end_date for closure in closures):
            continue
        for slot in hours:
            opens = datetime.combine(day, slot.opens, tzinfo=BERLIN)
            if slot.weekday == day.weekday() and opens > local:
                return opens
    return None


def search_ids(queryset, query):
    """Page ids matching a full-text query, best first (German stemming on PostgreSQL).

    Only the words go to the backend: SQLite's FTS5 reads quotes, brackets and stars as its own syntax
    and answered `"` with an error."""
    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return []
    results = queryset.search(words, operator="and")[:SEARCH_LIMIT]
    # The database backend's own ranked query, as ids: hundreds of hits need no page objects.
    return list(results.get_queryset().values_list("pk", flat=True))


def similar_ids(query):
    """Page ids of producers whose name, or the name of one of their products or categories, resembles
    the query despite typos, most similar first (German names; PostgreSQL with pg_trgm only).

    One flat query per table rather than a subquery per producer: with thousands of producers the
    correlated subqueries took ~100 ms, these a few each."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    def scored(queryset, field, owner):
        return (
            queryset.annotate(similarity=TrigramWordSimilarity(query, field))
            .filter(similarity__gte=SIMILARITY_THRESHOLD)
            .values_list(owner, "similarity")
        )

    best = {}
    for owner, similarity in [
        *scored(ProducerPage.objects.all(), "title_de", "pk"),
        *scored(Product.objects.all(), "name_de", "producer_id"),
        *scored(Category.objects.filter(producers__isnull=False), "name_de", "producers"),
    ]:
        best[owner] = max(similarity, best.get(owner, 0))
    return sorted(best, key=lambda owner: (-best[owner], owner))[:SEARCH_LIMIT]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Category"), required=False)
    form = forms.ChoiceField(label=_("Form of urban production"), required=False)
    experience = forms.MultipleChoiceField(
        label=_("What you can experience"), choices=EXPERIENCES, required=False, widget=forms.CheckboxSelectMultiple
    )
    sold = forms.MultipleChoiceField(
        label=_("Where products are sold"), choices=SALES_CHANNELS, required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.MultipleChoiceField(label=_("Languages spoken"), required=False, widget=forms.CheckboxSelectMultiple)
    wheelchair = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    label = forms.BooleanField(label=_("Label holders only"), required=False)
    open = forms.BooleanField(label=_("Open now"), required=False)

    # Set by filter_producers when the results come from the typo-tolerant fallback, so the page can say so.
    similar_names = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices from the per-process copies of the lookup tables, used both to validate and to render.
        self.fields["form"].choices = [("", _("All forms"))] + PRODUCTION_FORMS
        self.fields["category"].choices = [("", _("All categories"))] + [(c.slug, c.name) for c in selectors.categories()]
        self.fields["language"].choices = [(lang.code, lang.name) for lang in selectors.spoken_languages()]

    def is_filtered(self):
        return any(self.cleaned_data.get(name) for name in self.fields)

    def active_filters(self):
        """How many filters besides the search words are set, for the folded filter panel on phones."""
        return sum(1 for name in self.fields if name != "q" and self.cleaned_data.get(name))


def speaking_all(codes):
    """Ids of producers who speak every one of the language codes, as one grouped subquery."""
    through = ProducerPage.languages.through
    return (
        through.objects.filter(spokenlanguage__code__in=codes)
        .values("producerpage")
        .annotate(matched=Count("spokenlanguage", distinct=True))
        .filter(matched=len(codes))
        .values("producerpage")
    )


def filter_producers(params, moment=None):
    """(queryset, form, search_order) for GET parameters. Invalid parameters are ignored, not fatal."""
    form = DirectoryFilterForm(params)
    form.is_valid()
    data = form.cleaned_data
    queryset = visible_producers()
    if data.get("category"):
        queryset = queryset.filter(categories__slug=data["category"])
    if data.get("form"):
        queryset = queryset.filter(production_form=data["form"])
    # Repeated values collapse, and each filter costs one condition or one subquery however many values
    # it gets: a join per value let one short URL grow a PostgreSQL backend to 20 GB.
    flags = {name: True for name in {*(data.get("experience") or []), *(data.get("sold") or [])}}
    if flags:
        queryset = queryset.filter(**flags)
    if codes := set(data.get("language") or []):
        queryset = queryset.filter(pk__in=speaking_all(codes))
    if data.get("wheelchair"):
        queryset = queryset.filter(wheelchair_accessible=True)
    if data.get("label"):
        queryset = label_selectors.filter_holders(queryset)
    order = None
    if data.get("q"):
        # Wagtail searches all producers (its index knows only a few filter fields, and path-based
        # filters make PostgreSQL's ranking slow); the ids then narrow the filtered, visible set.
        order = search_ids(ProducerPage.objects.all(), data["q"])
        if not order and connection.vendor == "postgresql":
            order = similar_ids(data["q"])
            form.similar_names = bool(order)
        queryset = queryset.filter(pk__in=order)
    queryset = annotate_open(queryset, moment)
    if data.get("open"):
        queryset = queryset.filter(is_open_now=True)
    return queryset, form, order


def ordered(queryset, order):
    """Search results keep their relevance order; otherwise alphabetical by German name."""
    if order is None:
        return queryset.order_by("title_de", "pk")
    if connection.vendor == "postgresql":
        # One array lookup instead of a CASE with up to SEARCH_LIMIT branches (~70 ms to build and plan).
        from django.contrib.postgres.fields import ArrayField

        ids = Value(order, output_field=ArrayField(IntegerField()))
        rank = Func(ids, F("pk"), function="array_position", output_field=IntegerField())
    else:
        rank = Case(*[When(pk=pk, then=Value(i)) for i, pk in enumerate(order)], output_field=IntegerField())
    return queryset.annotate(search_rank=rank).order_by("search_rank")
