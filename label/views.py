"""Member and public views of the label. Thin: rules live in eligibility.py and services.py."""

import io
import time

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from directory.models import ProducerPage
from madebybochum.security import hit_rate_limit, render_message

from . import selectors, services
from .eligibility import evaluate
from .forms import ApplicationForm, EvidenceForm
from .models import Application, Certificate, CertificateStatus, Evidence

PENDING_KEY = "label_pending_application"
# What an anonymous request may leave in its session: one draft, at most this many characters, for a day.
PENDING_MAX_CHARS = 20_000
PENDING_MAX_AGE = 24 * 3600


def _own_application(request, pk):
    """The application if the user may see it (a member of its producer, or a reviewer); else 404, never a hint."""
    application = get_object_or_404(Application.objects.select_related("producer"), pk=pk)
    if not (services.may_act_for(request.user, application.producer) or services.is_reviewer(request.user)):
        raise Http404
    return application


@login_required
def overview(request):
    """The member's start page: their producers, open applications and certificates, and a way to apply."""
    producers = ProducerPage.objects.filter(members=request.user).order_by("title")
    if request.method == "POST":
        pk = request.POST.get("producer", "")
        # Anything but a plain id is no producer of theirs: a 404 like any other, not a 500. Ids have at
        # most 18 digits here; a longer number would overflow the database's 64-bit integers.
        is_id = pk.isascii() and pk.isdigit() and len(pk) <= 18
        producer = get_object_or_404(producers, pk=int(pk) if is_id else None)
        application = services.start_application(producer, request.user, get_language())
        return redirect(application)
    applications = Application.objects.filter(producer__in=producers).select_related("producer", "certificate")
    certificates = list(Certificate.objects.filter(producer__in=producers).select_related("producer"))
    current = {certificate.producer_id: certificate for certificate in certificates if certificate.is_current}
    producers = list(producers)
    for producer in producers:
        producer.current_certificate = current.get(producer.pk)
    return render(
        request,
        "label/overview.html",
        {"producers": producers, "applications": applications, "certificates": certificates},
    )


def application(request, pk):
    """The guided form. Saves a draft on every post; submits when asked and the hard criteria are met."""
    if not request.user.is_authenticated:
        if request.method == "POST":
            if _keep_pending(request, pk):
                messages.info(request, _("Please log in again; what you entered has been kept."))
            else:
                messages.warning(request, _(
                    "Please log in again. What you entered could not be kept: go back in your browser to copy it first."
                ))
        return redirect_to_login(request.get_full_path())
    application = _own_application(request, pk)
    # Reviewers may read an application here; only the producer's members may change it.
    can_edit = application.editable and services.may_act_for(request.user, application.producer)
    pending = _pop_pending(request, pk)
    if request.method == "POST" and can_edit:
        form = ApplicationForm(request.POST, instance=application)
        # Bound only with a file, so a post without one shows no "required" error on the upload field.
        evidence_form = EvidenceForm(prefix="evidence")
        if request.FILES:
            evidence_form = EvidenceForm(request.POST, request.FILES, prefix="evidence")
        if form.is_valid():
            form.save()
            file_accepted = not request.FILES or evidence_form.is_valid()
            if request.FILES and file_accepted:
                evidence_form.save(application, request.user)
            if not file_accepted:
                messages.error(request, _("The draft is saved, but the file was not accepted."))
            elif "submit" in request.POST:
                try:
                    services.submit(application, request.user)
                except ValidationError as error:
                    messages.error(request, _("The application cannot be submitted yet:"))
                    for problem in error.messages:
                        messages.error(request, problem)
                else:
                    messages.success(request, _("Thank you! Your application is now waiting for review."))
                    return redirect(application)
            else:
                messages.success(request, _("Your draft is saved."))
                return redirect(application)
        else:
            messages.error(request, _("Please correct the marked fields; nothing has been lost."))
    elif pending and can_edit:
        form = ApplicationForm(_querydict(pending), instance=application)
        form.is_valid()
        evidence_form = EvidenceForm(prefix="evidence")
    else:
        form = ApplicationForm(instance=application)
        evidence_form = EvidenceForm(prefix="evidence")
    return render(
        request,
        "label/application.html",
        {
            "application": application,
            "can_edit": can_edit,
            "form": form,
            "evidence_form": evidence_form,
            "eligibility": evaluate(form.instance),
            "municipalities": settings.LABEL_ELIGIBLE_MUNICIPALITIES,
            "message_step": application.last_message(),
        },
    )


def _keep_pending(request, pk):
    """The session ran out while the member typed: keep what they sent, to restore it after login.

    Anyone can send this, so it is bounded: only the form's fields, one value each, one draft per session,
    a capped size, and a few per address; anything else is not kept at all rather than cut short."""
    fields = ApplicationForm.base_fields
    data = {key: request.POST[key] for key in fields if key in request.POST}
    if sum(len(value) for value in data.values()) > PENDING_MAX_CHARS:
        return False
    if hit_rate_limit(request, "label-pending-application", limit=10, per=600):
        return False
    request.session[PENDING_KEY] = {"pk": pk, "data": data, "at": time.time()}
    return True


def _pop_pending(request, pk):
    pending = request.session.pop(PENDING_KEY, None)
    if pending and pending["pk"] == pk and time.time() - pending["at"] < PENDING_MAX_AGE:
        return pending["data"]
    return None


def _querydict(data):
    query = QueryDict(mutable=True)
    query.update(data)
    return query


