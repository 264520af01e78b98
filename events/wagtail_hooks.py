from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from madebybochum.routing import restricted_paths

from . import proposals
from .models import EventPage, EventProposal, Exhibition, Registration, naming_restricted_producers
from .registrations import visible_registrations


class ExhibitionViewSet(SnippetViewSet):
    model = Exhibition
    icon = "view"
    menu_label = _("Exhibitions")
    list_display = ["producer", "what", "starts_on", "ends_on"]
    add_to_admin_menu = True


class RegistrationPolicy(ModelPermissionPolicy):
    """Registrations name the participants: in the admin only superusers open them (hosting members
    have their event's participants page), and only to look. They change only through
    events.registrations, which holds capacity, promotes the waiting list and mails the participant;
    editing rows in the admin would skip all of that. Group permissions grant nothing here."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def instances_user_has_permission_for(self, user, action):
        return visible_registrations(user) if action == "view" else Registration.objects.none()


register_permission_policy(Registration, RegistrationPolicy(Registration), exact_class=True)


class VisibleRegistrations:
    """Wagtail's choosers check no permission and list every row: these list only what the user may see."""

    def get_object_list(self):
        return visible_registrations(self.request.user)

    def get_object(self, pk):
        return visible_registrations(self.request.user).get(pk=pk)

    def get_objects(self, pks):
        return visible_registrations(self.request.user).filter(pk__in=pks)


class RegistrationChooseView(VisibleRegistrations, ChooseView):
    pass


class RegistrationChooseResultsView(VisibleRegistrations, ChooseResultsView):
    pass


class RegistrationChosenView(VisibleRegistrations, SnippetChosenView):
    pass


class RegistrationChosenMultipleView(VisibleRegistrations, SnippetChosenMultipleView):
    pass


class RegistrationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = RegistrationChooseView
    choose_results_view_class = RegistrationChooseResultsView
    chosen_view_class = RegistrationChosenView
    chosen_multiple_view_class = RegistrationChosenMultipleView


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    list_display = ["name", "event", "occurrence_start", "seats", "status"]
    list_filter = ["status"]
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    chooser_viewset_class = RegistrationChooserViewSet

    def get_queryset(self, request):
        return visible_registrations(request.user)

    def get_permissions_to_register(self):
        # Not offered in the group editor: a group holding "view registration" would see everyone's
        # participants in the site history report (Wagtail checks plain model permissions there).
        return Permission.objects.none()


class ProposalViewSet(SnippetViewSet):
    model = EventProposal
    icon = "help"
    menu_label = _("Event proposals")
    list_display = ["title", "producer", "starts_at", "status"]
    list_filter = ["status"]


register_snippet(ExhibitionViewSet)
register_snippet(RegistrationViewSet)
register_snippet(ProposalViewSet)


class ReviewProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return proposals.may_review(request.user)


@hooks.register("register_admin_menu_item")
def review_proposals_item():
    return ReviewProposalsMenuItem(_("Review event proposals"), reverse("events:review"), icon_name="tick", order=900)


@hooks.register("narrow_public_pages")
def hide_events_of_restricted_producers(queryset):
    # For lists of events or of all pages (the sitemap); lists of producers need no subquery.
    if not issubclass(EventPage, queryset.model) or not restricted_paths():
        return queryset
    return queryset.exclude(pk__in=naming_restricted_producers().values("pk"))
