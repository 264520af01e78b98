"""The profile's small lists in the query that fetches the producer, and the rarely changing lookup
tables from a per-process copy: a profile costs the same few queries, whatever it contains."""

import json

from django.db.models import OuterRef, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Cast, JSONObject

from madebybochum.cache import per_version

from .models import Category, Closure, OpeningHours, ProducerPage, SocialLink, SpokenLanguage


def categories():
    return per_version("directory:categories", lambda: list(Category.objects.all()))


def spoken_languages():
    return per_version("directory:languages", lambda: list(SpokenLanguage.objects.all()))


def _json_rows(model, fk, fields):
    """A subquery: the producer's rows of `model` as the items of a JSON array (text, without brackets).
    Unordered: SQLite cannot order inside an aggregate, so the caller sorts."""
    rows = model.objects.filter(**{fk: OuterRef("pk")}).order_by().values(fk)
    item = Cast(JSONObject(**{field: field for field in fields}), TextField())
    return Subquery(rows.annotate(data=StringAgg(item, Value(","))).values("data"))


def _fields(model):
    return [field.attname for field in model._meta.concrete_fields]


PARTS = {
    # name: (model, foreign key, sort key)
    "categories": (ProducerPage.categories.through, "producerpage_id", None),
    "languages": (ProducerPage.languages.through, "producerpage_id", None),
    "opening_hours": (OpeningHours, "producer_id", lambda h: (h.weekday, h.opens)),
    "closures": (Closure, "producer_id", lambda c: (c.sort_order or 0, c.pk)),
    "social_links": (SocialLink, "producer_id", lambda s: (s.sort_order or 0, s.pk)),
}


def with_profile_parts(queryset):
    return queryset.annotate(**{f"{name}_json": _json_rows(model, fk, _fields(model)) for name, (model, fk, _key) in PARTS.items()})


def _instances(model, text):
    rows = json.loads(f"[{text or ''}]")
    fields = {field.attname: field for field in model._meta.concrete_fields}
    return [model(**{name: fields[name].to_python(value) for name, value in row.items()}) for row in rows]


def attach_profile_parts(producer):
    """Fill the producer's related lists from with_profile_parts(), as prefetch_related would."""
    cache = producer.__dict__.setdefault("_prefetched_objects_cache", {})
    chosen = {row.category_id for row in _instances(PARTS["categories"][0], producer.categories_json)}
    cache["categories"] = [category for category in categories() if category.pk in chosen]
    chosen = {row.spokenlanguage_id for row in _instances(PARTS["languages"][0], producer.languages_json)}
    cache["languages"] = [lang for lang in spoken_languages() if lang.pk in chosen]
    for name in ("opening_hours", "closures", "social_links"):
        model, _fk, key = PARTS[name]
        cache[name] = sorted(_instances(model, getattr(producer, f"{name}_json")), key=key)
    return producer
