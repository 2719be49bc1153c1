"""The comment moderators' group: admin access and the comment permissions only."""

from django.contrib.auth.models import Group, Permission

from .models import MODERATORS_GROUP_NAME

# (app label, model, codename); the data migration 0002 holds a frozen copy.
MODERATOR_PERMISSIONS = [
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


def ensure_moderators_group():
    """The group with its permissions, recreated if something removed it.

    The data migration creates it; a database emptied by tests, or an
    operator's mistake, can leave it missing.
    """
    group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP_NAME)
    for app_label, model, codename in MODERATOR_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
        )
    return group
