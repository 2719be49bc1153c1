"""The comment moderators' group: admin access and the comment permissions only."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Comment moderators"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("comments", "comment", "view_comment"),
    ("comments", "comment", "change_comment"),
    ("comments", "comment", "add_comment"),
    ("comments", "report", "view_report"),
    ("comments", "report", "change_report"),
    ("comments", "moderationevent", "view_moderationevent"),
    ("comments", "wordrule", "view_wordrule"),
    ("comments", "wordrule", "add_wordrule"),
    ("comments", "wordrule", "change_wordrule"),
    ("comments", "wordrule", "delete_wordrule"),
    ("comments", "clientban", "view_clientban"),
    ("comments", "clientban", "add_clientban"),
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, model, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
        )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Those apps give choose permissions to every admin group when they
        # migrate; running after them keeps this group to comments only.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
