"""Read-only questions other apps ask the label app. One query each, whatever the number of producers.

Contract used by the directory (listing filter, badges on cards and profiles, open data):
- filter_holders(queryset): the ProducerPage queryset narrowed to producers whose label currently
  shows as valid or provisional (computed from dates, no job needed).
- current_badges(producer_ids): {producer_id: badge} for producers with a certificate to show,
  where badge has .status ("valid", "provisional", "expired", "suspended", "revoked"),
  .status_label (translated), .number, .valid_until and .url (the verification page).
The label app fills these in; until it does, no producer holds the label.
"""


def filter_holders(queryset):
    return queryset.none()


def current_badges(producer_ids):
    return {}
