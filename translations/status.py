"""Translation status: derived from recorded state and the page's text, never written.

Status is always derived from the page's latest revision (what editors and
translators work on) and the stored fingerprints, never from timestamps, so
a save that changes nothing changes no status. Nothing here writes to the
database; ``actions`` does.
"""

import copy
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Status, TranslationState
from .segments import PageText, is_translatable, language_codes, source_language, target_languages, translatable_fields
from .snippets import SnippetText

# Segment-level states, finer than a page's Status.
SEGMENT_UP_TO_DATE = "up_to_date"
SEGMENT_STALE = "stale"
SEGMENT_NEW = "new"
SEGMENT_MISSING = "missing"
SEGMENT_REMOVED = "removed"
SEGMENT_CONFLICT = "conflict"
SEGMENT_MACHINE = "machine"
SEGMENT_UNCONFIRMED = "unconfirmed"

SEGMENT_LABELS = {
    SEGMENT_UP_TO_DATE: _("Up to date"),
    SEGMENT_STALE: _("Source changed"),
    SEGMENT_NEW: _("New in source"),
    SEGMENT_MISSING: _("Not translated"),
    SEGMENT_REMOVED: _("Removed from source"),
    SEGMENT_CONFLICT: _("Both sides changed"),
    SEGMENT_MACHINE: _("Machine draft, unreviewed"),
    SEGMENT_UNCONFIRMED: _("Never confirmed"),
}

NEEDS_WORK = {SEGMENT_STALE, SEGMENT_NEW, SEGMENT_MISSING, SEGMENT_REMOVED, SEGMENT_UNCONFIRMED}
STATUS_ORDER = [Status.MISSING, Status.CONFLICT, Status.STALE, Status.MACHINE, Status.UP_TO_DATE]


@dataclass
class SegmentState:
    key: str
    status: str
    source: object = None
    target: object = None
    source_then: str | None = None
    provenance: dict | None = None

    @property
    def label(self):
        segment = self.source or self.target
        return segment.label

    @property
    def kind(self):
        return (self.source or self.target).kind

    @property
    def status_label(self):
        return SEGMENT_LABELS[self.status]

    @property
    def needs_work(self):
        return self.status != SEGMENT_UP_TO_DATE


@dataclass
class PageStatus:
    """One language version of one page, against the page's original."""

    page: object
    language: str
    source_language: str
    status: str
    segments: list = field(default_factory=list)
    state: object = None

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def title(self):
        return self.page_text_title or str(self.page)

    page_text_title: str = ""
    language_name: str = ""
    source_language_name: str = ""
    confirmed_at: object = None
    page_type: str = ""

    def changed_segments(self):
        return [segment for segment in self.segments if segment.needs_work]

    @property
    def machine_provenance(self):
        """Distinct ``backend / model`` strings of the unreviewed machine segments."""
        seen = []
        for segment in self.segments:
            if segment.status == SEGMENT_MACHINE and segment.provenance:
                label = "/".join(
                    part for part in (segment.provenance.get("backend"), segment.provenance.get("model")) if part
                )
                if label not in seen:
                    seen.append(label)
        return ", ".join(seen)


def language_name(code):
    return str(dict(settings.LANGUAGES).get(code, code))


def content_page(page, revision=None):
    """``page`` with the translatable text of ``revision``, built without database queries.

    Only the translated fields (and ``original_language``) are read from the
    revision: building a whole page from a revision would look up every
    foreign key it mentions.
    """
    if revision is None:
        return page
    obj = copy.copy(page)
    model = type(page)
    names = {f"{name}_{code}" for name in translatable_fields(model) for code in language_codes()}
    names.add("original_language")
    for model_field in model._meta.concrete_fields:
        if model_field.name in names and model_field.name in revision.content:
            setattr(obj, model_field.attname, model_field.to_python(revision.content[model_field.name]))
    return obj


def valid_state(state, source):
    """``state`` if it was recorded against ``source`` as the original language, else None."""
    if state is None or state.source_language != source:
        return None
    return state


def text_with_states(page, states):
    """The PageText of ``page`` with the block pairs of its recorded ``{language: state}``."""
    source = source_language(page)
    pairs = {
        language: state.block_pairs
        for language, state in states.items()
        if valid_state(state, source) is not None and state.block_pairs
    }
    return PageText(page, pairs)


def derive(text, language, state):
    """The PageStatus of ``language`` for the page behind ``text`` (neither argument is changed)."""
    state = valid_state(state, text.source)
    text = text.using_pairs(language, state.block_pairs if state else {})
    source = text.source
    src = text.segments(source)
    tgt = text.segments(language)
    synced_source = state.source_fingerprints if state else {}
    synced_target = state.target_fingerprints if state else {}
    machine = state.machine_segments if state else {}
    snapshot = state.source_snapshot if state else {}

    keys = list(src) + [key for key in tgt if key not in src]
    segments = []
    for key in keys:
        source_segment, target_segment = src.get(key), tgt.get(key)
        current_source = source_segment.fingerprint if source_segment else ""
        current_target = target_segment.fingerprint if target_segment else ""
        if not current_source and not current_target:
            continue
        provenance = machine.get(key)
        if not current_source:
            if not synced_source.get(key) and not provenance:
                continue  # text only the target has (a translator's addition): nothing to sync
            status = SEGMENT_REMOVED  # machine text for a source since deleted included: to take out
        elif provenance and current_target and provenance.get("fingerprint") == current_target:
            status = SEGMENT_MACHINE if provenance.get("source") in (None, current_source) else SEGMENT_STALE
        elif not current_target:
            status = SEGMENT_MISSING
        elif state is None:
            status = SEGMENT_UNCONFIRMED
        elif synced_source.get(key) == current_source:
            status = SEGMENT_UP_TO_DATE
        elif key in synced_target and synced_target[key] != current_target:
            status = SEGMENT_CONFLICT
        elif key not in synced_source:
            status = SEGMENT_NEW
        else:
            status = SEGMENT_STALE
        segments.append(
            SegmentState(
                key=key,
                status=status,
                source=source_segment,
                target=target_segment,
                source_then=snapshot.get(key),
                provenance=provenance if status == SEGMENT_MACHINE else None,
            )
        )

    found = {segment.status for segment in segments}
    if not text.has_required(language):
        page_status = Status.MISSING
    elif SEGMENT_CONFLICT in found:
        page_status = Status.CONFLICT
    elif found & NEEDS_WORK:
        page_status = Status.STALE
    elif SEGMENT_MACHINE in found:
        page_status = Status.MACHINE
    else:
        page_status = Status.UP_TO_DATE
    return PageStatus(
        page=text.page,
        language=language,
        source_language=source,
        status=page_status,
        segments=segments,
        state=state,
        page_text_title=str(text.raw("title", source) or ""),
        language_name=language_name(language),
        source_language_name=language_name(source),
        confirmed_at=state.confirmed_at if state else None,
        page_type=str(type(text.page)._meta.verbose_name),
    )


