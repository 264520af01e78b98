"""Read-only questions other apps ask the label app. One query each, whatever the number of producers.

Contract used by the directory (listing filter, badges on cards and profiles, open data):
- filter_holders(queryset): the ProducerPage queryset narrowed to producers whose label currently
  shows as valid or provisional (computed from dates, no job needed).
- current_badges(producer_ids): {producer_id: badge} for producers with a certificate to show,
  where badge has .status ("valid", "provisional", "expired", "suspended", "revoked"),
  .status_label (translated), .number, .valid_until and .url (the verification page).
"""

from .models import Certificate


def filter_holders(queryset):
    return queryset.filter(pk__in=Certificate.objects.current().values("producer_id"))


def current_badges(producer_ids):
    """The newest certificate per producer; a current one wins over a newer suspended or revoked one."""
    badges = {}
    for certificate in Certificate.objects.filter(producer_id__in=list(producer_ids)).order_by("-valid_from", "-pk"):
        shown = badges.get(certificate.producer_id)
        if shown is None or (not shown.is_current and certificate.is_current):
            badges[certificate.producer_id] = certificate
    return badges
