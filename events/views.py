import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.filters import visible_producers
from directory.models import ProducerPage
from madebybochum.cache import same_for_everyone
from madebybochum.security import rate_limit, render_message
from madebybochum.spreadsheets import csv_response

from . import ical, proposals, registrations
from .forms import ProposalForm, RegistrationForm
from .models import BERLIN, FORMAT_KEYS, EventPage, EventProposal, Registration
from .recurrence import find_occurrence, has_dates_ahead, next_occurrences, occurrences
from .calendar import live_events


def json_ld(request, event, occurrence):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": strip_tags(event.description).strip(),
        "startDate": occurrence.start.isoformat() if occurrence else event.starts_at.astimezone(BERLIN).isoformat(),
        "endDate": occurrence.end.isoformat() if occurrence else event.ends_at.astimezone(BERLIN).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventCancelled"
        if occurrence and occurrence.cancelled
        else "https://schema.org/EventRescheduled"
        if occurrence and occurrence.moved
        else "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": ical.location(event),
            "address": event.venue_address or ical.location(event),
        },
        "inLanguage": [code for code, _name in event.languages],
        "organizer": [{"@type": "Organization", "name": host.title, "url": request.build_absolute_uri(host.url)} for host in event.hosts.all()]
        or {"@type": "Organization", "name": "Made by Bochum"},
        "isAccessibleForFree": event.is_free,
        "url": request.build_absolute_uri(event.url),
    }
    if event.latitude is not None and event.longitude is not None:
        data["location"]["geo"] = {"@type": "GeoCoordinates", "latitude": float(event.latitude), "longitude": float(event.longitude)}
    if not event.is_free:
        data["offers"] = {"@type": "Offer", "price": str(event.price), "priceCurrency": "EUR"}
    # Escaped so the text can never close the script element it sits in.
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text


@rate_limit("event-registration", limit=10, per=600)
def event_page(request, event):
    now = timezone.now()
    upcoming = next_occurrences(event, now, count=8)
    occurrence = find_occurrence(event, request.GET.get("date") or request.POST.get("date")) if (
        request.GET.get("date") or request.POST.get("date")
    ) else (next((o for o in upcoming if not o.cancelled), None) or (upcoming[0] if upcoming else None))
    if occurrence is None:
        past = occurrences(event, event.starts_at - timezone.timedelta(days=1), now)
        occurrence = past[-1] if past else None
    form = None
    seats_left = None
    open_for_registration = bool(
        event.registration_required and occurrence and not occurrence.cancelled and occurrence.end > now
    )
    if open_for_registration:
        seats_left = registrations.seats_left(event, occurrence.planned_start)
        if request.method == "POST":
            form = RegistrationForm(request.POST)
            if form.is_valid():
                try:
                    registration = registrations.register(
                        event,
                        occurrence,
                        form.cleaned_data["name"],
                        form.cleaned_data["email"],
                        form.cleaned_data["seats"],
                        language=translation.get_language() or "de",
                        waiting_ok=form.cleaned_data["waiting_ok"],
                    )
                except registrations.RegistrationError as error:
                    form.add_error(None, str(error))
                    if event.waiting_list:
                        # Offer the waiting list right there, with everything typed kept.
                        form.data = form.data.copy()
                        form.data["waiting_ok"] = "on"
                else:
                    query = urlencode({"date": occurrence.key, **({"list": "waiting"} if registration.for_waiting_list else {})})
                    return redirect(f"{reverse('events:check_email', args=[event.pk])}?{query}")
        else:
            form = RegistrationForm(initial={"waiting_ok": seats_left == 0})
    elif request.method == "POST":
        messages.error(request, _("Registration is not open for this date."))
        return redirect(event.url)
    context = {
        "page": event,
        "self": event,
        "occurrence": occurrence,
        "upcoming": upcoming,
        "form": form,
        "seats_left": seats_left,
        "open_for_registration": open_for_registration,
        "can_see_participants": registrations.can_see_participants(request.user, event),
        "confirm_minutes": settings.EVENTS_CONFIRM_MINUTES,
        "json_ld": json_ld(request, event, occurrence),
        "hosts": list(event.hosts.all()),
    }
    return TemplateResponse(request, "events/event_page.html", context)


def _by_token(token):
    # PostgreSQL refuses a NUL byte in a comparison, and no token has one.
    if "\x00" in token:
        raise Http404
    return get_object_or_404(Registration.objects.select_related("event"), token=token)


def check_email(request, pk):
    """Where the registration form leads: the one thing left to do is to click the link in the e-mail."""
    event = get_object_or_404(live_events(), pk=min(pk, MAX_ID))
    occurrence = find_occurrence(event, request.GET.get("date"))
    context = {
        "event": event,
        "occurrence": occurrence,
        "waiting": request.GET.get("list") == "waiting",
        "minutes": settings.EVENTS_CONFIRM_MINUTES,
    }
    return TemplateResponse(request, "events/check_email.html", context)


