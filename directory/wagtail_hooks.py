from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
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
    ]


@hooks.register("register_admin_menu_item")
def join_requests_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    class JoinRequestsMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("directory.change_joinrequest")

    return JoinRequestsMenuItem(_("Join requests"), reverse("directory_join_requests"), icon_name="user", order=250)
