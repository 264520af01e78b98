from wagtail.admin.forms import WagtailAdminPageForm

from .members import members_visible_to


class ProducerPageForm(WagtailAdminPageForm):
    """The profile editor. Its members field offers only accounts the editing user may know of."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "members" in self.fields and self.for_user is not None:
            # The page's own members stay choosable, or saving would drop those the editor cannot see.
            self.fields["members"].queryset = members_visible_to(self.for_user, self.instance)

    def save(self, commit=True):
        page = super().save(commit=commit)
        if not commit and page.pk and "members" in self.cleaned_data:
            # A live page's edits wait in a revision, which holds no memberships. Membership is access,
            # not content: it applies on saving.
            page.members.set(self.cleaned_data["members"])
        return page
