"""Each producer gets its own collection of images and documents, its members' group "add" and
"choose" on it; all members choose from a public collection and no longer add to the root one.
Images already belonging to one producer (on its page, or uploaded by its only-producer member)
move into its collection."""

import django.db.models.deletion
from django.db import migrations, models

PUBLIC_COLLECTION = "Öffentlich"
COLLECTION_PERMISSIONS = [  # (app, model, action): permissions are made after migrations, so maybe not yet
    ("wagtailimages", "image", "add"), ("wagtailimages", "image", "choose"),
    ("wagtaildocs", "document", "add"), ("wagtaildocs", "document", "choose"),
]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, four characters a level


def add_child(Collection, parent, name):
    # Historical models lack treebeard's methods: the next path under the parent, by hand.
    last = Collection.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    number = int(last.path[-4:], 36) + 1 if last else 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    child = Collection.objects.create(name=name, path=parent.path + step.rjust(4, "0"), depth=parent.depth + 1, numchild=0)
    Collection.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + 1)
    parent.refresh_from_db()
    return child


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ProducerPage = apps.get_model("directory", "ProducerPage")
    ProducerPhoto = apps.get_model("directory", "ProducerPhoto")
    Product = apps.get_model("directory", "Product")
    Image = apps.get_model("wagtailimages", "Image")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    permission = {}
    for app_label, model, action in COLLECTION_PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission[f"{action}_{model}"], _created = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
        )
    members, _created = Group.objects.get_or_create(name="Members")
    GroupCollectionPermission.objects.filter(group=members, collection=root).delete()
    public = Collection.objects.filter(depth=2, name=PUBLIC_COLLECTION).first() or add_child(Collection, root, PUBLIC_COLLECTION)
    for codename in ("choose_image", "choose_document"):
        GroupCollectionPermission.objects.get_or_create(group=members, collection=public, permission=permission[codename])

    owners = {}  # image id -> the producers it belongs to
    for producer in ProducerPage.objects.filter(collection__isnull=True):
        producer.collection = add_child(Collection, root, producer.title)
        producer.save(update_fields=["collection"])
        group, _created = Group.objects.get_or_create(name=f"Producer {producer.pk} members")
        for one in permission.values():
            GroupCollectionPermission.objects.get_or_create(group=group, collection=producer.collection, permission=one)
        used = {producer.portrait_id}
        used |= set(ProducerPhoto.objects.filter(producer=producer).values_list("image_id", flat=True))
        used |= set(Product.objects.filter(producer=producer).values_list("image_id", flat=True))
        sole_members = [user for user in producer.members.all() if user.producers.count() == 1]
        used |= set(Image.objects.filter(uploaded_by_user__in=sole_members).values_list("pk", flat=True))
        for image_id in used - {None}:
            owners.setdefault(image_id, []).append(producer)
    for image_id, producers in owners.items():
        if len(producers) == 1:
            Image.objects.filter(pk=image_id, collection=root).update(collection=producers[0].collection)


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0006_trigram_extension'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.AddField(
            model_name='producerpage',
            name='collection',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.collection'),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
