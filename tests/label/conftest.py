import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.users.models import UserProfile

from directory.models import ProducerIndexPage, ProducerPage
from label.models import Application
from madebybochum.pages.demo import ensure_user, translated, upsert_page

FACTS = {
    "seat_address": "Brückstraße 1\n44787 Bochum",
    "seat_municipality": "Bochum",
    "shop_municipality": "Bochum",
    "full_time_employees": 2,
    "founded_on": datetime.date(2015, 3, 1),
    "design_in_bochum": True,
    "design_description": "Eigene Entwürfe",
    "manufacture_in_bochum": True,
    "manufacture_description": "Von Hand gefertigt",
    "finishing_in_bochum": False,
    "finishing_elsewhere": "Lackiererei in Herne",
    "quality_statement": "Beste Materialien.",
    "sustainability_notes": "Holz aus dem Ruhrgebiet.",
    "consent": True,
}


@pytest.fixture(autouse=True)
def _private_evidence(settings, tmp_path):
    settings.LABEL_EVIDENCE_ROOT = tmp_path / "evidence"


@pytest.fixture(autouse=True)
def _english():
    """Tests read English texts; URLs reversed here get /en/, so they stay true once catalogues are compiled."""
    with translation.override("en"):
        yield


def english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def make_producer(home, slug, name):
    index = ProducerIndexPage.objects.first()
    if index is None:
        index, _ = upsert_page(home, ProducerIndexPage, "produzenten", translated("title", {"de": "Produzenten"}))
    page, _ = upsert_page(index, ProducerPage, slug, translated("title", {"de": name}))
    return page


@pytest.fixture
def producer(home):
    return make_producer(home, "geigenbau-test", "Geigenbau Test")


@pytest.fixture
def other_producer(home):
    return make_producer(home, "kaffee-test", "Kaffee Test")


@pytest.fixture
def member(producer):
    user, _ = ensure_user("anna", "anna-pass-123", "anna@example.org")
    producer.members.add(user)
    return user


@pytest.fixture
def other_member(other_producer):
    user, _ = ensure_user("bert", "bert-pass-123", "bert@example.org")
    other_producer.members.add(user)
    return user


@pytest.fixture
def reviewer(db):
    user, _ = ensure_user("rita", "rita-pass-123", "rita@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Label reviewers"))
    english_admin(user)
    return user


@pytest.fixture
def draft(producer, member):
    return Application.objects.create(producer=producer, applicant=member, language="en", **FACTS)
