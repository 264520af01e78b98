"""Two app servers behind nginx share everything: a publish on one is seen on both, a login on one
is valid on the other. Runs only through `make scale-test`, against real gunicorn, nginx, Redis, PostgreSQL."""

import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

import pytest
import requests

pytestmark = pytest.mark.scale
# settings.HONEYPOT_MIN_SECONDS in production: a form sent faster is taken for a bot.
HONEYPOT_MIN_SECONDS = 2.1


class FormFields(HTMLParser):
    """The fields a browser would send for the first form whose action-publish button exists."""

    def __init__(self):
        super().__init__()
        self.fields, self.textarea, self.select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file", "image"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append([name, attrs.get("value", "")])
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.fields.append(self.textarea)
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append([self.select, attrs.get("value", "")])

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None


def log_in(session, base):
    page = session.get(f"{base}/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": "admin", "password": "admin", "next": "/admin/"},
        headers={"Referer": f"{base}/admin/login/"},
    )
    assert response.status_code == 200 and "/admin/logout/" in response.text, "login failed"


def test_a_session_started_on_one_server_is_valid_on_the_other(cluster):
    first, second = cluster.instance_urls
    session = requests.Session()
    log_in(session, first)
    dashboard = session.get(f"{second}/admin/", allow_redirects=False)
    assert dashboard.status_code == 200
    assert "/admin/logout/" in dashboard.text
    # Through the load balancer too, whichever server answers.
    for _ in range(4):
        assert session.get(f"{cluster.url}/admin/", allow_redirects=False).status_code == 200


def test_a_page_published_through_one_server_is_visible_on_both_at_once(cluster):
    first, second = cluster.instance_urls
    anonymous = requests.Session()
    # Warm the anonymous page cache everywhere.
    for base in (first, second, cluster.url, cluster.url):
        assert anonymous.get(f"{base}/de/verein/").status_code == 200
    assert anonymous.get(f"{second}/de/verein/").headers["X-Cache"] == "HIT"

    editor = requests.Session()
    log_in(editor, first)
    explorer = editor.get(f"{first}/admin/pages/search/?q=verein").text
    page_id = re.search(r"/admin/pages/(\d+)/edit/", explorer)
    if page_id is None:
        explorer = editor.get(f"{first}/admin/pages/").text
        home_id = re.search(r"/admin/pages/(\d+)/edit/", explorer).group(1)
        listing = editor.get(f"{first}/admin/pages/{home_id}/").text
        page_id = re.search(r'/admin/pages/(\d+)/edit/[^>]*>\s*(?:<[^>]+>\s*)*Über den Verein', listing)
    page_id = page_id.group(1)
    edit_url = f"{first}/admin/pages/{page_id}/edit/"
    form = FormFields()
    form.feed(editor.get(edit_url).text)
    marker = f"Frisch veröffentlicht {uuid.uuid4().hex[:8]}"
    data = [(name, marker if name == "intro_de" else value) for name, value in form.fields]
    assert any(name == "intro_de" for name, _value in data), "no intro_de field on the edit form"
    data.append(("action-publish", "action-publish"))
    published = editor.post(edit_url, data=data, headers={"Referer": edit_url}, allow_redirects=False)
    assert published.status_code == 302, published.text[:2000]

    for base in (second, first, cluster.url, cluster.url):
        response = anonymous.get(f"{base}/de/verein/")
        assert marker in response.text, f"stale page from {base} ({response.headers.get('X-Cache')})"


