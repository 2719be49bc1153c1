"""Translation actions: every write the translation tooling makes.

Confirming a language version against its source, recording machine drafts
and revisions, saving reviewed text as drafts, marking a translation ready.
What a status is, is worked out in ``status``; this module only records it.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

from . import memory
from .models import Status, TranslationState
from .segments import (
    PageText,
    is_translatable,
    language_codes,
    remove_target_values,
    set_target_values,
    target_languages,
)
from .snippets import SnippetText
from .snippets import set_target_values as set_snippet_values
from .status import (
    SEGMENT_MISSING,
    latest_text,
    machine_text_readers_would_see,
    page_status,
    snippet_states_of,
    state_lookup,
    states_of,
    text_with_states,
    translatable_pages,
    unreviewed_machine_keys,
    valid_state,
)


def _state_for(obj, language, source):
    state, _created = TranslationState.objects.select_for_update().get_or_create(
        **state_lookup(obj), language=language, defaults={"source_language": source}
    )
    if state.source_language != source:
        state.source_language = source
        state.source_fingerprints, state.target_fingerprints = {}, {}
        state.source_snapshot, state.machine_segments, state.block_pairs = {}, {}, {}
    return state


@transaction.atomic
def confirm(text, language, keys=None, user=None, revision=None, remember=True, exclude=()):
    """Record ``language``'s text as in sync with the current source.

    ``keys`` limits the confirmation to some segments (the ones a translator
    touched); by default every segment except ``exclude`` is confirmed.
    Confirmed pairs go into the translation memory, and any machine-draft
    mark on them is cleared, because a person has now reviewed them.
    """
    source = text.source
    state = _state_for(text.page, language, source)
    text = text.using_pairs(language, state.block_pairs)
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
        state = _state_for(text.page, language, source)
        text = text.using_pairs(language, state.block_pairs)
        src, tgt = text.segments(source), text.segments(language)
        for key, provenance in provenance_by_key.items():
            if key in tgt and tgt[key].fingerprint:
                state.machine_segments[key] = {
                    **provenance,
                    "fingerprint": tgt[key].fingerprint,
                    "source": src[key].fingerprint,
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
    if not is_translatable(type(page)) or getattr(page, "_translations_save", False):
        return
    states = states_of(page)
    record_person_edits(text_with_states(page, states), states, target_languages(page), revision.user, revision)


def record_snippet_save(obj):
    """Confirm the translated text a person changed in a snippet just saved (see ``record_revision``)."""
    if getattr(obj, "_translations_save", False):
        return
    text = SnippetText(obj)
    record_person_edits(text, snippet_states_of(obj), [code for code in language_codes() if code != text.source])


def record_person_edits(text, states, languages, user=None, revision=None):
    """Confirm, per language, the target segments whose text changed since the last confirmation."""
    for language in languages:
        state = valid_state(states.get(language), text.source)
        if state is None:
            if text.has_any(language):
                confirm(text, language, user=user, revision=revision)
            continue
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


def save_snippet_text(obj, language, values, keys, user=None):
    """Write translated snippet text (from a file or the admin) and confirm ``keys`` against the source."""
    set_snippet_values(obj, language, values)
    obj._translations_save = True
    try:
        obj.save()
    finally:
        del obj._translations_save
    confirm(SnippetText(obj), language, keys=keys, user=user)


def save_draft(page, user=None, log_action=True):
    """Save ``page`` (already changed) as a new draft revision made by this app."""
    page._translations_save = True
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
    status = page_status(page, language)
    values = {
        segment.key: segment.source.text
        for segment in status.segments
        if segment.status == SEGMENT_MISSING and segment.source is not None
    }
    if not values:
        return 0
    draft = set_target_values(editable_page(page), language, values, pairs=state_pairs(page, language))
    save_draft(draft, user=user)
    record_machine_segments(PageText(draft), language, {key: {"backend": "copy"} for key in values})
    return len(values)


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


def save_reviewed_text(page, language, values, user=None, publish=False, removed=()):
    """Write reviewed target text from the admin and confirm exactly those segments.

    ``removed`` names segments the source no longer has that the translator
    takes out of the translation too.

    With ``publish``, the new revision is published, unless readers would
    see machine text nobody reviewed (on a page marked ready, or one with no
    readiness setting): it then waits as a draft. Returns the languages
    holding it back (empty when published or not asked to publish).
    """
    pairs = state_pairs(page, language)
    draft = remove_target_values(editable_page(page), language, removed, pairs=pairs)
    draft = set_target_values(draft, language, values, pairs=pairs)
    revision = save_draft(draft, user=user)
    confirm(PageText(draft), language, keys=set(values) | set(removed), user=user, revision=revision)
    if not publish:
        return []
    held_back = machine_text_readers_would_see(draft)
    if not held_back:
        revision.publish(user=user)
    return held_back


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
    revision = save_draft(draft, user=user)
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
