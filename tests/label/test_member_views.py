"""What a member does on the site: apply, save drafts, upload private evidence; and what others cannot see."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from label import services
from label.models import Application, Evidence

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def form_data(application, **changes):
    data = {name: getattr(application, name) for name in Application.COPIED_FIELDS}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    for flag in ("is_startup", "design_in_bochum", "manufacture_in_bochum", "finishing_in_bochum"):
        if not data[flag]:
            data.pop(flag)
    data["consent"] = "on"
    data.update(changes)
    return data


def test_member_starts_and_saves_a_draft(client, member, producer):
    client.force_login(member)
    response = client.post(reverse("label_overview"), {"producer": producer.pk})
    application = Application.objects.get(producer=producer)
    assert response.url == application.get_absolute_url()
    response = client.post(response.url, {"seat_address": "Kortumstraße 5", "save": ""})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.seat_address == "Kortumstraße 5" and application.status == Application.Status.DRAFT
    # Starting again continues the open draft instead of a second one.
    client.post(reverse("label_overview"), {"producer": producer.pk})
    assert Application.objects.filter(producer=producer).count() == 1


def test_nothing_typed_is_lost_on_a_validation_error(client, member, draft):
    client.force_login(member)
    response = client.post(
        draft.get_absolute_url(), {"full_time_employees": "zwei", "quality_statement": "Handarbeit mit Liebe", "save": ""}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Handarbeit mit Liebe" in html and 'value="zwei"' in html


def test_draft_typed_after_session_timeout_survives_login(client, member, draft):
    response = client.post(draft.get_absolute_url(), {"quality_statement": "Nach der Pause getippt", "save": ""})
    assert "/admin/login/" in response.url
    client.force_login(member)
    response = client.get(draft.get_absolute_url())
    assert "Nach der Pause getippt" in response.content.decode()


def test_what_an_anonymous_visitor_sends_is_kept_only_small_and_once(client, member, draft, other_producer):
    """Anyone can post here without logging in: the session keeps one draft of the form's fields, capped."""
    url = draft.get_absolute_url()
    huge = {"quality_statement": "x" * 2_000_000, "save": ""}
    response = client.post(url, huge, follow=True)
    assert "What you entered could not be kept" in response.content.decode()
    assert len(json.dumps(dict(client.session.items()))) < 1000
    # Unknown fields and repeated values are not kept; a post to another application replaces the draft.
    junk = {f"field-{number}": "y" * 100 for number in range(200)}
    client.post(url, {**junk, "quality_statement": ["Erster Wert", "Zweiter Wert"], "save": ""})
    for pk in range(draft.pk + 1, draft.pk + 6):
        client.post(f"/en/label/applications/{pk}/", {"quality_statement": "z" * 1000})
    stored = json.dumps(dict(client.session.items()))
    assert len(stored) < 3000 and "field-1" not in stored and "Erster Wert" not in stored
    client.post(url, {"quality_statement": "Nach der Pause getippt", "recycling_notes": "Reste werden Griffe"})
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "Nach der Pause getippt" in html and "Reste werden Griffe" in html
    # Shown once, then gone from the session.
    assert "Nach der Pause getippt" not in client.get(url).content.decode()


def test_anonymous_drafts_are_limited_per_address_and_expire(client, member, draft):
    url = draft.get_absolute_url()
    for number in range(10):
        client.post(url, {"quality_statement": f"Versuch {number}"})
    response = client.post(url, {"quality_statement": "Versuch 11"}, follow=True)
    assert "What you entered could not be kept" in response.content.decode()
    session = client.session
    pending = session["label_pending_application"]
    pending["at"] -= 25 * 3600
    session["label_pending_application"] = pending
    session.save()
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "Versuch 9" not in html and draft.quality_statement in html


def test_submit_is_refused_with_the_reasons(client, member, draft):
    client.force_login(member)
    data = form_data(draft, submit="")
    data.pop("manufacture_in_bochum")
    response = client.post(draft.get_absolute_url(), data, follow=True)
    html = response.content.decode()
    assert "cannot be submitted" in html
    assert "Only 1 of 3 stages" in html
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT and not draft.manufacture_in_bochum


def test_submit_from_the_form(client, member, draft):
    client.force_login(member)
    response = client.post(draft.get_absolute_url(), form_data(draft, submit=""), follow=True)
    assert "waiting for review" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED


def test_live_check_saves_and_reports(client, member, draft):
    client.force_login(member)
    data = form_data(draft, quality_statement="Live gespeichert")
    data.pop("manufacture_in_bochum")
    result = client.post(reverse("label_check", args=[draft.pk]), data).json()
    assert result["saved"] and not result["can_submit"]
    stages = next(check for check in result["checks"] if check["criterion"] == "stages")
    assert stages["result"] == "not_met" and "at least 2" in stages["reason"]
    draft.refresh_from_db()
    assert draft.quality_statement == "Live gespeichert"


