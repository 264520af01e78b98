"""Images and documents belong to a producer's collection: members choose, see and use only their
own producer's and the public ones (issue 12)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from directory.members import PUBLIC_COLLECTION
from directory.models import ProducerPage
from madebybochum.pages.demo import ensure_user

from .test_members import editor_form


def jpeg():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (163, 52, 28)).save(buffer, "JPEG")
    return buffer


@pytest.fixture
def media(make_producer, admin_user):
    anna, _ = ensure_user("anna", "anna", "anna@example.org")
    bora, _ = ensure_user("bora", "bora", "bora@example.org")
    page_a = make_producer("Annas Eis")
    page_a.members.add(anna)
    page_b = make_producer("Boras Kaffee")
    page_b.members.add(bora)
    public = Collection.objects.get(name=PUBLIC_COLLECTION)

    def image(title, collection, user):
        return Image.objects.create(title=title, file=ImageFile(jpeg(), name=f"{title}.jpg"), collection=collection,
                                    uploaded_by_user=user)

    def document(title, collection, user):
        return Document.objects.create(title=title, file=ContentFile(b"%PDF-1.4", name=f"{title}.pdf"),
                                       collection=collection, uploaded_by_user=user)

    return {
        "anna": anna, "page_a": ProducerPage.objects.get(pk=page_a.pk), "page_b": ProducerPage.objects.get(pk=page_b.pk),
        "own": image("Annas Foto", page_a.collection, anna),
        "other": image("Boras Foto", page_b.collection, bora),
        "public": image("Vereinslogo", public, admin_user),
        "root": image("Admins Foto", Collection.get_first_root_node(), admin_user),
        "own_doc": document("Annas Preisliste", page_a.collection, anna),
        "other_doc": document("Boras Preisliste", page_b.collection, bora),
        "public_doc": document("Vereinssatzung", public, admin_user),
    }


def test_each_producer_has_its_own_collection(media):
    page_a, page_b = media["page_a"], media["page_b"]
    assert page_a.collection and page_b.collection and page_a.collection != page_b.collection
    assert page_a.collection.name == "Annas Eis"


def test_image_chooser_offers_own_and_public_images_only(client, media):
    client.force_login(media["anna"])
    html = client.get("/admin/images/chooser/").content.decode() + client.get("/admin/images/chooser/results/").content.decode()
    assert "Annas Foto" in html and "Vereinslogo" in html
    assert "Boras Foto" not in html and "Admins Foto" not in html


def test_other_producers_images_cannot_be_reached_by_id(client, media):
    client.force_login(media["anna"])
    other = media["other"].pk
    for url in [
        f"/admin/images/chooser/{other}/",
        f"/admin/images/{other}/",
        f"/admin/images/usage/{other}/",
        f"/admin/images/{other}/preview/original/",
        f"/admin/images/{other}/generate_url/",
    ]:
        response = client.get(url)
        assert response.status_code in {302, 403, 404}, url
        assert "Boras Foto" not in response.content.decode(), url
    assert client.get(f"/admin/images/{media['own'].pk}/").status_code == 200


@pytest.mark.parametrize("field", ["portrait", "photos-0-image"])
def test_member_cannot_put_another_producers_image_on_their_profile(client, media, field):
    page = media["page_a"]
    client.force_login(media["anna"])
    data = editor_form(client, page)
    if field == "photos-0-image":
        data.update({"photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "0", "photos-0-alt_text_de": "Foto",
                     "photos-0-ORDER": "1", "photos-0-id": ""})
    data.update({field: str(media["other"].pk), "action-submit": "action-submit"})
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200  # the form again, with the error
    page.refresh_from_db()
    assert page.portrait_id is None and not page.photos.exists()
    assert page.latest_revision.as_object().portrait_id is None

    data[field] = str(media["own"].pk)
    assert client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    revision = ProducerPage.objects.get(pk=page.pk).latest_revision.as_object()
    chosen = revision.portrait_id if field == "portrait" else revision.photos.first().image_id
    assert chosen == media["own"].pk


def test_upload_lands_in_the_members_producer_collection(client, media):
    client.force_login(media["anna"])
    upload = SimpleUploadedFile("neu.jpg", jpeg().getvalue(), content_type="image/jpeg")
    response = client.post("/admin/images/add/", {"title": "Neues Foto", "file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Image.objects.get(title="Neues Foto").collection == media["page_a"].collection


def test_document_chooser_and_edit_show_own_and_public_documents_only(client, media):
    client.force_login(media["anna"])
    html = client.get("/admin/documents/chooser/").content.decode()
    assert "Annas Preisliste" in html and "Vereinssatzung" in html and "Boras Preisliste" not in html
    other = media["other_doc"].pk
    for url in [f"/admin/documents/chooser/{other}/", f"/admin/documents/edit/{other}/", f"/admin/documents/usage/{other}/"]:
        response = client.get(url)
        assert response.status_code in {302, 403, 404}, url
        assert "Boras Preisliste" not in response.content.decode(), url
    assert client.get(f"/admin/documents/edit/{media['own_doc'].pk}/").status_code == 200


def test_demo_members_choose_their_producers_demo_photos(client, demo_site):
    from directory.demo import MEMBERS

    for username, slug in MEMBERS:
        page = ProducerPage.objects.get(slug=slug)
        assert page.portrait.collection == page.collection
        assert all(photo.image.collection == page.collection for photo in page.photos.all())
        client.force_login(page.members.get(username=username))
        html = client.get("/admin/images/chooser/results/").content.decode()
        assert page.portrait.title in html
        others = ProducerPage.objects.exclude(pk=page.pk).exclude(portrait=None)
        assert not any(other.portrait.title in html for other in others)


def test_migration_gives_existing_producers_a_collection_with_their_images(media):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("directory.migrations.0007_producer_collections")
    page_a = media["page_a"]
    member_upload = media["root"]
    member_upload.uploaded_by_user = media["anna"]
    member_upload.save()
    ProducerPage.objects.filter(pk=page_a.pk).update(collection=None, portrait=media["public"])
    migration.forwards(apps, None)

    page_a.refresh_from_db()
    assert page_a.collection and page_a.collection.name == "Annas Eis"
    assert page_a.collection in Collection.get_first_root_node().get_children()  # a sound tree path
    member_upload.refresh_from_db()
    assert member_upload.collection == page_a.collection
    assert Image.objects.get(pk=media["public"].pk).collection.name == PUBLIC_COLLECTION  # only root images move
    assert page_a.collection in Collection.objects.filter(
        group_permissions__group__name=f"Producer {page_a.pk} members", group_permissions__permission__codename="choose_image"
    )
