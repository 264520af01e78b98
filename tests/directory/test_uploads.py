"""A member's photo upload that is not an image, too large or a decompression bomb gets a clear message."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from madebybochum.pages.demo import ensure_user


@pytest.fixture
def member_client(client, make_producer):
    member, _ = ensure_user("anna", "anna", "anna@example.org")
    make_producer("Annas Eis").members.add(member)
    client.force_login(member)
    return client


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def upload(client, name, content):
    return client.post(
        "/admin/images/add/", {"title": "Mein Foto", "file": SimpleUploadedFile(name, content), "collection": "1"}
    )


def test_member_can_upload_a_photo(member_client):
    response = upload(member_client, "ok.png", png(200, 100))
    assert response.status_code == 302
    assert Image.objects.filter(title="Mein Foto").exists()


def assert_refused(response, message):
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert message in errors
    assert 'value="Mein Foto"' in response.content.decode()  # what was typed is kept
    assert not Image.objects.filter(title="Mein Foto").exists()


def test_not_an_image_is_refused(member_client):
    # The admin speaks German here (the default language), with Wagtail's own messages.
    assert_refused(upload(member_client, "notes.png", b"this is not an image"), "kein Bild")


def test_decompression_bomb_is_refused(member_client):
    assert_refused(upload(member_client, "bomb.png", png(9000, 9000)), "Pixel")


def test_too_large_upload_is_refused(member_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    assert_refused(upload(member_client, "big.png", png(200, 100) + b"\0" * 2000), "groß")
