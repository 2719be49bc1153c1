"""Background work: machine drafts of a page's missing text."""

from django.contrib.auth import get_user_model
from django_tasks import task
from wagtail.models import Page

from . import memory
from .actions import editable_page, record_machine_segments, save_draft, state_pairs
from .machine import get_backend
from .segments import HTML, PageText, set_target_values
from .status import SEGMENT_MACHINE, SEGMENT_MISSING, SEGMENT_NEW, page_status


def machine_draft(page, language, backend_name, user=None):
    """Fill ``page``'s empty (or still unreviewed) ``language`` segments with machine text.

    Reviewed text is never replaced: only segments with no target text, or
    whose text is itself an unreviewed machine draft, are translated. Exact
    translation-memory matches are used before the service is asked. The
    result is a new draft revision; nothing is published and the page's
    readiness is left alone. Returns the number of segments written.
    """
    page = page.specific
    status = page_status(page, language)
    wanted = [
        segment
        for segment in status.segments
        if segment.source is not None
        and (segment.status in (SEGMENT_MISSING, SEGMENT_NEW) or segment.status == SEGMENT_MACHINE)
    ]
    if not wanted:
        return 0
    source = status.source_language
    remembered = memory.exact_matches(source, language, [segment.source.text for segment in wanted])
    values, provenance = {}, {}
    backend = get_backend(backend_name)
    for html in (False, True):
        batch = [
            segment for segment in wanted if (segment.kind == HTML) == html and segment.source.text not in remembered
        ]
        if batch:
            results = backend.translate([segment.source.text for segment in batch], source, language, html=html)
            for segment, translated in zip(batch, results, strict=True):
                values[segment.key] = translated
                provenance[segment.key] = backend.provenance()
    for segment in wanted:
        if segment.source.text in remembered:
            values[segment.key] = remembered[segment.source.text]
            provenance[segment.key] = {"backend": "memory", "model": ""}
    draft = set_target_values(editable_page(page), language, values, pairs=state_pairs(page, language))
    save_draft(draft, user=user)
    record_machine_segments(PageText(draft), language, provenance)
    return len(values)


@task()
def machine_translate_page(page_id, language, backend_name, user_id=None):
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    page = Page.objects.get(pk=page_id)
    return machine_draft(page, language, backend_name, user=user)
