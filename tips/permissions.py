"""Who may see tips: members of the "Tip editors" group, and no one else.

Not even superusers: the group is the list of people the newsroom trusts
with its sources, and an administrator who needs access joins it openly.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied

TIP_EDITORS_GROUP = "Tip editors"
TIP_PERMISSIONS = ("view_tip", "change_tip", "delete_tip")


def is_tip_editor(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.groups.filter(name=TIP_EDITORS_GROUP).exists() and user.has_perm("tips.view_tip")


def require_tip_editor(user, permission="view_tip"):
    if not is_tip_editor(user) or not user.has_perm(f"tips.{permission}"):
        raise PermissionDenied


def ensure_tip_editors_group():
    """The group with its permissions, recreated if something removed it.

    The data migration creates it; a database flushed by tests, or an
    operator's mistake, can leave it missing.
    """
    group, _created = Group.objects.get_or_create(name=TIP_EDITORS_GROUP)
    wanted = Permission.objects.filter(content_type__app_label="tips", codename__in=TIP_PERMISSIONS) | (
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    group.permissions.add(*wanted)
    return group
