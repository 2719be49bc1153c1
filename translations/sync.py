"""Sync state: derive each language version's status, confirm it, write drafts.

Status is always derived from the page's latest revision (what editors and
translators work on) and the stored fingerprints, never from timestamps, so
a save that changes nothing changes no status.
"""

import copy
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

from . import memory
from .models import Status, TranslationState
from .segments import PageText, is_translatable, source_language, target_languages

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
    from django.conf import settings

    return str(dict(settings.LANGUAGES).get(code, code))


def content_page(page, revision=None):
    """``page`` with the translatable text of ``revision``, built without database queries.

    Only the translated fields (and ``original_language``) are read from the
    revision: building a whole page from a revision would look up every
    foreign key it mentions.
    """
    if revision is None:
        return page
    from .segments import language_codes, translatable_fields

    obj = copy.copy(page)
    model = type(page)
    content = revision.content
    names = [f"{name}_{code}" for name in translatable_fields(model) for code in language_codes()]
    names += ["original_language", "translation_ready"]
    for name in names:
        if name not in content:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        setattr(obj, field.attname, field.to_python(content[name]))
    return obj


def valid_state(state, text):
    if state is None or state.source_language != text.source:
        return None
    return state


def derive(text, language, state, page=None):
    """The PageStatus of ``language`` for the page behind ``text``."""
    state = valid_state(state, text)
    text.with_pairs(state.block_pairs if state else {})
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
        if provenance and current_target and provenance.get("fingerprint") == current_target:
            status = SEGMENT_MACHINE if provenance.get("source") in (None, current_source) else SEGMENT_STALE
        elif not current_source:
            if not synced_source.get(key):
                continue  # text only the target has (a translator's addition): nothing to sync
            status = SEGMENT_REMOVED
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
        page=page or text.page,
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


def latest_text(page):
    """PageText of ``page``'s latest revision (or of the page row when it has none)."""
    page = page.specific
    # Read the revision pointer afresh: the caller's instance may predate the last save.
    latest_id = Page.objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True).first()
    revision = Revision.objects.filter(pk=latest_id).first() if latest_id else None
    if revision is not None:
        page.latest_revision_id = latest_id
    return PageText(content_page(page, revision))


def page_status(page, language=None):
    """The PageStatus of one page, for ``language`` or its first target language."""
    text = latest_text(page)
    language = language or target_languages(text.page)[0]
    state = TranslationState.objects.filter(page_id=page.pk, language=language).first()
    return derive(text, language, state, page=page)


