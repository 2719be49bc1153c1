"""Keep sync state current whenever a page revision is saved, and keep machine text from readers.

Both run on model signals, so they hold for every path: the editor, bulk
actions, scheduled publishing, ``revision.publish()`` and plain ORM saves.
"""

import logging

from wagtail.models import Page

from .actions import record_revision, record_snippet_save
from .status import languages_with_unreviewed_machine_text

logger = logging.getLogger(__name__)


def revision_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        record_revision(instance)


def snippet_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        record_snippet_save(instance)


def hold_back_unreviewed_machine_text(sender, instance, raw=False, update_fields=None, **kwargs):
    """Keep ``translation_ready`` off while a translation holds machine text nobody reviewed.

    Readers of the other language then get the original under a notice, never
    the machine draft. Saves that touch only bookkeeping columns (a draft
    revision updating ``latest_revision``) carry draft text in memory, not the
    live row's, so they are left alone.
    """
    if raw or not isinstance(instance, Page) or not getattr(instance, "translation_ready", False):
        return
    if update_fields is not None:
        columns = {name.rsplit("_", 1)[0] for name in update_fields} | set(update_fields)
        if "translation_ready" not in columns and not columns & set(getattr(instance, "translated_fields", ())):
            return
    languages = languages_with_unreviewed_machine_text(instance)
    if not languages:
        return
    instance.translation_ready = False
    if update_fields is not None and "translation_ready" not in update_fields:
        type(instance)._base_manager.filter(pk=instance.pk).update(translation_ready=False)
    logger.warning("Page %s kept unready for readers: unreviewed machine text in %s", instance.pk, ", ".join(languages))
