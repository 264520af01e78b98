"""Admin screens: join requests (accept, decline), claim invitations, withdrawing and restoring a
profile, and the address search of the coordinates picker."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from madebybochum.security import hit_rate_limit

from . import claims, geocoding, joining, lifecycle
from .forms import ClaimInviteForm
from .models import JoinRequest, ProducerPage


def check(request):
    if not request.user.has_perm("directory.change_joinrequest"):
        raise PermissionDenied


def join_requests(request):
    check(request)
    return TemplateResponse(
        request,
        "directory/admin/join_requests.html",
        {
            "pending": JoinRequest.objects.filter(status=JoinRequest.PENDING),
            "decided": JoinRequest.objects.exclude(status=JoinRequest.PENDING).select_related("decided_by")[:50],
        },
    )


@require_POST
def decide(request, pk, decision):
    check(request)
    join_request = get_object_or_404(JoinRequest, pk=pk)
    try:
        if decision == "accept":
            producer = joining.accept(join_request, request.user, request.build_absolute_uri("/")[:-1])
            messages.success(request, _("Accepted: %(name)s now has an account and an empty profile.") % {"name": producer.title})
        else:
            joining.decline(join_request, request.user)
            messages.success(request, _("Declined: %(name)s.") % {"name": join_request.business_name})
    except joining.AlreadyDecided:
        messages.error(request, _("This request has already been decided."))
    return redirect(reverse("directory_join_requests"))


def producer_for(request, page_id, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(ProducerPage, pk=page_id)


def invite(request, page_id):
    """An admin invites someone by email to take over a producer profile."""
    producer = producer_for(request, page_id, "directory.add_claiminvitation")
    form = ClaimInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            site_url = request.build_absolute_uri("/")[:-1]
            claims.invite(producer, form.cleaned_data["email"], request.user, site_url, form.cleaned_data["language"])
        except claims.ProfileWithdrawn:
            messages.error(request, _("This profile is withdrawn; restore it before inviting anyone."))
        except claims.MailNotSent:
            messages.error(request, _("The email could not be sent, so no invitation was stored. Please try again later."))
        else:
            messages.success(
                request, _("Invitation sent to %(email)s for %(name)s.") % {"email": form.cleaned_data["email"], "name": producer.title}
            )
            return redirect("directory_claim_invite", producer.pk)
    return TemplateResponse(
        request,
        "directory/admin/claim_invite.html",
        {
            "producer": producer,
            "form": form,
            "open_invitations": claims.open_invitations(producer),
            "days": settings.DIRECTORY_CLAIM_DAYS,
        },
    )


@require_POST
def revoke_invitation(request, page_id, pk):
    producer = producer_for(request, page_id, "directory.add_claiminvitation")
    invitation = get_object_or_404(producer.claim_invitations, pk=pk)
    claims.revoke(invitation)
    messages.success(request, _("The invitation for %(email)s no longer works.") % {"email": invitation.email})
    return redirect("directory_claim_invite", producer.pk)


def change_state(request, page_id, action):
    """Withdraw or restore a profile: a confirmation page on GET, the change itself only on POST."""
    producer = producer_for(request, page_id, "directory.withdraw_producerpage")
    if request.method == "POST":
        if action == "withdraw" and not producer.is_withdrawn:
            lifecycle.withdraw(producer, request.user)
            messages.success(
                request, _("%(name)s has been withdrawn. Its history and revisions are kept.") % {"name": producer.title}
            )
        elif action == "restore" and producer.is_withdrawn:
            lifecycle.restore(producer, request.user)
            messages.success(
                request,
                _("%(name)s has been restored. Publish it when it should appear on the site again.") % {"name": producer.title},
            )
        return redirect("wagtailadmin_pages:edit", producer.pk)
    return TemplateResponse(request, "directory/admin/confirm_state.html", {"producer": producer, "action": action})


@require_GET
def geocode(request):
    """Address search for the coordinates picker, through the configured Nominatim-compatible service.
    Server-side, so editors' browsers talk to us only and the admin's CSP stays closed."""
    if not settings.DIRECTORY_GEOCODER_URL:
        return JsonResponse({"error": _("No address search is configured.")}, status=503)
    query = request.GET.get("q", "").strip()[:200]
    if not query:
        return JsonResponse({"error": _("Please enter an address first.")}, status=400)
    if hit_rate_limit(request, "directory-geocode", limit=30, per=60, key=request.user.pk):
        return JsonResponse({"error": _("Too many searches. Please wait a minute.")}, status=429)
    try:
        results = geocoding.search(query)
    except geocoding.Unreachable:
        return JsonResponse(
            {"error": _("The address search cannot be reached right now. Click the map or enter the coordinates instead.")},
            status=502,
        )
    return JsonResponse({"results": results})
