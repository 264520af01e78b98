from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from .members import sync_member_access
from .models import ProducerPage


@receiver(m2m_changed, sender=ProducerPage.members.through)
def members_changed(sender, instance, action, reverse, pk_set, **kwargs):
    # Whoever changes a producer's members (page settings, invitations, code), the permissions follow.
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if not reverse:
        if action != "pre_clear":
            sync_member_access(instance)
        return
    producers = ProducerPage.objects.filter(pk__in=pk_set) if pk_set else instance.producers.all()
    for producer in producers:
        sync_member_access(producer)
