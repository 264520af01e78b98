"""The directory listing, the profile, the map and the open-data exports. Rules live in filters.py."""

import json

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from events import selectors as event_selectors
from label import selectors as label_selectors
from madebybochum.cache import content_version, same_for_everyone
from madebybochum.security import hit_rate_limit, rate_limit
from madebybochum.spreadsheets import csv_response

from . import claims, tiles
from .filters import filter_producers, is_open, next_opening, ordered
from .joining import unique_username
from .models import WEEKDAYS, Category, ProducerPage

PAGE_SIZE = 24
LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/) — Made by Bochum"


def card_queryset(queryset):
    return queryset.select_related("portrait").prefetch_related(
        "portrait__renditions",
        Prefetch("categories", queryset=Category.objects.order_by("sort_order", "name")),
    )


def attach_badges(producers):
    badges = label_selectors.current_badges([p.pk for p in producers])
    for producer in producers:
        producer.badge = badges.get(producer.pk)
    return producers


def opening_day(moment):
    """"today", "tomorrow" or "later" for a coming opening time, so the profile can say it naturally."""
    if moment is None:
        return ""
    days = (moment.date() - timezone.localdate(timezone=moment.tzinfo)).days
    return {0: "today", 1: "tomorrow"}.get(days, "later")


def directory_context(request, index_page):
    queryset, form, order = filter_producers(request.GET)
    # Ids first, then the page's rows: sorting thousands of narrow rows is cheap, whole page rows are not
    # (the 24 full rows of a sorted page took ~25 ms with 5,000 producers, ids and rows ~10).
    paginator = Paginator(ordered(queryset, order).values_list("pk", flat=True), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    ids = list(page_obj.object_list)
    rows = card_queryset(queryset).in_bulk(ids)
    producers = attach_badges([rows[pk] for pk in ids])
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "producers": producers,
        "page_obj": page_obj,
        "filter_query": query.urlencode(),
        "geojson_url": reverse("directory_geojson") + (f"?{query.urlencode()}" if query else ""),
        "csv_url": reverse("directory_csv") + (f"?{query.urlencode()}" if query else ""),
    }


def opening_table(producer):
    by_day = {day: [] for day, _label in WEEKDAYS}
    for hours in producer.opening_hours.all():
        by_day[hours.weekday].append(hours)
    return [(label, by_day[day]) for day, label in WEEKDAYS]