def test_evidence_is_private(client, member, other_member, reviewer, draft, settings):
    client.force_login(member)
    upload = SimpleUploadedFile("werkstatt.pdf", PDF, content_type="application/pdf")
    client.post(draft.get_absolute_url(), form_data(draft, save="", **{"evidence-stage": "manufacture", "evidence-file": upload}))
    evidence = Evidence.objects.get(application=draft)
    # Stored outside MEDIA_ROOT, with no public URL.
    assert str(settings.LABEL_EVIDENCE_ROOT) in evidence.file.path
    assert not evidence.file.path.startswith(str(settings.MEDIA_ROOT))
    response = client.get(evidence.get_absolute_url())
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "no-store" in response["Cache-Control"]

    client.force_login(other_member)
    assert client.get(evidence.get_absolute_url()).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.post(reverse("label_check", args=[draft.pk]), {}).status_code == 404

    client.logout()
    assert client.get(evidence.get_absolute_url()).status_code == 302

    client.force_login(reviewer)
    assert client.get(evidence.get_absolute_url()).status_code == 200


def test_wrong_file_type_is_refused_but_draft_saved(client, member, draft):
    client.force_login(member)
    upload = SimpleUploadedFile("script.html", b"<script>", content_type="text/html")
    response = client.post(
        draft.get_absolute_url(),
        form_data(draft, save="", quality_statement="Neu", **{"evidence-stage": "design", "evidence-file": upload}),
    )
    assert response.status_code == 200
    assert "file was not accepted" in response.content.decode()
    assert not Evidence.objects.exists()
    draft.refresh_from_db()
    assert draft.quality_statement == "Neu"


def test_submitted_application_is_read_only(client, member, draft):
    services.submit(draft, member)
    client.force_login(member)
    client.post(draft.get_absolute_url(), form_data(draft, quality_statement="changed", save=""))
    draft.refresh_from_db()
    assert draft.quality_statement == "Beste Materialien."


def test_renewal_is_prefilled(client, member, reviewer, draft):
    services.submit(draft, member)
    certificate = services.approve(draft, reviewer)
    client.force_login(member)
    response = client.post(reverse("label_renew", args=[certificate.number]))
    renewal = Application.objects.exclude(pk=draft.pk).get()
    assert response.url == renewal.get_absolute_url()
    assert "Lackiererei in Herne" in client.get(response.url).content.decode()


def test_other_member_cannot_renew(client, member, other_member, reviewer, draft):
    services.submit(draft, member)
    certificate = services.approve(draft, reviewer)
    client.force_login(other_member)
    assert client.post(reverse("label_renew", args=[certificate.number])).status_code == 404


def test_reviewer_can_read_but_not_change_a_draft(client, reviewer, draft):
    client.force_login(reviewer)
    assert client.get(draft.get_absolute_url()).status_code == 200
    client.post(draft.get_absolute_url(), form_data(draft, quality_statement="vom Prüfer", save=""))
    draft.refresh_from_db()
    assert draft.quality_statement == "Beste Materialien."


def test_upload_field_shows_no_error_when_no_file_is_sent(client, member, draft):
    client.force_login(member)
    response = client.post(draft.get_absolute_url(), {"full_time_employees": "-1", "save": ""})
    assert response.status_code == 200
    assert "This field is required." not in response.content.decode()


def test_a_label_holder_is_offered_renewal_not_a_second_application(client, member, draft, reviewer, producer):
    services.submit(draft, member)
    certificate = services.approve(draft, reviewer)
    client.force_login(member)
    page = client.get(reverse("label_overview"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"Holds the label: certificate {certificate.number}" in page
    assert "Renew the label" in page and "Start or continue the application" not in page

    # Even a start sent for the producer (an old tab) becomes the renewal of its current certificate.
    response = client.post(reverse("label_overview"), {"producer": producer.pk})
    started = Application.objects.exclude(pk=draft.pk).get(producer=producer)
    assert response["Location"] == started.get_absolute_url()
    assert started.renewal_of == certificate and started.quality_statement == draft.quality_statement


@pytest.mark.parametrize("founded", ["9999-01-01", "1066-10-14"])
def test_an_implausible_founding_date_is_refused_with_a_reason(client, member, draft, founded):
    client.force_login(member)
    response = client.post(
        draft.get_absolute_url(), {"founded_on": founded, "quality_statement": "Handarbeit", "save": ""}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert "Please enter the founding date: a day between 1800 and today." in html
    assert "Handarbeit" in html
    draft.refresh_from_db()
    assert str(draft.founded_on) != founded
