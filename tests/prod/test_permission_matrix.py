"""Every URL pattern of the project x every role -> the status that role must get.

The patterns come from the URL conf itself, so a new route without a rule fails
test_every_route_has_a_rule. Adding a rule is one line in RULES:

    Rule("<lang>/producers/<slug:slug>/", "/de/producers/demo-kaffee/", everyone(200)),
    Rule("<lang>/my/profile/", "/de/my/profile/", members_only()),

`route` is the pattern as all_routes() prints it ("<lang>/" for the language prefix; run this file
with -k test_every_route_has_a_rule to see the missing ones). `prefix=True` makes one rule cover a
whole include (the Wagtail admin). `url` is a concrete URL to request for each role, `expect` maps each
of ROLES to a status; ROLE_USERS below makes the users (member_a owns things, member_b must not
touch them: rules for other apps create member_a's objects in their own sample fixture).
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

ROLES = ("anonymous", "member_a", "member_b", "reviewer", "admin")


def everyone(status):
    return dict.fromkeys(ROLES, status)


def members_only(ok=200, anonymous=302):
    return {**everyone(ok), "anonymous": anonymous}


def staff_only(ok=200, anonymous=302, member=302):
    """Wagtail admin pages: anonymous visitors and members without admin access go to the login."""
    return {"anonymous": anonymous, "member_a": member, "member_b": member, "reviewer": ok, "admin": ok}


def admin_only(ok=200, anonymous=302, member=302, reviewer=302):
    return {**staff_only(ok, anonymous, member), "reviewer": reviewer}


@dataclass(frozen=True)
class Rule:
    route: str
    url: str
    expect: dict
    prefix: bool = False
    method: str = "get"

    def covers(self, route):
        return route.startswith(self.route) if self.prefix else route == self.route


RULES = [
    # Machines and permanent links.
    Rule("healthz", "/healthz", everyone(200)),
    Rule("robots.txt", "/robots.txt", everyone(200)),
    Rule("sitemap.xml", "/sitemap.xml", everyone(200)),
    Rule("favicon.ico", "/favicon.ico", everyone(301)),
    # Wagtail's documents: private ones are behind a view restriction; none exist in the shell.
    Rule(r"documents/^(\d+)/(.*)$", "/documents/999999/nothing.pdf", everyone(404)),
    # (An unknown restriction is a 404, which Django's LocaleMiddleware turns into a redirect to /de/....)
    Rule("documents/authenticate_with_password/<int:restriction_id>/",
         "/documents/authenticate_with_password/999999/", everyone(302)),
    # The Wagtail admin: dashboard for reviewers and admins; user management for admins only.
    Rule("admin/", "/admin/", staff_only(), prefix=True),
    Rule("admin/", "/admin/pages/", admin_only(), prefix=True),
    Rule("admin/", "/admin/users/", admin_only()),
    Rule("admin/", "/admin/groups/", admin_only()),
    Rule("admin/", "/admin/login/", {**everyone(302), "anonymous": 200, "member_a": 200, "member_b": 200}),
    # Wagtail's page-privacy helpers under the language prefix.
    Rule("<lang>/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
         "/de/_util/authenticate_with_password/999999/999999/", everyone(404)),
    Rule("<lang>/_util/login/", "/de/_util/login/", everyone(200)),
    # Pages served by Wagtail: public to everyone, in every language; unknown paths are 404.
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/de/", everyone(200)),
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/ar/verein/", everyone(200)),
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/de/gibt-es-nicht/", everyone(404)),
    # --- directory ---
    # --- label ---
    # --- events ---
    # --- shop ---
]


def all_routes(patterns=None, prefix=""):
    """Every URL pattern of the project as one string, includes flattened."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        part = "<lang>/" if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from all_routes(pattern.url_patterns, prefix + part)
        else:
            yield prefix + part


def test_every_route_has_a_rule():
    missing = [route for route in all_routes() if not any(rule.covers(route) for rule in RULES)]
    assert not missing, "Routes without a permission rule (add a Rule to RULES):\n" + "\n".join(missing)


def test_every_rule_matches_a_route():
    routes = list(all_routes())
    stale = [rule.route for rule in RULES if not any(rule.covers(route) for route in routes)]
    assert not stale, f"Rules for routes that no longer exist: {stale}"


@pytest.fixture
def role_users(db):
    """The users behind ROLES: two plain members, a reviewer with admin access, a superuser."""
    User = get_user_model()
    users = {"anonymous": None}
    for name in ("member_a", "member_b"):
        users[name] = User.objects.create_user(name, f"{name}@example.org", "pw-123456789")
    reviewers, _created = Group.objects.get_or_create(name="Reviewers")
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    users["reviewer"] = User.objects.create_user("reviewer", "reviewer@example.org", "pw-123456789")
    users["reviewer"].groups.add(reviewers)
    users["admin"] = User.objects.create_superuser("admin", "admin@example.org", "pw-123456789")
    return users


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.method} {rule.url}")
def test_each_role_gets_the_expected_status(client, home, role_users, rule):
    got = {}
    for role in ROLES:
        client.logout()
        if role_users[role] is not None:
            client.force_login(role_users[role])
        got[role] = getattr(client, rule.method)(rule.url).status_code
    assert got == rule.expect
