from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from madebybochum.routing import restricted_paths

from .models import EventPage, EventProposal, Exhibition, Registration, naming_restricted_producers


class ExhibitionViewSet(SnippetViewSet):
    model = Exhibition
    icon = "view"
    menu_label = _("Exhibitions")
    list_display = ["producer", "what", "starts_on", "ends_on"]
    add_to_admin_menu = True


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Registrations change only through events.registrations, which holds capacity, promotes the
    waiting list and mails the participant; editing rows in the admin would skip all of that."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


register_permission_policy(Registration, ViewOnlyPolicy(Registration), exact_class=True)


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    list_display = ["name", "event", "occurrence_start", "seats", "status"]
    list_filter = ["status"]
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False


class ProposalViewSet(SnippetViewSet):
    model = EventProposal
    icon = "help"
    menu_label = _("Event proposals")
    list_display = ["title", "producer", "starts_at", "status"]
    list_filter = ["status"]


register_snippet(ExhibitionViewSet)
register_snippet(RegistrationViewSet)
register_snippet(ProposalViewSet)


@hooks.register("register_admin_menu_item")
def review_proposals_item():
    return MenuItem(_("Review event proposals"), reverse("events:review"), icon_name="tick", order=900)


@hooks.register("narrow_public_pages")
def hide_events_of_restricted_producers(queryset):
    # For lists of events or of all pages (the sitemap); lists of producers need no subquery.
    if not issubclass(EventPage, queryset.model) or not restricted_paths():
        return queryset
    return queryset.exclude(pk__in=naming_restricted_producers().values("pk"))
