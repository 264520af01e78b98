from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_views
from .models import Application
from .services import is_reviewer


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("label/", admin_views.queue, name="label_admin_queue"),
        path("label/applications/<int:pk>/", admin_views.application_detail, name="label_admin_application"),
        path("label/certificates/", admin_views.certificates, name="label_admin_certificates"),
        path("label/certificates/<int:pk>/", admin_views.certificate_action, name="label_admin_certificate_action"),
    ]


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_reviewer(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ReviewerMenuItem(_("Label reviews"), reverse("label_admin_queue"), icon_name="tick-inverse", order=250)


class WaitingApplicationsPanel(Component):
    name = "label_waiting"
    template_name = "label/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return {"waiting": Application.objects.filter(status=Application.Status.SUBMITTED).count()}


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels):
    if is_reviewer(request.user):
        panels.append(WaitingApplicationsPanel())
