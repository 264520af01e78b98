"""Anonymous pages from the shared cache, invalidated the moment published content changes.

Every cached page carries the site-wide content version it was rendered under, and is used only
while that is still the current version (both are read in one round trip). Publishing, unpublishing,
moving or deleting a page, and saving or deleting any row of a content app (settings.PAGE_CACHE_CONTENT_APPS:
producers, certificates, events, registrations, orders, images, ...) bumps that version, so the next
visitor on any app server gets a fresh page. A site-wide version instead of a purge per URL, because
one change shows on many pages (a producer appears on the home page, the directory, the map, search).
Code that changes content with queryset.update() or raw SQL (which send no signals) calls
bump_content_version() itself.

Only anonymous GET/HEAD requests without a session or messages cookie are served from the cache;
members and admins always get a fresh page, marked private. A response is stored only if it is a 200,
sets no cookie, uses no CSP nonce, uses a CSRF token only in form fields (each hit gets the visitor's
own, see CSRF_HOLE), and its view did not mark it private or never_cache: a view whose output depends
on anything but the URL and language must do so.
"""

import hashlib
import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag

VERSION_KEY = "page-cache:version"
# Wagtail bookkeeping that does not change what a visitor sees.
NOT_CONTENT = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.referenceindex",
    "wagtailsearch.indexentry",
    # Made the first time a page shows an image in a new size: the page looks the same.
    "wagtailimages.rendition",
}


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version():
    """Make every cached page stale, now and again when the current transaction commits (so a page
    rendered from not-yet-committed data in between is not kept)."""
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), timeout=None))


def _is_content(model):
    meta = model._meta
    return meta.app_label in settings.PAGE_CACHE_CONTENT_APPS and meta.label_lower not in NOT_CONTENT


def _saved(sender, instance, **kwargs):
    if not _is_content(sender):
        return
    # A draft (Wagtail page or snippet with unpublished changes) is not what visitors see yet;
    # publishing it sends a save of the live object.
    if getattr(instance, "has_unpublished_changes", False) or getattr(instance, "live", True) is False:
        return
    bump_content_version()


def _deleted(sender, **kwargs):
    if _is_content(sender):
        bump_content_version()


def _published(sender, **kwargs):
    bump_content_version()


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    post_save.connect(_saved, dispatch_uid="page-cache-save")
    post_delete.connect(_deleted, dispatch_uid="page-cache-delete")
    m2m_changed.connect(_deleted, dispatch_uid="page-cache-m2m")
    # Unpublishing saves the page with live=False, which _saved ignores; moving changes URLs.
    for signal in (page_published, page_unpublished, unpublished, post_page_move, published):
        signal.connect(_published, dispatch_uid=f"page-cache-{id(signal)}")


def _stateful(request):
    """A member, or a visitor whose page depends on their own state (session: cart, messages)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDE)
        and not _stateful(request)
    )


# A form's CSRF token is the visitor's own: a stored page keeps a hole where it was, filled on each hit
# with the token of whoever asks (CsrfViewMiddleware then sets their cookie).
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
CSRF_HOLE = b"csrf-token-of-the-visitor"


def _csrf_token_in(request, response):
    """The CSRF token the page was rendered with: None if it used none, "" if not in a form field."""
    if response.streaming or not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return None
    match = CSRF_INPUT.search(response.content)
    return match.group(1) if match else ""


def _storable(request, response, token):
    cache_control = response.get("Cache-Control", "")
    nonce = getattr(request, "_csp_nonce", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A token used somewhere other than a form field cannot be swapped for the next visitor's.
        and token != ""
        and not nonce
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def _key(request):
    url = request.build_absolute_uri()
    digest = hashlib.sha256(f"{url}|{getattr(request, 'LANGUAGE_CODE', '')}".encode()).hexdigest()
    return f"page-cache:{digest}"


def _lookup(key):
    """(current content version, the entry stored under key if it was made under that version).

    One round trip for both: an entry carries the version it was rendered under, so a page stored
    before a change is simply not used."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or content_version()
    entry = found.get(key)
    return version, (entry if entry is not None and entry[0] == version else None)


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors from the shared cache; send members fresh, private pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if _stateful(request) and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True, max_age=0)
            patch_vary_headers(response, ("Cookie",))
            return response

        key = _key(request)
        version, entry = _lookup(key)
        if entry is not None:
            return _restored(request, entry)

        response = self.get_response(request)
        token = _csrf_token_in(request, response)
        if not _storable(request, response, token):
            return response
        if "Cache-Control" not in response:
            if token:
                # Each visitor's copy holds their own token and sets their cookie: for them alone.
                patch_cache_control(response, private=True, no_cache=True, max_age=0)
            else:
                # Browsers and proxies may keep a copy but must ask (If-None-Match) before using it.
                patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ("Cookie",))
        return _stored(request, key, version, response, token)


def _stored(request, key, version, response, token=None):
    content = response.content
    if token:
        content = content.replace(token, CSRF_HOLE)
    else:
        set_response_etag(response)
    headers = [(name, value) for name, value in response.items() if name.lower() != "x-cache"]
    cache.set(key, (version, content, headers), timeout=settings.PAGE_CACHE_SECONDS)
    response["X-Cache"] = "MISS"
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


def _restored(request, entry):
    _version, content, headers = entry
    if CSRF_HOLE in content:
        content = content.replace(CSRF_HOLE, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "HIT"
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


def same_for_everyone(view):
    """For views whose output depends only on the URL (open data, calendar feeds): kept in the shared
    cache under the content version for members too, whose session cookie bypasses the page cache.
    These are the slowest responses (thousands of producers, hundreds of events) and ask nothing of who
    is asking."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = "shared-view:" + hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        version, entry = _lookup(key)
        if entry is not None:
            return _restored(request, entry)
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        return _stored(request, key, version, response)

    return wrapper


_per_version = {}


def per_version(name, load):
    """load()'s result, kept in this process until published content changes (the content version).

    For small tables read on every page (sites, categories, languages, view restrictions): one cache
    read instead of a query. Each process keeps only the newest version of each name."""
    version = content_version()
    kept = _per_version.get(name)
    if kept is None or kept[0] != version:
        kept = _per_version[name] = (version, load())
    return kept[1]
