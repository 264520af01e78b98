from django.contrib.auth.models import Permission
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Category, ProducerPage, SpokenLanguage


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name_de"]


class SpokenLanguageViewSet(SnippetViewSet):
    model = SpokenLanguage
    icon = "globe"
    list_display = ["name", "code"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "group"
    items = (CategoryViewSet, SpokenLanguageViewSet)


register_snippet(DirectoryViewSetGroup)


class MyProfilesPanel(Component):
    """On a member's dashboard: their profiles and the languages still missing in each."""

    name = "my_producer_profiles"
    order = 50

    def __init__(self, producers):
        self.producers = producers

    def render_html(self, parent_context=None):
        return render_to_string("directory/admin/my_profiles_panel.html", {"producers": self.producers})


@hooks.register("construct_homepage_panels")
def add_my_profiles_panel(request, panels):
    producers = list(ProducerPage.objects.filter(members=request.user).order_by("title_de"))
    if producers:
        panels.insert(0, MyProfilesPanel(producers))


@hooks.register("register_admin_urls")
def join_request_urls():
    from django.urls import path

    from . import admin_views

    return [
        path("directory/join-requests/", admin_views.join_requests, name="directory_join_requests"),
        path("directory/join-requests/<int:pk>/<str:decision>/", admin_views.decide, name="directory_join_request_decide"),
        path("directory/producers/<int:page_id>/invite/", admin_views.invite, name="directory_claim_invite"),
        path(
            "directory/producers/<int:page_id>/invitations/<int:pk>/revoke/",
            admin_views.revoke_invitation,
            name="directory_claim_revoke",
        ),
        path(
            "directory/producers/<int:page_id>/withdraw/", admin_views.change_state, {"action": "withdraw"}, name="directory_withdraw"
        ),
        path("directory/producers/<int:page_id>/restore/", admin_views.change_state, {"action": "restore"}, name="directory_restore"),
        path("directory/geocode/", admin_views.geocode, name="directory_geocode"),
    ]


@hooks.register("register_admin_menu_item")
def join_requests_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    class JoinRequestsMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("directory.change_joinrequest")

    return JoinRequestsMenuItem(_("Join requests"), reverse("directory_join_requests"), icon_name="user", order=250)


def producer_buttons(page, user, priority):
    """Invite someone to claim the profile; withdraw it, or restore it once withdrawn (admins only)."""
    if page.specific_class is not ProducerPage:
        return
    # The listing and the editor pass specific pages already; anything else costs one query.
    producer = page if isinstance(page, ProducerPage) else page.specific
    if user.has_perm("directory.add_claiminvitation") and not producer.is_withdrawn:
        yield Button(_("Invite to claim"), reverse("directory_claim_invite", args=[page.pk]), icon_name="mail", priority=priority)
    if user.has_perm("directory.withdraw_producerpage"):
        if producer.is_withdrawn:
            label, url, icon = _("Restore profile"), reverse("directory_restore", args=[page.pk]), "undo"
        else:
            label, url, icon = _("Withdraw profile"), reverse("directory_withdraw", args=[page.pk]), "cross"
        yield Button(label, url, icon_name=icon, priority=priority + 1)


@hooks.register("register_page_header_buttons")
def producer_header_buttons(page, user, view_name, next_url=None):
    yield from producer_buttons(page, user, priority=62)


@hooks.register("register_page_listing_more_buttons")
def producer_listing_buttons(page, user, next_url=None):
    yield from producer_buttons(page, user, priority=42)


@hooks.register("register_permissions")
def directory_permissions():
    # Lets admins grant these to a group in Wagtail's group editor.
    return Permission.objects.filter(
        content_type__app_label="directory", codename__in=["add_claiminvitation", "withdraw_producerpage"]
    )


@hooks.register("register_log_actions")
def directory_log_actions(actions):
    actions.register_action("directory.withdraw", _("Withdraw"), _("Withdrawn from the directory"))
    actions.register_action("directory.restore", _("Restore"), _("Restored (not yet published again)"))
