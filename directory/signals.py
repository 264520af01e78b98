from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .members import create_producer_collection, remove_producer_access, sync_member_access
from .models import ProducerPage


@receiver(m2m_changed, sender=ProducerPage.members.through)
def members_changed(sender, instance, action, reverse, pk_set, **kwargs):
    # Whoever changes a producer's members (page settings, invitations, code), the permissions follow.
    if not reverse:
        if action in {"post_add", "post_remove", "post_clear"}:
            sync_member_access(instance)
        return
    if action == "pre_clear":
        # user.producers.clear() names no producers, and afterwards they are gone: note them now.
        instance._producers_before_clear = list(instance.producers.all())
    elif action == "post_clear":
        for producer in instance.__dict__.pop("_producers_before_clear", []):
            sync_member_access(producer)
    elif action in {"post_add", "post_remove"}:
        for producer in ProducerPage.objects.filter(pk__in=pk_set):
            sync_member_access(producer)


@receiver(post_save, sender=ProducerPage)
def producer_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        create_producer_collection(instance)


@receiver(post_delete, sender=ProducerPage)
def producer_deleted(sender, instance, **kwargs):
    remove_producer_access(instance)
