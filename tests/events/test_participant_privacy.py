"""Participants' names and addresses in the admin: only superusers and the hosting producer's members see
them, on every admin route (snippet views, choosers, reports, search, usage, the admin API).

Every user with admin access (members of any producer, label reviewers, Wagtail's editors and moderators)
could list all participants through the registration chooser."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.log_actions import log

from events import registrations
from events.recurrence import next_occurrences

from .conftest import local

ZEYNEP = ("Zeynep Kaya", "zeynep@example.org")
EMRE = ("Emre Demir", "emre@example.org")


@pytest.fixture
def people(make_event, make_producer):
    """Zeynep is registered for the violin maker's workshop, Emre for the ice-cream maker's tasting."""
    User = get_user_model()
    users = {name: User.objects.create_user(name, password="x") for name in ("host", "other", "reviewer", "editor", "moderator")}
    users["admin"] = User.objects.create_superuser("chef", password="x")
    users["reviewer"].groups.add(Group.objects.get(name="Label reviewers"))
    users["editor"].groups.add(Group.objects.get(name="Editors"))
    users["moderator"].groups.add(Group.objects.get(name="Moderators"))
    violin = make_producer("geigenbau", "Geigenbau", members=[users["host"]])
    ice = make_producer("eismanufaktur", "Eismanufaktur", members=[users["other"]])
    workshop = make_event(title="Geigen-Workshop", start=local(2030, 5, 3, 15), hosts=[violin], registration_required=True)
    tasting = make_event(title="Eis-Verkostung", start=local(2030, 5, 4, 15), hosts=[ice], registration_required=True)
    zeynep = registrations.register(workshop, next_occurrences(workshop, local(2030, 1, 1))[0], *ZEYNEP, 2)
    emre = registrations.register(tasting, next_occurrences(tasting, local(2030, 1, 1))[0], *EMRE, 1)
    # Entries in the site history name the registration as its __str__ does.
    log(instance=zeynep, action="wagtail.create", user=users["admin"])
    return {"users": users, "workshop": workshop, "zeynep": zeynep, "emre": emre}


ROUTES = [
    "/admin/snippets/events/registration/",
    "/admin/snippets/events/registration/results/",
    "/admin/snippets/events/registration/results/?q=Zeynep",
    "/admin/snippets/events/registration/?export=csv",
    "/admin/snippets/events/registration/?export=xlsx",
    "/admin/snippets/events/registration/inspect/{zeynep}/",
    "/admin/snippets/events/registration/history/{zeynep}/",
    "/admin/snippets/events/registration/history-results/{zeynep}/",
    "/admin/snippets/events/registration/usage/{zeynep}/",
    "/admin/snippets/events/registration/edit/{zeynep}/",
    "/admin/snippets/events/registration/delete/{zeynep}/",
    "/admin/snippets/choose/events/registration/",
    "/admin/snippets/choose/events/registration/results/",
    "/admin/snippets/choose/events/registration/results/?q=Zeynep",
    "/admin/snippets/choose/events/registration/chosen/{zeynep}/",
    "/admin/snippets/choose/events/registration/chosen-multiple/?id={zeynep}&id={emre}",
    "/admin/snippets/choose/events/registration/create/",
    "/admin/snippets/",
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/pages/{workshop}/usage/",
    "/admin/pages/{workshop}/history/",
    "/admin/pages/{workshop}/edit/",
    "/admin/pages/search/?q=Zeynep",
    "/admin/api/main/pages/?search=Zeynep",
    "/admin/api/main/pages/{workshop}/",
    "/admin/",
]


def body(response):
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode(errors="replace")


def shown(client, user, url, people):
    client.force_login(user)
    ids = {key: people[key].pk for key in ("zeynep", "emre", "workshop")}
    return body(client.get(url.format(**ids)))


@pytest.mark.parametrize("role", ["other", "reviewer", "editor", "moderator"])
def test_no_admin_route_shows_participants_of_an_event_the_user_does_not_host(client, people, role):
    leaks = [url for url in ROUTES if any(detail in shown(client, people["users"][role], url, people) for detail in ZEYNEP)]
    assert leaks == []


def test_the_chooser_shows_a_member_the_participants_of_their_own_events_only(client, people):
    host = people["users"]["host"]
    results = shown(client, host, "/admin/snippets/choose/events/registration/results/", people)
    assert ZEYNEP[0] in results and EMRE[0] not in results
    both = shown(client, host, "/admin/snippets/choose/events/registration/chosen-multiple/?id={zeynep}&id={emre}", people)
    assert ZEYNEP[0] in both and EMRE[0] not in both
    # Not found (Django's locale middleware then redirects the 404 to /de/admin/...).
    assert client.get(f"/admin/snippets/choose/events/registration/chosen/{people['emre'].pk}/").status_code == 302


def test_superusers_see_every_registration_in_the_admin(client, people):
    admin = people["users"]["admin"]
    for url in ("/admin/snippets/events/registration/", "/admin/snippets/choose/events/registration/results/"):
        text = shown(client, admin, url, people)
        assert ZEYNEP[0] in text and EMRE[0] in text, url
    assert ZEYNEP[1] in shown(client, admin, "/admin/snippets/events/registration/inspect/{zeynep}/", people)


def test_no_group_can_be_given_the_registrations(client, people):
    """The group editor does not offer them: a group holding them would see the site history's entries."""
    client.force_login(people["users"]["admin"])
    editor = body(client.get(f"/admin/groups/edit/{Group.objects.get(name='Editors').pk}/"))

    def offered(codename):
        return f'value="{Permission.objects.get(codename=codename).pk}"' in editor

    assert offered("change_exhibition")
    assert not any(offered(f"{action}_registration") for action in ("add", "change", "delete", "view"))