def json_ld(request, producer, photos):
    """schema.org LocalBusiness with its products as offers, for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": producer.title,
        "url": request.build_absolute_uri(producer.url),
        "description": producer.intro,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": producer.street,
            "postalCode": producer.postcode,
            "addressLocality": producer.city,
            "addressCountry": "DE",
        },
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{WEEKDAY_NAMES[h.weekday]}",
                "opens": h.opens.strftime("%H:%M"),
                "closes": h.closes.strftime("%H:%M"),
            }
            for h in producer.opening_hours.all()
        ],
        "makesOffer": [],
    }
    if producer.has_location():
        data["geo"] = {"@type": "GeoCoordinates", "latitude": float(producer.latitude), "longitude": float(producer.longitude)}
    for key, value in (("telephone", producer.phone), ("email", producer.email)):
        if value:
            data[key] = value
    if producer.founding_year:
        data["foundingDate"] = str(producer.founding_year)
    if producer.team_size:
        data["numberOfEmployees"] = {"@type": "QuantitativeValue", "value": producer.team_size}
    same_as = [link.url for link in producer.social_links.all()] + ([producer.website] if producer.website else [])
    if same_as:
        data["sameAs"] = same_as
    if photos:
        data["image"] = [request.build_absolute_uri(photo.rendition.url) for photo in photos]
    for product in producer.products.all():
        item = {"@type": "Product", "name": product.name, "description": product.description}
        if product.image_rendition:
            item["image"] = request.build_absolute_uri(product.image_rendition.url)
        offer = {"@type": "Offer", "itemOffered": item}
        if product.price is not None:
            offer.update(price=f"{product.price:.2f}", priceCurrency="EUR")
        data["makesOffer"].append(offer)
    # Escape "<" so a text containing "</script>" cannot end the JSON-LD block.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def profile_context(request, producer):
    # Served by ProducerIndexPage.route, the lists come with the page; previews and others prefetch them.
    if "opening_hours" not in getattr(producer, "_prefetched_objects_cache", {}):
        prefetch_related_objects([producer], "categories", "languages", "social_links", "opening_hours", "closures")
    photos = list(producer.photos.select_related("image"))
    products = list(producer.products.select_related("image"))
    # One query for the renditions of every image on the page.
    images = [photo.image for photo in photos] + [p.image for p in products if p.image] + ([producer.portrait] if producer.portrait else [])
    prefetch_related_objects(images, "renditions")
    for photo in photos:
        photo.rendition = photo.image.get_rendition("fill-1200x800|format-webp")
    for product in products:
        product.image_rendition = product.image.get_rendition("fill-480x360|format-webp") if product.image else None
    producer._prefetched_objects_cache = getattr(producer, "_prefetched_objects_cache", {})
    producer._prefetched_objects_cache["products"] = products
    badge = label_selectors.current_badges([producer.pk]).get(producer.pk)
    portrait = producer.portrait.get_rendition("fill-800x800|format-webp") if producer.portrait else None
    og_image = portrait or (photos[0].rendition if photos else None)
    open_now = producer.is_open_now if hasattr(producer, "is_open_now") else is_open(producer)
    opens_next = None if open_now else next_opening(producer)
    return {
        "photos": photos,
        "products": products,
        "badge": badge,
        "portrait": portrait,
        "og_image_url": request.build_absolute_uri(og_image.url) if og_image else "",
        "opening_table": opening_table(producer),
        "open_now": open_now,
        "opens_next": opens_next,
        "opens_day": opening_day(opens_next),
        "closures": producer.closures.all(),
        "json_ld": json_ld(request, producer, photos),
        "producer_events": event_selectors.upcoming_for_producer(producer),
        "producer_exhibitions": event_selectors.exhibitions_now(producer),
        "producer": producer,
        "index_page": getattr(producer, "index_page", None) or producer.get_parent(),
    }


EXPORT_FIELDS = [
    "id", "title_de", "slug", "latitude", "longitude", "street", "postcode", "city", "production_form", "wheelchair_accessible",
]


def export_rows(request):
    """Producers for the open-data exports as plain rows (thousands of them: no model instances),
    with German names, since the data is language-neutral."""
    queryset, _form, order = filter_producers(request.GET)
    rows = list(ordered(queryset, order).values(*EXPORT_FIELDS))
    ids = [row["id"] for row in rows]
    slugs = {}
    for producer_id, slug in (
        ProducerPage.categories.through.objects.filter(producerpage_id__in=queryset.values("pk"))
        .order_by("category__sort_order", "category__slug")
        .values_list("producerpage_id", "category__slug")
    ):
        slugs.setdefault(producer_id, []).append(slug)
    badges = label_selectors.current_badges(ids)
    for row in rows:
        row["categories"] = slugs.get(row["id"], [])
        badge = badges.get(row["id"])
        row["label"] = badge.status if badge else None
    return rows


def profile_url_prefix(request):
    """Every profile sits directly under the one directory page: its URL is the directory's plus the slug.
    The exports are language-neutral, so they link the German (default) version."""
    from .models import ProducerIndexPage

    index = ProducerIndexPage.objects.first()
    if index is None:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return index.get_full_url(request)


@require_GET
def tile(request, z, x, y):
    """One map tile through the site's tile proxy (directory/tiles.py)."""
    if not settings.DIRECTORY_TILE_PROXY or not settings.DIRECTORY_TILE_URL or not tiles.served(z, x, y):
        raise Http404
    data = tiles.cached(z, x, y)
    if data is None:
        # Each tile not yet cached costs a request to the tile server: a fair share per visitor.
        if hit_rate_limit(request, "directory-tile", limit=settings.DIRECTORY_TILE_RATE_LIMIT, per=600):
            return HttpResponse(status=429, headers={"Retry-After": "600"})
        try:
            data = tiles.fetch(z, x, y)
        except tiles.Unreachable:
            return HttpResponse(status=504, headers={"Cache-Control": "no-store"})
    return HttpResponse(data, content_type="image/png", headers={"Cache-Control": "public, max-age=86400"})


@require_GET
@same_for_everyone
def producers_geojson(request):
    rows = export_rows(request)
    prefix = profile_url_prefix(request)
    features = []
    for row in rows:
        if row["latitude"] is None or row["longitude"] is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                # RFC 7946: longitude first, WGS 84.
                "geometry": {"type": "Point", "coordinates": [round(float(row["longitude"]), 6), round(float(row["latitude"]), 6)]},
                "properties": {
                    "name": row["title_de"],
                    "url": f"{prefix}{row['slug']}/",
                    "categories": row["categories"],
                    "form": row["production_form"],
                    "label": row["label"],
                    "wheelchair": row["wheelchair_accessible"],
                },
            }
        )
    data = {"type": "FeatureCollection", "licence": LICENCE, "features": features}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})
    response["Content-Type"] = "application/geo+json"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@same_for_everyone