@require_POST
def application_check(request, pk):
    """Live check for the form's script: saves the draft (if the form is valid) and returns the criteria."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Please log in again.")}, status=401)
    application = _own_application(request, pk)
    form = ApplicationForm(request.POST, instance=application)
    valid = form.is_valid()
    saved = False
    if valid and application.editable and services.may_act_for(request.user, application.producer):
        form.save()
        saved = True
    data = evaluate(form.instance).as_dict()
    data["saved"] = saved
    data["errors"] = {name: [str(e) for e in errors] for name, errors in form.errors.items()}
    return JsonResponse(data)


@login_required
@require_POST
def evidence_delete(request, pk, evidence_pk):
    application = _own_application(request, pk)
    if not (application.editable and services.may_act_for(request.user, application.producer)):
        raise PermissionDenied
    evidence = get_object_or_404(Evidence, pk=evidence_pk, application=application)
    evidence.file.delete(save=False)
    evidence.delete()
    messages.success(request, _("The file has been removed."))
    return redirect(application)


@login_required
@require_GET
def evidence_file(request, pk, evidence_pk):
    """Evidence is private: only the producer's members and reviewers get it, never cached publicly."""
    application = _own_application(request, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, application=application)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=evidence.content_type, filename=evidence.original_name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_POST
def renew(request, number):
    certificate = _certificate_or_404(Certificate.objects, number)
    try:
        application = services.start_renewal(certificate, request.user, get_language())
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("Your renewal application is prefilled from the last one. Please check it."))
    return redirect(application)


def register(request):
    """The public register of current label holders."""
    certificates = (
        selectors.public_certificates().current().select_related("producer", "application").order_by("producer__title", "-valid_from")
    )
    return render(request, "label/register.html", {"certificates": certificates})


def _certificate_or_none(number):
    # PostgreSQL refuses a NUL byte in a comparison, and no certificate number has one.
    if "\x00" in number:
        return None
    return selectors.public_certificates().select_related("producer", "application").filter(number=number.upper()).first()


def verify(request, number):
    """The verification page: status with dates, the producer, and what the label certifies."""
    certificate = _certificate_or_none(number)
    if certificate is None:
        response = render(request, "label/not_found.html", {"number": number}, status=404)
        # This 404 is final: stop LocaleMiddleware from redirecting /v/<unknown> to a prefixed path.
        request.urlconf = "label.urls_neutral"
    else:
        response = render(
            request,
            "label/verify.html",
            {
                "certificate": certificate,
                "status": certificate.status,
                "statuses": CertificateStatus,
                "short_url": _short_url(request, certificate),
                "today": timezone.localdate(),
            },
        )
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def _short_url(request, certificate):
    return request.build_absolute_uri(reverse("label_short", args=[certificate.number]))


def _certificate_or_404(queryset, number):
    if "\x00" in number:
        raise Http404
    return get_object_or_404(queryset, number=number)


def qr_svg(request, number):
    certificate = _certificate_or_404(selectors.public_certificates(), number)
    buffer = io.BytesIO()
    segno.make(_short_url(request, certificate), error="m").save(buffer, kind="svg", scale=8, border=2)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


def qr_png(request, number):
    certificate = _certificate_or_404(selectors.public_certificates(), number)
    buffer = io.BytesIO()
    segno.make(_short_url(request, certificate), error="m").save(buffer, kind="png", scale=10, border=2)
    return HttpResponse(buffer.getvalue(), content_type="image/png")


def sticker_svg(request, number):
    """A printable A6 window sticker (105 x 148 mm): the label, the producer's name and the QR code."""
    certificate = _certificate_or_404(selectors.public_certificates().select_related("producer"), number)
    if not certificate.is_current:
        # A sticker printed now would claim a label the business does not hold.
        return render_message(
            request,
            _("No sticker for this certificate"),
            _("Stickers can only be printed for a valid certificate. Status of this one: %(status)s.") % {"status": certificate.status_label},
            status=404,
        )
    qr = segno.make(_short_url(request, certificate), error="m")
    size = qr.symbol_size(scale=1, border=0)[0]
    # Draw the QR as one path in module units; the template scales it into a 70 mm square.
    modules = [f"M{x} {y}h1v1h-1z" for y, row in enumerate(qr.matrix) for x, dark in enumerate(row) if dark]
    response = render(
        request,
        "label/sticker.svg",
        {
            "certificate": certificate,
            "qr_path": "".join(modules),
            "qr_size": size,
            "qr_scale": 70 / size,
            "short_url": _short_url(request, certificate),
        },
        content_type="image/svg+xml",
    )
    response["Content-Disposition"] = f'inline; filename="{certificate.number}-sticker.svg"'
    return response


def holders_json(request):
    """Open data: every certificate that is or was public, with its status as of today."""
    today = timezone.localdate()
    certificates = selectors.public_certificates().select_related("producer", "application").order_by("number")
    items = []
    for certificate in certificates:
        items.append(
            {
                "number": certificate.number,
                "status": certificate.status_on(today),
                "provisional": certificate.provisional,
                "valid_from": certificate.valid_from.isoformat(),
                "valid_until": certificate.valid_until.isoformat(),
                "producer": certificate.producer.title,
                "profile_url": request.build_absolute_uri(certificate.producer.get_url(request)) if certificate.producer.live else None,
                "verification_url": _short_url(request, certificate),
                "stages_in_bochum": [str(stage) for stage in certificate.stages_in_bochum()],
            }
        )
    response = JsonResponse({"generated": timezone.now().isoformat(), "count": len(items), "certificates": items})
    response["Access-Control-Allow-Origin"] = "*"
    return response
