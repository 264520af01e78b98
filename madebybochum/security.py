"""Site-wide protections: Content-Security-Policy, client addresses, rate limits, honeypots, lockouts.

Rate-limit a public form (registration, application, claim link) and catch bots without a captcha:

    from madebybochum.security import Honeypot, rate_limit

    class RegistrationForm(Honeypot, forms.Form):       # adds a hidden "website" field; bots fill it
        ...

    @rate_limit("event-registration", limit=5, per=600)  # 5 POSTs per address per 10 minutes
    def register(request, ...):
        form = RegistrationForm(request.POST or None)
        if form.is_valid():                              # a filled honeypot makes the form invalid
            ...

Templates render the honeypot with the rest of the form (`{{ form }}` or `{{ form.website }}`); both
fields are invisible (a `hidden` text input without label, and a hidden input), nothing inline.
A rate-limited request gets a 429 page in the visitor's language; GET requests are never limited.
For a check inside a view (e.g. per e-mail address instead of per client), call
`hit_rate_limit(request, "scope", limit, per, key=...)`, which returns True when over the limit.
Counters live in the default cache, so with Redis they count across every app server.
"""

import hashlib
import time
from functools import wraps

from axes.backends import AxesStandaloneBackend
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware import csp
from django.template import engines
from django.utils.translation import gettext_lazy as _

BOT_MESSAGE = _("This form could not be sent. Please wait a moment and send it again.")
ERROR_PAGE = """{% extends "base.html" %}{% load i18n %}
{% block title %}{{ heading }}{% endblock %}
{% block content %}<div class="wrap page-head"><h1>{{ heading }}</h1><p>{{ text }}</p></div>{% endblock %}"""


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with settings.ADMIN_CSP for the Wagtail admin (which writes inline
    scripts and styles) and the strict settings.SECURE_CSP for everything else."""

    def process_response(self, request, response):
        if request.path.startswith(settings.ADMIN_PATH_PREFIX) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        return super().process_response(request, response)


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes for every login through a view (which passes the request). authenticate() without
    a request (the test client's login(), scripts) has no client to throttle and goes on unchecked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the X-Forwarded-For entry written by the outermost of
    settings.TRUSTED_PROXY_COUNT proxies (entries further left can be forged by the client)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def hit_rate_limit(request, scope, limit, per, key=None):
    """Count one attempt for `key` (default: the client's address) in `scope`; True when this attempt
    is over `limit` attempts within `per` seconds (a fixed window, shared through the cache)."""
    ident = hashlib.sha256(f"{key if key is not None else client_ip(request)}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{ident}"
    cache.add(cache_key, 0, timeout=per)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window expired between add and incr
        cache.set(cache_key, 1, timeout=per)
        count = 1
    return count > limit


def too_many_requests(request, per):
    return render_message(
        request,
        _("Too many attempts"),
        _("You sent this form too often in a short time. Please wait a few minutes and try again; what you typed is still in your browser."),
        status=429,
        headers={"Retry-After": str(per)},
    )


def rate_limit(scope, limit=10, per=600, methods=("POST",)):
    """View decorator: at most `limit` requests in `methods` per client address per `per` seconds."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and hit_rate_limit(request, scope, limit, per):
                return too_many_requests(request, per)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class HoneypotField(forms.CharField):
    """A text input people never see (hidden attribute, no label) and form-filling bots fill in."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "hidden": True, "aria-hidden": "true"})

    def __init__(self, **kwargs):
        super().__init__(required=False, label="", **kwargs)

    def clean(self, value):
        if value:
            raise forms.ValidationError(BOT_MESSAGE, code="honeypot")
        return value


class Honeypot(forms.Form):
    """Mixin for public forms: a `website` field that must stay empty, and a signed time stamp that
    rejects forms sent faster than settings.HONEYPOT_MIN_SECONDS after they were shown."""

    website = HoneypotField()
    shown_at = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown_at"].initial = signing.dumps(time.time(), salt="honeypot")

    def clean_shown_at(self):
        try:
            shown = float(signing.loads(self.cleaned_data["shown_at"], salt="honeypot", max_age=86400))
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(BOT_MESSAGE, code="honeypot")
        if time.time() - shown < settings.HONEYPOT_MIN_SECONDS:
            raise forms.ValidationError(BOT_MESSAGE, code="honeypot")
        return ""


def render_message(request, heading, text, status, headers=None):
    template = engines["django"].from_string(ERROR_PAGE)
    response = HttpResponse(template.render({"heading": heading, "text": text}, request), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def lockout_response(request, *args, **kwargs):
    """django-axes: what a visitor sees after too many failed logins."""
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return render_message(
        request,
        _("Too many failed logins"),
        _("This account is locked for %(minutes)s minutes after too many wrong passwords. Please try again later.")
        % {"minutes": minutes},
        status=429,
        headers={"Retry-After": str(minutes * 60)},
    )


class QueryLimitMiddleware:
    """Refuse query strings no visitor sends: too long, too many parameters, or too many values for one
    parameter (settings.QUERY_LIMITS). Answered with a 400 page in the visitor's language before any
    view or the page cache spends work on it; ordinary filter links stay far below the limits."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limits = settings.QUERY_LIMITS
        query = request.META.get("QUERY_STRING", "")
        if query and (
            len(query) > limits["length"]
            or len(request.GET) > limits["parameters"]
            or max((len(values) for _key, values in request.GET.lists()), default=0) > limits["values"]
        ):
            return render_message(
                request,
                _("This address asks for too much"),
                _("The link holds more filters than the site accepts. Please choose fewer filters and try again."),
                status=400,
            )
        return self.get_response(request)
