"""The review queue in the Wagtail admin. Only label reviewers get here; decisions go through services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from . import services
from .eligibility import evaluate
from .forms import ReasonForm
from .models import CRITERIA_VERSION, Application, Certificate

reviewer_required = permission_required("label.review_application")

APPLICATION_ACTIONS = {
    "request_changes": (services.request_changes, _("The member has been asked for changes.")),
    "reject": (services.reject, _("The application has been rejected.")),
    "approve": (services.approve, _("The application has been approved and the certificate issued.")),
}
CERTIFICATE_ACTIONS = {
    "suspend": (services.suspend, _("The certificate has been suspended.")),
    "revoke": (services.revoke, _("The certificate has been revoked.")),
}


@reviewer_required
def queue(request):
    waiting = Application.objects.filter(status=Application.Status.SUBMITTED).select_related("producer")
    others = (
        Application.objects.exclude(status=Application.Status.SUBMITTED)
        .select_related("producer")
        .order_by("-updated_at")[:50]
    )
    return render(
        request,
        "label/admin/queue.html",
        {"waiting": waiting.order_by("submitted_at"), "others": others},
    )


@reviewer_required
def application_detail(request, pk):
    application = get_object_or_404(Application.objects.select_related("producer", "applicant"), pk=pk)
    if request.method == "POST":
        form = ReasonForm(request.POST)
        action = APPLICATION_ACTIONS.get(request.POST.get("action"))
        if action and form.is_valid():
            change, done = action
            try:
                change(application, request.user, form.cleaned_data["message"])
            except (PermissionDenied, ValidationError) as error:
                for problem in getattr(error, "messages", None) or [str(error)]:
                    messages.error(request, problem)
            else:
                messages.success(request, done)
                return redirect("label_admin_application", pk=application.pk)
    else:
        form = ReasonForm()
    return render(
        request,
        "label/admin/application.html",
        {
            "application": application,
            "eligibility": evaluate(application),
            "criteria_version": CRITERIA_VERSION,
            "form": form,
            "own_producer": services.may_act_for(request.user, application.producer),
            "steps": application.steps.select_related("actor"),
            "certificate": Certificate.objects.filter(application=application).first(),
        },
    )


@reviewer_required
def certificates(request):
    return render(
        request,
        "label/admin/certificates.html",
        {"certificates": Certificate.objects.select_related("producer").order_by("-issued_at")},
    )


@reviewer_required
@require_POST
def certificate_action(request, pk):
    certificate = get_object_or_404(Certificate, pk=pk)
    form = ReasonForm(request.POST)
    action = CERTIFICATE_ACTIONS.get(request.POST.get("action"))
    if action and form.is_valid():
        change, done = action
        try:
            change(certificate, request.user, form.cleaned_data["message"])
        except (PermissionDenied, ValidationError) as error:
            for problem in getattr(error, "messages", None) or [str(error)]:
                messages.error(request, problem)
        else:
            messages.success(request, done)
    return redirect("label_admin_application", pk=certificate.application_id)