def confirm_registration(request, token):
    """The link in the registration e-mail: opening it confirms the address (again: no harm)."""
    try:
        registration = registrations.confirm(_by_token(token))
    except Http404:
        # Most often a hold that lapsed and was deleted (release_event_holds): say so, not just "not found".
        return render_message(
            request,
            _("This link has expired"),
            _("A registration that is not confirmed in time is deleted. You are welcome to register again on the event's page."),
            status=404,
        )
    context = {
        "registration": registration,
        "event": registration.event,
        "lapsed": registrations.is_lapsed(registration),
        "minutes": settings.EVENTS_CONFIRM_MINUTES,
    }
    response = TemplateResponse(request, "events/confirm.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


def cancel_registration(request, token):
    registration = _by_token(token)
    if request.method == "POST":
        registrations.cancel(registration)
        messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
        return redirect(registration.event.url)
    return TemplateResponse(request, "events/cancel.html", {"registration": registration, "event": registration.event})


# URLs take any number, but SQLite cannot compare one beyond 64 bits, and Django's range check for
# integer lookups does not cover page ids (a one-to-one link to Wagtail's page).
MAX_ID = 2**63 - 1


def _participants_event(request, pk):
    event = get_object_or_404(EventPage, pk=min(pk, MAX_ID))
    if not registrations.can_see_participants(request.user, event):
        raise PermissionDenied
    return event


@login_required
def participants(request, pk):
    event = _participants_event(request, pk)
    rows = event.registrations.filter(status__in=[Registration.CONFIRMED, Registration.WAITING]).order_by("occurrence_start", "status", "created_at")
    return TemplateResponse(request, "events/participants.html", {"event": event, "rows": rows})


@login_required
def participants_csv(request, pk):
    event = _participants_event(request, pk)
    response, writer = csv_response(f"participants-{event.slug}.csv", bom=True)
    writer.writerow([_("Date"), _("Name"), _("Email"), _("Seats"), _("Status"), _("Registered")])
    for row in event.registrations.filter(status__in=[Registration.CONFIRMED, Registration.WAITING]).order_by("occurrence_start", "created_at"):
        writer.writerow(
            [
                row.occurrence_start.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M"),
                row.name,
                row.email,
                row.seats,
                row.get_status_display(),
                row.created_at.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response


@login_required
def propose(request):
    producers = ProducerPage.objects.filter(members=request.user).order_by("title")
    if not producers.exists():
        raise PermissionDenied
    form = ProposalForm(request.POST or None, producers=producers)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        proposals.propose(data.pop("producer"), request.user, **data)
        messages.success(request, _("Thank you! Your event will appear in the calendar once an admin has approved it."))
        return redirect("events:propose")
    mine = EventProposal.objects.filter(producer__in=producers).select_related("producer")[:20]
    return TemplateResponse(request, "events/propose.html", {"form": form, "proposals": mine})


def _require_reviewer(user):
    if not proposals.may_review(user):
        raise PermissionDenied


@login_required
def review_proposals(request):
    _require_reviewer(request.user)
    pending = EventProposal.objects.filter(status=EventProposal.PENDING).select_related("producer", "proposed_by")
    return TemplateResponse(request, "events/review.html", {"proposals": pending})


@login_required
@require_POST
def decide_proposal(request, pk, decision):
    _require_reviewer(request.user)
    if decision not in ("approve", "reject"):
        raise Http404
    proposal = get_object_or_404(EventProposal, pk=pk)
    if decision == "approve":
        event = proposals.approve(proposal, request.user)
        messages.success(request, _("Approved and published: %(title)s") % {"title": event.title})
    else:
        proposals.reject(proposal, request.user)
        messages.success(request, _("Rejected: %(title)s") % {"title": proposal.title})
    return redirect("events:review")


# Feeds (language-neutral URLs)

def _ics(request, events, name, filename):
    base_url = f"{request.scheme}://{request.get_host()}"
    # Feeds are language-neutral: German, the site's main language, whatever the browser asks for.
    with translation.override("de"):
        body = ical.feed(events, name, base_url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def _upcoming(events):
    """Events with a date still to come (recurring ones carry their whole rule)."""
    now = timezone.now()
    return [event for event in events if has_dates_ahead(event, now)]


@same_for_everyone
def feed_all(request):
    return _ics(request, _upcoming(live_events()), "Made by Bochum", "calendar")


@same_for_everyone
def feed_producer(request, slug):
    producer = get_object_or_404(visible_producers(), slug=slug)
    return _ics(request, _upcoming(live_events(producer=producer)), f"Made by Bochum: {producer.title}", slug)


@same_for_everyone
def feed_format(request, format):
    if format not in FORMAT_KEYS:
        raise Http404
    return _ics(request, _upcoming(live_events(format=format)), "Made by Bochum", format)


@same_for_everyone
def feed_event(request, pk):
    event = get_object_or_404(live_events().prefetch_related("hosts"), pk=min(pk, MAX_ID))
    return _ics(request, [event], event.title, event.slug)