def test_static_files_are_hashed_and_cached_for_a_year(cluster):
    home = requests.get(f"{cluster.url}/de/").text
    css = re.search(r'href="(/static/css/main\.[0-9a-f]{12}\.css)"', home).group(1)
    response = requests.get(f"{cluster.url}{css}", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert response.headers.get("Content-Encoding") == "gzip"


def test_uploaded_files_are_never_sniffed_or_executed(cluster):
    media = cluster.tmp / "media"
    (media / "evil.html").write_text("<script>alert(1)</script>")
    (media / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    html = requests.get(f"{cluster.url}/media/evil.html")
    assert html.headers["Content-Type"] == "application/octet-stream"
    assert html.headers["Content-Disposition"] == "attachment"
    assert html.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in html.headers["Content-Security-Policy"]
    image = requests.get(f"{cluster.url}/media/photo.png")
    assert image.headers["Content-Type"] == "image/png"
    assert image.headers["X-Content-Type-Options"] == "nosniff"


EVENT_SCRIPT = """
from datetime import timedelta
from django.utils import timezone
from events.models import EventIndexPage, EventPage
from madebybochum.pages.demo import upsert_page

starts = (timezone.now() + timedelta(days=5)).replace(hour=18, minute=0, second=0, microsecond=0)
upsert_page(EventIndexPage.objects.first(), EventPage, "{slug}", {{
    "title": "Kapazitätstest", "title_de": "Kapazitätstest", "format": "workshop",
    "starts_at": starts, "ends_at": starts + timedelta(hours=2), "venue_kind": "showroom", "in_german": True,
    "registration_required": True, "capacity": {capacity}, "waiting_list": True,
}})
"""


def register(base, event_path, number, waiting_ok=False):
    """A visitor's registration through `base`: the form page, then the POST a browser would send (after the
    honeypot's minimum time, from the visitor's own address as nginx would pass it on). "held": seats held
    until the emailed link is clicked (see confirm_holds)."""
    visitor = requests.Session()
    visitor.headers["X-Forwarded-For"] = f"198.51.100.{number}"
    page = visitor.get(f"{base}{event_path}")
    assert page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    date = re.search(r'name="date" value="([^"]+)"', page.text).group(1)
    shown_at = re.search(r'name="shown_at" value="([^"]+)"', page.text).group(1)
    data = {"csrfmiddlewaretoken": token, "date": date, "name": f"Gast {number}", "website": "", "shown_at": shown_at,
            "email": f"gast{number}-{uuid.uuid4().hex[:6]}@example.org", "seats": "1"}
    if waiting_ok:
        data["waiting_ok"] = "on"
    time.sleep(HONEYPOT_MIN_SECONDS)
    response = visitor.post(f"{base}{event_path}?date={date}", data=data, allow_redirects=True)
    assert response.status_code == 200
    if "Ihre Plätze sind 30 Minuten lang für Sie reserviert" in response.text:
        return "held"
    if "Platz auf der Warteliste einzunehmen" in response.text:
        return "waiting"
    assert "Nicht mehr genug freie Plätze (0)." in response.text, response.text[:3000]
    return "refused"


CONFIRM_SCRIPT = """
from events import registrations
from events.models import Registration
for registration in Registration.objects.filter(event__slug="{slug}", status=Registration.PENDING):
    registrations.confirm(registration)
"""


def confirm_holds(cluster, slug):
    """Every visitor clicks the link in their e-mail (the cluster's mail leaves the test's reach)."""
    cluster.manage("shell", "-c", CONFIRM_SCRIPT.format(slug=slug))


def seats_shown(base, event_path):
    page = requests.get(f"{base}{event_path}").text
    if "Ausgebucht." in page:
        return 0
    return int(re.search(r"Noch (\d+) Pl[aä]tze? frei\.", page).group(1))


def test_event_registration_on_one_server_counts_against_capacity_on_the_other(cluster):
    """Seats taken through one server are gone on the other: the last seat goes to exactly one of three
    visitors racing for it through A, B and nginx, and the next registration is refused everywhere."""
    first, second = cluster.instance_urls
    capacity, slug = 3, f"kapazitaet-{uuid.uuid4().hex[:8]}"
    cluster.manage("shell", "-c", EVENT_SCRIPT.format(slug=slug, capacity=capacity))
    event_path = f"/de/veranstaltungen/{slug}/"
    assert [seats_shown(base, event_path) for base in (first, second)] == [3, 3]

    assert register(first, event_path, 1) == "held"
    assert [seats_shown(base, event_path) for base in (first, second, cluster.url)] == [2, 2, 2]
    assert register(second, event_path, 2) == "held"
    assert [seats_shown(base, event_path) for base in (first, second, cluster.url)] == [1, 1, 1]

    # The last seat: three visitors at once, one per way in.
    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = list(pool.map(lambda args: register(*args), [(first, event_path, 3), (second, event_path, 4),
                                                               (cluster.url, event_path, 5)]))
    assert sorted(outcomes) == ["held", "refused", "refused"]

    # Full: the (N+1)th registration is refused wherever it is made, or goes on the waiting list.
    for number, base in enumerate((first, second, cluster.url, cluster.url), start=6):
        assert register(base, event_path, number) == "refused"
    assert register(second, event_path, 10, waiting_ok=True) == "waiting"
    assert register(first, event_path, 11, waiting_ok=True) == "waiting"

    # Both servers show the same participants once the links are clicked: N confirmed, two waiting.
    confirm_holds(cluster, slug)
    assert [seats_shown(base, event_path) for base in (first, second, cluster.url)] == [0, 0, 0]
    admin = requests.Session()
    log_in(admin, first)
    listing = admin.get(f"{first}/de/veranstaltungen/{slug}/").text
    event_id = re.search(r"/de/events/(\d+)/participants/", listing).group(1)
    rows = []
    for base in (first, second):
        csv_text = admin.get(f"{base}/de/events/{event_id}/participants.csv").content.decode("utf-8-sig")
        rows.append(sorted(csv_text.splitlines()[1:]))
    assert rows[0] == rows[1]
    statuses = [row.split(",")[4] for row in rows[0]]
    assert (statuses.count("bestätigt"), statuses.count("auf der Warteliste")) == (capacity, 2), statuses