def producers_csv(request):
    rows = export_rows(request)
    prefix = profile_url_prefix(request)
    response, writer = csv_response("producers.csv", attachment=False)
    response["Access-Control-Allow-Origin"] = "*"
    writer.writerow([f"# Licence: {LICENCE}"])
    writer.writerow(
        ["id", "name", "url", "categories", "form", "label", "street", "postcode", "city", "latitude", "longitude", "wheelchair"]
    )
    for row in rows:
        writer.writerow(
            [
                row["id"],
                row["title_de"],
                f"{prefix}{row['slug']}/",
                " ".join(row["categories"]),
                row["production_form"],
                row["label"] or "",
                row["street"],
                row["postcode"],
                row["city"],
                "" if row["latitude"] is None else row["latitude"],
                "" if row["longitude"] is None else row["longitude"],
                "yes" if row["wheelchair_accessible"] else "no",
            ]
        )
    return response


def producer_map(request):
    """The map page: markers come from the GeoJSON with the same filters; the list works without tiles."""
    from django.shortcuts import render

    from .models import ProducerIndexPage

    queryset, form, order = filter_producers(request.GET)
    # Lazy: the template renders the list (thousands of links) from a fragment cached per content version.
    producers = ordered(queryset, order).only("id", "title", "title_de", "title_en", "title_tr", "title_ar", "slug", "street")
    query = request.GET.urlencode()
    index_page = ProducerIndexPage.objects.live().first()
    return render(
        request,
        "directory/map.html",
        {
            "filter_form": form,
            "producers": producers,
            "index_page": index_page,
            # Profiles sit directly under the directory page, so their URLs need no lookup each.
            "profile_prefix": index_page.url if index_page else "",
            "geojson_url": reverse("directory_geojson") + (f"?{query}" if query else ""),
            **tiles.map_settings(),
            "content_version": content_version(),
            "list_cache_seconds": settings.PAGE_CACHE_SECONDS,
        },
    )


@rate_limit("directory-join", limit=5, per=600)
def join(request):
    """The short public form for producers who want to become members."""
    from django.contrib import messages
    from django.shortcuts import redirect, render
    from django.utils.translation import gettext as _

    from .forms import JoinRequestForm

    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        join_request = form.save(commit=False)
        join_request.language = translation.get_language() or settings.LANGUAGE_CODE
        join_request.save()
        messages.success(request, _("Thank you! We will get back to you by email."))
        return redirect("directory_join")
    return render(request, "directory/join.html", {"form": form})


CLAIM_PROBLEMS = {
    claims.UNKNOWN: (404, gettext_lazy("This link is not valid"), gettext_lazy(
        "We do not know this link. Please check that you opened the complete link from the email, or ask us for a new one."
    )),
    claims.EXPIRED: (410, gettext_lazy("This link has expired"), gettext_lazy(
        "The link was only valid for a limited time. Please ask us for a new one."
    )),
    claims.USED: (410, gettext_lazy("This link has already been used"), gettext_lazy(
        "Each link works only once. If that was you, log in with the account you set up then."
    )),
}


@never_cache
@rate_limit("directory-claim", limit=10, per=600)
def claim(request, token):
    """The emailed claim link: set up an account (or, logged in, confirm) and become the profile's member."""
    from django.contrib import messages
    from django.contrib.auth import login
    from django.shortcuts import redirect, render
    from django.utils.translation import gettext as _

    from .forms import ClaimAccountForm

    try:
        invitation = claims.find(token)
    except claims.InvalidInvitation as problem:
        return claim_problem(request, problem.reason)
    user = request.user if request.user.is_authenticated else None
    form = None
    if user is None:
        data = request.POST if request.method == "POST" else None
        form = ClaimAccountForm(data, email=invitation.email, initial={"username": unique_username(invitation.email)})
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if user is None:
                user, producer = claims.redeem(
                    token, username=form.cleaned_data["username"], password=form.cleaned_data["password1"]
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                user, producer = claims.redeem(token, user=user)
        except claims.InvalidInvitation as problem:
            return claim_problem(request, problem.reason)
        except claims.UsernameTaken:
            form.add_error("username", _("This login name is taken. Please choose another one."))
        else:
            messages.success(request, _("Welcome! You can now edit the profile of %(name)s.") % {"name": producer.title})
            return redirect("wagtailadmin_pages:edit", producer.pk)
    return render(request, "directory/claim.html", {"invitation": invitation, "form": form})


def claim_problem(request, reason):
    from django.shortcuts import render

    status, heading, text = CLAIM_PROBLEMS[reason]
    return render(request, "directory/claim.html", {"heading": heading, "text": text}, status=status)
