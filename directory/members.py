"""Who may edit which producer: the members named on the producer page, nobody else (bar editors).

Every member is in the "Members" group (admin access, choosing from the public collection of images
and documents). Each producer page also gets its own small group holding Wagtail's "change"
permission on just that page, and "add" and "choose" on the producer's own collection; the page's
members are kept in it. Wagtail then enforces "only your own profile and media" itself on every admin
route (explorer, search, edit, preview, revisions, images, documents), and since members lack
"publish", their changes go through the moderation workflow.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

MEMBERS_GROUP = "Members"
# Images and documents every member may choose (the association's own, e.g. the label's logo).
PUBLIC_COLLECTION = "Öffentlich"
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"),
]


def producer_group_name(producer):
    return f"Producer {producer.pk} members"


def members_group():
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    return group


@transaction.atomic
def sync_member_access(producer):
    """Give exactly the producer's current members edit rights on its page."""
    group, _created = Group.objects.get_or_create(name=producer_group_name(producer))
    GroupPagePermission.objects.get_or_create(
        group=group, page=producer, permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    )
    collection = producer_collection(producer)
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    members = list(producer.members.all())
    former = list(group.user_set.exclude(pk__in=[user.pk for user in members]))
    group.user_set.set(members)
    shared = members_group()
    shared.user_set.add(*members)
    _leave_members_group(former)


def producer_collection(producer):
    """The producer's own collection, where its members' uploads go; made with the producer."""
    if producer.collection_id is None:
        create_producer_collection(producer)
    return producer.collection


def create_producer_collection(producer):
    # A copied page brings the original's collection along: a new producer always gets a new one.
    producer.collection = Collection.get_first_root_node().add_child(name=producer.title_de or producer.title)
    type(producer).objects.filter(pk=producer.pk).update(collection=producer.collection)


@transaction.atomic
def remove_producer_access(producer):
    """A deleted producer's group goes, and with it its members' rights (the memberships went with the page)."""
    group = Group.objects.filter(name=producer_group_name(producer)).first()
    if group is None:
        return
    former = list(group.user_set.all())
    group.delete()
    _leave_members_group(former)


def _leave_members_group(users):
    # Admin access and uploads are for members: whoever is left without a producer loses them.
    members_group().user_set.remove(*[user for user in users if not user.producers.exists()])


def members_visible_to(user, producer=None):
    """The accounts a user may see and pick as a producer's members: those who share a producer with
    them, and the producer's own members; every account for whoever manages accounts."""
    User = get_user_model()
    if user.has_perm("auth.change_user"):
        return User.objects.all()
    shared = Q(producers__members=user)
    if producer is not None and producer.pk:
        shared |= Q(producers=producer)
    return User.objects.filter(pk__in=User.objects.filter(shared).values("pk"))
