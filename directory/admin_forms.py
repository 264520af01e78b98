from wagtail.admin.forms import WagtailAdminPageForm


class ProducerPageForm(WagtailAdminPageForm):
    """The profile editor."""

    def save(self, commit=True):
        page = super().save(commit=commit)
        if not commit and page.pk and "members" in self.cleaned_data:
            # A live page's edits wait in a revision, which holds no memberships. Membership is access,
            # not content: it applies on saving.
            page.members.set(self.cleaned_data["members"])
        return page
