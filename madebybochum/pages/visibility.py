"""What of the page tree a user may see in the admin beyond the pages they edit: published pages.

Wagtail's choosers and its page-types report list the whole tree, drafts included. A member sees there
only published pages and the pages they have permissions on (their producer's, and its ancestors);
titles of drafts that are not yet published stay with those who may edit the page.
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permissions import policy_registry


def visible_pages(user, pages):
    """`pages` narrowed to those `user` may see listed."""
    if user.is_superuser:
        return pages
    own = policy_registry.get_by_type(Page).explorable_instances(user)
    return pages.filter(Q(live=True) | Q(pk__in=own.values("pk")))


def hide_draft_title(page, user):
    """Show the published title of a page `user` may not edit (the admin shows the draft's title)."""
    if page is not None and page.live and not page.permissions_for_user(user).can_edit():
        page.draft_title = page.title
    return page
