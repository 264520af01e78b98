"""Admin screens for join requests: a list of waiting requests with accept and decline."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import joining
from .models import JoinRequest


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
