"""What anyone sees: the register, the verification page behind /v/<number>, QR code, sticker, open data."""

import datetime
import io

import pytest
import zxingcpp
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from directory.models import ProducerPage
from label import selectors, services
from label.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(draft, member, reviewer):
    services.submit(draft, member)
    return services.approve(draft, reviewer)


def test_valid_certificate(client, certificate):
    response = client.get(f"/v/{certificate.number}", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This business holds the “Made by Bochum” label." in html
    assert "Geigenbau Test" in html and certificate.number in html
    assert "Product design happens in Bochum" in html and "Finishing happens in Bochum" not in html
    assert "Holz aus dem Ruhrgebiet." in html
    assert "Accept-Language" in response["Vary"]


def test_short_url_serves_the_visitors_language(client, certificate):
    arabic = client.get(f"/v/{certificate.number}", HTTP_ACCEPT_LANGUAGE="ar")
    assert arabic.status_code == 200 and 'lang="ar" dir="rtl"' in arabic.content.decode()
    client.cookies["django_language"] = "tr"
    assert 'lang="tr"' in client.get(f"/v/{certificate.number}").content.decode()
    # The language switcher leads to the prefixed twin of the page.
    assert f'href="/en/label/certificates/{certificate.number}/"' in arabic.content.decode()
    assert client.get(f"/en/label/certificates/{certificate.number}/").status_code == 200


def test_expired_certificate(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=timezone.localdate() - datetime.timedelta(days=1))
    response = client.get(f"/v/{certificate.number}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "This certificate has expired." in response.content.decode()


def test_revoked_certificate(client, certificate, reviewer):
    services.revoke(certificate, reviewer, "Nicht mehr in Bochum")
    response = client.get(f"/v/{certificate.number}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "This certificate has been revoked." in response.content.decode()


def test_unknown_number_is_a_friendly_404(client, home):
    response = client.get("/v/MBB-2026-9999", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "Not a valid certificate" in response.content.decode()


def test_qr_code_decodes_to_the_short_url(client, certificate):
    png = client.get(f"/v/{certificate.number}/qr.png")
    assert png["Content-Type"] == "image/png"
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)))
    assert [code.text for code in decoded] == [f"http://testserver/v/{certificate.number}"]
    svg = client.get(f"/v/{certificate.number}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content


def test_sticker_is_a6_with_name_and_qr(client, certificate):
    sticker = client.get(f"/v/{certificate.number}/sticker.svg").content.decode()
    assert 'width="105mm" height="148mm"' in sticker
    assert "Geigenbau Test" in sticker and "Made by Bochum" in sticker
    assert f"http://testserver/v/{certificate.number}" in sticker and "<path d=\"M" in sticker


def test_register_lists_current_holders_only(client, certificate, reviewer, other_producer):
    html = client.get(reverse("label_register")).content.decode()
    assert "Geigenbau Test" in html and certificate.number in html
    services.suspend(certificate, reviewer, "Prüfung")
    assert "Geigenbau Test" not in client.get(reverse("label_register")).content.decode()


def test_open_data_lists_every_public_certificate(client, certificate, reviewer):
    services.revoke(certificate, reviewer, "Nicht mehr in Bochum")
    data = client.get("/api/label-holders.json").json()
    assert data["count"] == 1
    item = data["certificates"][0]
    assert item["number"] == certificate.number and item["status"] == "revoked"
    assert item["producer"] == "Geigenbau Test"
    assert item["stages_in_bochum"] == ["design", "manufacture"]
    assert item["verification_url"] == f"http://testserver/v/{certificate.number}"


def test_selectors_answer_in_one_query(certificate, producer, other_producer, django_assert_num_queries):
    producers = ProducerPage.objects.all()
    with django_assert_num_queries(1):
        assert list(selectors.filter_holders(producers)) == [producer]
    with django_assert_num_queries(1):
        badges = selectors.current_badges([producer.pk, other_producer.pk])
    assert list(badges) == [producer.pk]
    badge = badges[producer.pk]
    assert (badge.status, badge.number, badge.url) == ("valid", certificate.number, f"/v/{certificate.number}")


def test_badge_renders_status_and_link(certificate, producer):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("en"):
        html = render_to_string("label/badge.html", {"badge": selectors.current_badges([producer.pk])[producer.pk]})
    assert f'href="/v/{certificate.number}"' in html and "Made by Bochum label: Valid" in html


def test_a_second_approval_replaces_the_first_certificate_visibly(client, certificate, producer, member, reviewer):
    from label.models import Application
    from tests.label.conftest import FACTS

    second = Application.objects.create(producer=producer, applicant=member, language="en", **FACTS)
    services.submit(second, member)
    newer = services.approve(second, reviewer)

    register = client.get(reverse("label_register")).content.decode()
    assert register.count("Geigenbau Test") == 1 and newer.number in register and certificate.number not in register
    old_page = client.get(f"/v/{certificate.number}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"This certificate has been replaced by certificate {newer.number}." in old_page
    assert f'href="/v/{newer.number}"' in old_page
    assert selectors.current_badges([producer.pk])[producer.pk] == newer
    certificate.refresh_from_db()
    assert certificate.steps.filter(action="superseded").exists(), "the old certificate's audit trail says so"


@pytest.mark.parametrize("end", ["revoke", "expire"])
def test_no_sticker_for_a_certificate_that_is_not_valid(client, certificate, reviewer, end):
    if end == "revoke":
        services.revoke(certificate, reviewer, "Nicht mehr in Bochum")
    else:
        Certificate.objects.filter(pk=certificate.pk).update(valid_until=timezone.localdate() - datetime.timedelta(days=1))
    response = client.get(f"/v/{certificate.number}/sticker.svg", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    assert "Aufkleber gibt es nur für gültige Zertifikate" in response.content.decode()
