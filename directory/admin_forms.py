from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from .members import members_visible_to


def choosable(user, model):
    """The images or documents `user` may choose: those of collections they have "choose" on."""
    return policy_registry.get_by_type(model).instances_user_has_permission_for(user, "choose")


def restrict_media_choices(form, user):
    """The chooser lists only what a user may choose; a posted id must be one of those too (or the
    one already chosen, so that saving keeps it)."""
    media_models = {get_image_model(), get_document_model()}
    for name, field in form.fields.items():
        if isinstance(field, forms.ModelChoiceField) and field.queryset.model in media_models:
            model = field.queryset.model
            current = getattr(form.instance, f"{name}_id", None)
            field.queryset = model.objects.filter(Q(pk__in=choosable(user, model).values("pk")) | Q(pk=current))
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            restrict_media_choices(child, user)


class ProducerPageForm(WagtailAdminPageForm):
    """The profile editor. Its members field offers only accounts the editing user may know of, its
    image fields only the images the user may choose."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            if "members" in self.fields:
                # The page's own members stay choosable, or saving would drop those the editor cannot see.
                self.fields["members"].queryset = members_visible_to(self.for_user, self.instance)
            restrict_media_choices(self, self.for_user)

    def save(self, commit=True):
        page = super().save(commit=commit)
        if not commit and page.pk and "members" in self.cleaned_data:
            # A live page's edits wait in a revision, which holds no memberships. Membership is access,
            # not content: it applies on saving.
            page.members.set(self.cleaned_data["members"])
        return page
