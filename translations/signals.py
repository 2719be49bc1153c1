"""Keep sync state current whenever a page revision is saved, in the admin or in code."""

from .sync import record_revision


def revision_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        record_revision(instance)