def translatable_pages(queryset=None):
    """Pages of every type with translated prose, specific, in tree order."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    models = [model for model in get_page_models() if model is not Page and is_translatable(model)]
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    queryset = queryset if queryset is not None else Page.objects.all()
    return queryset.filter(content_type__in=list(content_types)).order_by("path")


def statuses_for(pages, languages=None):
    """PageStatus rows for many specific pages, in a fixed number of queries."""
    pages = list(pages)
    revisions = Revision.objects.in_bulk([page.latest_revision_id for page in pages if page.latest_revision_id])
    states = {
        (state.page_id, state.language): state
        for state in TranslationState.objects.filter(page_id__in=[page.pk for page in pages])
    }
    rows = []
    for page in pages:
        text = PageText(content_page(page, revisions.get(page.latest_revision_id)))
        for language in target_languages(text.page):
            if languages and language not in languages:
                continue
            rows.append(derive(text, language, states.get((page.pk, language)), page=page))
    return rows


def all_statuses(user=None, languages=None):
    queryset = Page.objects.all()
    if user is not None:
        from wagtail.permission_policies.pages import PagePermissionPolicy

        queryset = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return statuses_for(translatable_pages(queryset).specific(), languages)


def _state_for(page_id, language, source):
    state, _created = TranslationState.objects.select_for_update().get_or_create(
        page_id=page_id, language=language, defaults={"source_language": source}
    )
    if state.source_language != source:
        state.source_language = source
        state.source_fingerprints, state.target_fingerprints = {}, {}
        state.source_snapshot, state.machine_segments, state.block_pairs = {}, {}, {}
    return state


def unreviewed_machine_keys(text, language, state):
    """Keys of ``language`` segments whose text is still exactly what a machine (or a copy) wrote."""
    state = valid_state(state, text)
    if state is None or not state.machine_segments:
        return set()
    text.with_pairs(state.block_pairs)
    target = text.segments(language)
    return {
        key
        for key, provenance in state.machine_segments.items()
        if key in target and target[key].fingerprint and target[key].fingerprint == provenance.get("fingerprint")
    }


def languages_with_unreviewed_machine_text(page):
    """Target languages of ``page`` (as it is in memory) that hold unreviewed machine text."""
    if page.pk is None or not is_translatable(type(page)):
        return []
    states = {state.language: state for state in TranslationState.objects.filter(page_id=page.pk)}
    if not any(state.machine_segments for state in states.values()):
        return []
    text = PageText(page)
    return [
        language for language in target_languages(page) if unreviewed_machine_keys(text, language, states.get(language))
    ]


@transaction.atomic
def confirm(text, language, keys=None, user=None, revision=None, remember=True, exclude=()):
    """Record ``language``'s text as in sync with the current source.

    ``keys`` limits the confirmation to some segments (the ones a translator
    touched); by default every segment except ``exclude`` is confirmed.
    Confirmed pairs go into the translation memory, and any machine-draft
    mark on them is cleared, because a person has now reviewed them.
    """
    source = text.source
    state = _state_for(text.page.pk, language, source)
    text.with_pairs(state.block_pairs)
    src, tgt = text.segments(source), text.segments(language)
    if keys is None:
        keys = set(src) | set(tgt) | set(state.source_fingerprints) | set(state.machine_segments)
    keys = set(keys) - set(exclude)
    for key in keys:
        source_segment, target_segment = src.get(key), tgt.get(key)
        if source_segment and source_segment.fingerprint:
            state.source_fingerprints[key] = source_segment.fingerprint
            state.source_snapshot[key] = source_segment.text
        else:
            state.source_fingerprints.pop(key, None)
            state.source_snapshot.pop(key, None)
        if target_segment and target_segment.fingerprint:
            state.target_fingerprints[key] = target_segment.fingerprint
        else:
            state.target_fingerprints.pop(key, None)
        state.machine_segments.pop(key, None)
        if remember and source_segment and target_segment and target_segment.fingerprint:
            memory.remember(source, language, source_segment.text, target_segment.text, source_segment.kind)
    current_pairs = text.block_pairs(language)
    for field_name, pairs in current_pairs.items():
        state.block_pairs.setdefault(field_name, {}).update(pairs)
    if revision is not None:
        state.source_revision = revision
    state.confirmed_at = timezone.now()
    state.confirmed_by = user if user is not None and user.is_authenticated else None
    state.save()
    return state


def record_machine_segments(text, language, provenance_by_key):
    """Mark segments as machine-written and unreviewed, with their provenance."""
    source = text.source
    with transaction.atomic():
        state = _state_for(text.page.pk, language, source)
        text.with_pairs(state.block_pairs)
        src, tgt = text.segments(source), text.segments(language)
        for key, provenance in provenance_by_key.items():
            if key in tgt and tgt[key].fingerprint:
                state.machine_segments[key] = {
                    **provenance,
                    "fingerprint": tgt[key].fingerprint,
                    "source": src[key].fingerprint if key in src else "",
                    "at": timezone.now().isoformat(),
                }
        state.save()
    return state


def record_revision(revision):
    """Confirm the target segments a person changed in a newly saved revision.

    The first revision that has text in a language sets its baseline. Later
    revisions confirm each target segment whose text differs from the last
    confirmed one (and is not an untouched machine draft); a revision that
    changes only the source leaves the target stale. Saves made by this app
    (imports, machine drafts, copies) set ``_translations_save`` on the page
    and record their own state.
    """
    page = revision.content_object
    if not isinstance(page, Page):
        return
    if type(page) is Page:
        return
    if not is_translatable(type(page)) or getattr(page, "_translations_save", None):
        return
    text = PageText(page)
    user = revision.user
    for language in target_languages(page):
        state = valid_state(TranslationState.objects.filter(page_id=page.pk, language=language).first(), text)
        if state is None:
            if text.has_any(language):
                confirm(text, language, user=user, revision=revision)
            continue
        text.with_pairs(state.block_pairs)
        src, tgt = text.segments(text.source), text.segments(language)
        changed = []
        for key in set(tgt) | set(state.target_fingerprints):
            current = tgt[key].fingerprint if key in tgt else ""
            if current == state.target_fingerprints.get(key, ""):
                continue
            provenance = state.machine_segments.get(key)
            if provenance and provenance.get("fingerprint") == current:
                continue
            changed.append(key)
        for key in state.source_fingerprints:
            gone_from_source = not (key in src and src[key].fingerprint)
            gone_from_target = not (key in tgt and tgt[key].fingerprint)
            if gone_from_source and gone_from_target and key not in changed:
                changed.append(key)
        if changed:
            confirm(text, language, keys=changed, user=user, revision=revision)


def save_draft(page, user=None, mode="import", log_action=True):
    """Save ``page`` (already changed) as a new draft revision made by this app."""
    page._translations_save = mode
    try:
        return page.save_revision(user=user, log_action=log_action, clean=False)
    finally:
        del page._translations_save


def state_pairs(page, language):
    state = TranslationState.objects.filter(page_id=page.pk, language=language).only("block_pairs").first()
    return state.block_pairs if state else {}


def editable_page(page):
    """The page as its latest revision has it, ready for a new revision."""
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def copy_source_into_empty(page, language, user=None):
    """Fill every empty target segment with the source text, as an unreviewed draft."""
    from .segments import set_target_values

    status = page_status(page, language)
    values = {
        segment.key: segment.source.text
        for segment in status.segments
        if segment.status == SEGMENT_MISSING and segment.source is not None
    }
    if not values:
        return 0
    draft = set_target_values(editable_page(page), language, values, pairs=state_pairs(page, language))
    revision = save_draft(draft, user=user, mode="copy")
    record_machine_segments(PageText(draft), language, {key: {"backend": "copy", "model": ""} for key in values})
    _keep_state_revision(page, language, revision)
    return len(values)


def _keep_state_revision(page, language, revision):
    TranslationState.objects.filter(page_id=page.pk, language=language, source_revision__isnull=True).update(
        source_revision=revision
    )


def mark_up_to_date(page, language, user=None, approve_machine=False):
    """Confirm the segments of ``language`` against the current source (a reviewer's decision).

    Unreviewed machine segments are left unreviewed unless ``approve_machine``
    says a person has read and approves them; approved machine text is still
    kept out of the translation memory, which learns only from text a person
    wrote or edited. Returns the number of machine segments left unreviewed.
    """
    text = latest_text(page)
    revision = Revision.objects.filter(pk=text.page.latest_revision_id).first()
    state = TranslationState.objects.filter(page_id=page.pk, language=language).first()
    machine_keys = unreviewed_machine_keys(text, language, state)
    confirm(text, language, user=user, revision=revision, exclude=machine_keys)
    if machine_keys and approve_machine:
        confirm(text, language, keys=machine_keys, user=user, revision=revision, remember=False)
        return 0
    return len(machine_keys)


def save_reviewed_text(page, language, values, user=None, publish=False):
    """Write reviewed target text from the admin and confirm exactly those segments."""
    from .segments import set_target_values

    draft = set_target_values(editable_page(page), language, values, pairs=state_pairs(page, language))
    revision = save_draft(draft, user=user, mode="review")
    confirm(PageText(draft), language, keys=set(values), user=user, revision=revision)
    if publish:
        revision.publish(user=user)
    return revision


class NotReady(Exception):
    pass


def mark_ready(page, language, user=None):
    """Let readers of ``language`` see the translation: tick ``translation_ready``.

    Only an up-to-date (reviewed) translation may be marked ready. The change
    is published at once when the page is live with no other unpublished
    change; otherwise it waits in the draft for whoever publishes next.
    Returns True when published.
    """
    page = Page.objects.get(pk=page.pk).specific
    if not hasattr(page, "translation_ready"):
        raise NotReady(_("This page type has no readiness setting."))
    status = page_status(page, language)
    if status.status != Status.UP_TO_DATE:
        raise NotReady(_("Only an up-to-date, reviewed translation can be marked ready."))
    had_unpublished_changes = page.has_unpublished_changes
    draft = editable_page(page)
    draft.translation_ready = True
    revision = save_draft(draft, user=user, mode="ready")
    if page.live and not had_unpublished_changes:
        revision.publish(user=user)
        return True
    return False


def record_baseline():
    """Confirm every existing translation that has no recorded state yet.

    Pages translated before this app was installed would otherwise all look
    stale; the operator runs this once, accepting them as they are. Missing
    translations stay missing. Returns how many were confirmed.
    """
    confirmed = 0
    known = set(TranslationState.objects.values_list("page_id", "language"))
    for page in translatable_pages().specific():
        for language in target_languages(page):
            if (page.pk, language) in known or page_status(page, language).status == Status.MISSING:
                continue
            mark_up_to_date(page, language)
            confirmed += 1
    return confirmed


def readiness(page):
    """Whether readers of the non-original language get the translation (live page)."""
    return bool(getattr(page, "translation_ready", True))


__all__ = ["Status", "derive", "page_status", "source_language"]