def state_lookup(obj):
    """How the recorded state of a page or a snippet is found."""
    if isinstance(obj, Page):
        return {"page_id": obj.pk}
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}


def states_of(page):
    return {state.language: state for state in TranslationState.objects.filter(page_id=page.pk)}


def snippet_states_of(obj):
    return {state.language: state for state in TranslationState.objects.filter(**state_lookup(obj))}


def snippet_statuses(objects, languages=None):
    """PageStatus rows (one per translation) for translatable snippets, in a fixed number of queries."""
    objects = list(objects)
    content_types = ContentType.objects.get_for_models(*{type(obj) for obj in objects})
    states = {}
    for state in TranslationState.objects.filter(
        content_type__in=list(content_types.values()), object_id__in={obj.pk for obj in objects}
    ):
        states[state.content_type_id, state.object_id, state.language] = state
    rows = []
    for obj in objects:
        text = SnippetText(obj)
        content_type_id = content_types[type(obj)].pk
        for language in language_codes():
            if language == text.source or (languages and language not in languages):
                continue
            rows.append(derive(text, language, states.get((content_type_id, obj.pk, language))))
    return rows


def latest_text(page, states=None):
    """PageText of ``page``'s latest revision (or of the page row when it has none), with its block pairs."""
    page = page.specific
    # Read the revision pointer afresh: the caller's instance may predate the last save.
    latest_id = Page.objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True).first()
    revision = Revision.objects.filter(pk=latest_id).first() if latest_id else None
    if revision is not None:
        page.latest_revision_id = latest_id
    return text_with_states(content_page(page, revision), states_of(page) if states is None else states)


def page_status(page, language):
    """The PageStatus of one page in ``language``."""
    states = states_of(page)
    text = latest_text(page, states)
    return derive(text, language, states.get(language))


def translatable_pages(queryset=None):
    """Pages of every type with translated prose, specific, in tree order."""
    models = [model for model in get_page_models() if is_translatable(model)]
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    queryset = queryset if queryset is not None else Page.objects.all()
    return queryset.filter(content_type__in=list(content_types)).order_by("path")


def statuses_for(pages, languages=None):
    """PageStatus rows for many specific pages, in a fixed number of queries."""
    pages = list(pages)
    revisions = Revision.objects.in_bulk([page.latest_revision_id for page in pages if page.latest_revision_id])
    states = {}
    for state in TranslationState.objects.filter(page_id__in=[page.pk for page in pages]):
        states.setdefault(state.page_id, {})[state.language] = state
    rows = []
    for page in pages:
        page_states = states.get(page.pk, {})
        text = text_with_states(content_page(page, revisions.get(page.latest_revision_id)), page_states)
        for language in target_languages(text.page):
            if languages and language not in languages:
                continue
            rows.append(derive(text, language, page_states.get(language)))
    return rows


def editable_pages(user):
    """Translatable pages ``user`` may change."""
    return translatable_pages(PagePermissionPolicy().instances_user_has_permission_for(user, "change"))


def all_statuses(user=None, languages=None):
    queryset = editable_pages(user) if user is not None else translatable_pages()
    return statuses_for(queryset.specific(), languages)


def unreviewed_machine_keys(text, language, state):
    """Keys of ``language`` segments whose text is still exactly what a machine (or a copy) wrote."""
    state = valid_state(state, text.source)
    if state is None or not state.machine_segments:
        return set()
    target = text.using_pairs(language, state.block_pairs).segments(language)
    return {
        key
        for key, provenance in state.machine_segments.items()
        if key in target and target[key].fingerprint and target[key].fingerprint == provenance.get("fingerprint")
    }


def machine_text_readers_would_see(page):
    """Languages whose unreviewed machine text readers would see if ``page`` (as in memory) went live.

    A page with a readiness setting shows a translation only once it is
    marked ready; a page without one (the home page, an index) shows every
    text it has.
    """
    if not getattr(page, "translation_ready", True):
        return []
    return languages_with_unreviewed_machine_text(page)


def languages_with_unreviewed_machine_text(page):
    """Target languages of ``page`` (as it is in memory) that hold unreviewed machine text."""
    if page.pk is None or not is_translatable(type(page)):
        return []
    states = states_of(page)
    if not any(state.machine_segments for state in states.values()):
        return []
    text = text_with_states(page, states)
    return [
        language for language in target_languages(page) if unreviewed_machine_keys(text, language, states.get(language))
    ]
