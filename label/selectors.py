"""Read-only questions other apps ask the label app. One query each, whatever the number of producers.

Contract used by the directory (listing filter, badges on cards and profiles, open data):
- filter_holders(queryset): the ProducerPage queryset narrowed to producers whose label currently
  shows as valid or provisional (computed from dates, no job needed).
- current_badges(producer_ids): {producer_id: badge} for producers with a certificate to show,
  where badge has .status ("valid", "provisional", "expired", "suspended", "revoked"),
  .status_label (translated), .number, .valid_until and .url (the verification page).
- public_certificates(): certificates a visitor may look up (not those of producers behind a view restriction).
"""

from madebybochum.routing import without_restricted

from .models import Certificate


def public_certificates():
    """Certificates of withdrawn or unpublished producers stay verifiable (a sticker must show it is no
    longer valid); those of a producer behind a view restriction are unknown to the public: a number that
    answered "valid" without naming whom it belongs to would let anyone copy a sticker."""
    return without_restricted(Certificate.objects.all(), "producer__path")


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
