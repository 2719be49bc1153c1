"""Translator files: PO (gettext, via polib) and XLIFF 2.0, out and back in.

A file holds one target language. Each segment carries its page id and
segment key (field, block id, path inside the block) as context, the source
text, and the current target text. Rich text travels as the stored HTML, so
markup and links survive the round trip; an imported translation must use
exactly the source's tags and attributes.

On import every segment is checked against the page's current source text:
one whose source changed since export is a conflict and is not applied. By
default a file with any conflict or error applies nothing.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, SubElement, tostring

import polib
from defusedxml.ElementTree import fromstring
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import memory
from .actions import confirm, editable_page, save_draft, save_snippet_text, state_pairs
from .diff import markup_matches
from .richtext import (
    PLACEHOLDER_RE,
    PlaceholderError,
    describe,
    from_placeholders,
    looks_like_html,
    renumber,
    to_placeholders,
)
from .segments import (
    HTML,
    SEPARATOR,
    PageText,
    is_translatable,
    language_codes,
    normalise,
    set_target_values,
    target_languages,
)
from .snippets import SnippetText, from_references
from .snippets import reference as snippet_reference
from .status import (
    SEGMENT_MISSING,
    SEGMENT_NEW,
    SEGMENT_UP_TO_DATE,
    language_name,
    latest_text,
    snippet_statuses,
    statuses_for,
)
from .validation import InvalidFile, check_po, check_xliff

PO = "po"
XLIFF = "xliff"
FORMATS = (PO, XLIFF)
XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"


class FileError(ValueError):
    """A file that cannot be read as a translator file of this site."""


@dataclass
class ExportSegment:
    page_id: int | str  # a page's id, or a snippet's reference (``blog.author.3``)
    page_title: str
    key: str
    label: str
    status: str
    source: str
    target: str
    previous_source: str | None
    suggestion: bool
    codes: dict = field(default_factory=dict)

    @property
    def context(self):
        return f"{self.page_id}{SEPARATOR}{self.key}"


def export_segments(pages, include_all, language, snippets):
    """(source language, target language, [ExportSegment]) for specific ``pages`` and translatable ``snippets``."""
    languages = [language] if language else None
    rows = statuses_for(pages, languages) + snippet_statuses(snippets, languages)
    pairs = {(row.source_language, row.language) for row in rows}
    if not rows:
        raise FileError(_("None of the chosen pages has text to translate."))
    if len(pairs) > 1:
        raise FileError(_("The chosen pages translate into different languages; export each language separately."))
    source_language, target_language = pairs.pop()
    wanted = []
    for row in rows:
        for segment in row.segments:
            if segment.source is None or not normalise(segment.source.text):
                continue
            if include_all or segment.needs_work:
                wanted.append((row, segment))
    suggestions = memory.exact_matches(
        source_language,
        target_language,
        [segment.source.text for _row, segment in wanted if segment.status in (SEGMENT_MISSING, SEGMENT_NEW)],
    )
    result = []
    for row, segment in wanted:
        target = segment.target.text if segment.target else ""
        suggested = False
        if not normalise(target) and segment.source.text in suggestions:
            target, suggested = suggestions[segment.source.text], True
        changed = segment.source_then is not None and normalise(segment.source_then, segment.kind) != normalise(
            segment.source.text, segment.kind
        )
        source, codes = segment.source.text, {}
        if segment.kind == HTML:
            # Rich text travels as words and numbered placeholders: translators move tags, never type them.
            source, codes = to_placeholders(segment.source.text)
            if normalise(target):
                renumbered = renumber(target, codes)
                if renumbered is None:
                    # The translation's markup differs from the source's: offer its words for review.
                    renumbered, suggested = PLACEHOLDER_RE.sub("", to_placeholders(target)[0]), True
                target = renumbered
        result.append(
            ExportSegment(
                page_id=row.page.pk if isinstance(row.page, Page) else snippet_reference(row.page),
                page_title=row.title,
                key=segment.key,
                label=segment.label,
                status=segment.status,
                source=source,
                target=target,
                previous_source=_previous(segment.source_then, segment.kind) if changed else None,
                suggestion=suggested
                or (
                    segment.status not in (SEGMENT_UP_TO_DATE, SEGMENT_MISSING, SEGMENT_NEW) and bool(normalise(target))
                ),
                codes=codes,
            )
        )
    return source_language, target_language, result


def _previous(text, kind):
    return to_placeholders(text)[0] if kind == HTML else text


def export_po(source_language, target_language, segments, user=None):
    """A PO file (text). Targets needing review are fuzzy, with the old source as ``#| msgid``."""
    po = polib.POFile(wrapwidth=0)
    now = timezone.now().strftime("%Y-%m-%d %H:%M%z")
    translator = (user.get_full_name() or user.get_username()) if user is not None and user.pk else "Frontera"
    po.metadata = {
        "Project-Id-Version": "Frontera",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Last-Translator": translator,
        "Language-Team": language_name(target_language),
        "Language": target_language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_language,
        "X-Generator": "Frontera translations",
    }
    for segment in segments:
        comment = "\n".join(
            [
                f"Page {segment.page_id}: {segment.page_title}",
                f"Field: {segment.label}",
                f"Status: {segment.status}",
                *([f"Markup: {describe(segment.codes)}"] if segment.codes else []),
            ]
        )
        entry = polib.POEntry(
            msgctxt=segment.context,
            msgid=segment.source,
            msgstr=segment.target,
            comment=comment,
            flags=["fuzzy"] if segment.suggestion else [],
        )
        if segment.previous_source:
            entry.previous_msgid = segment.previous_source
        po.append(entry)
    return str(po)


def export_xliff(source_language, target_language, segments):
    """An XLIFF 2.0 document (bytes, UTF-8). Targets needing review have ``state="initial"``."""
    root = Element("xliff", {"xmlns": XLIFF_NS, "version": "2.0", "srcLang": source_language})
    root.set("trgLang", target_language)
    files = {}
    for segment in segments:
        if segment.page_id not in files:
            kind = "page" if isinstance(segment.page_id, int) else "snippet"
            file_element = SubElement(
                root, "file", {"id": f"{kind}-{segment.page_id}", "original": f"{kind}:{segment.page_id}"}
            )
            notes = SubElement(file_element, "notes")
            note = SubElement(notes, "note", {"category": "title"})
            note.text = segment.page_title
            files[segment.page_id] = file_element
        unit = SubElement(files[segment.page_id], "unit", {"id": segment.key, "name": segment.label})
        notes = SubElement(unit, "notes")
        SubElement(notes, "note", {"category": "status"}).text = segment.status
        if segment.previous_source:
            SubElement(notes, "note", {"category": "previous-source"}).text = segment.previous_source
        if any(key != "wrapper" for key in segment.codes):
            original = SubElement(unit, "originalData")
            for key, markup in segment.codes.items():
                if key != "wrapper":
                    SubElement(original, "data", {"id": _data_id(key)}).text = markup
        state = "initial" if segment.suggestion or not normalise(segment.target) else "translated"
        xml_segment = SubElement(unit, "segment", {"state": state})
        _inline(SubElement(xml_segment, "source"), segment.source, segment.codes)
        if segment.target:
            _inline(SubElement(xml_segment, "target"), segment.target, segment.codes)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode").encode()


def _data_id(key):
    """The ``originalData`` id of a placeholder: ``d1`` opens, ``d1e`` closes, ``d2`` is a void tag."""
    return "d" + key.strip("/") + ("e" if key.startswith("/") else "")


def _inline(element, text, codes):
    """Fill ``element`` with ``text``, its placeholders as XLIFF ``<pc>`` and ``<ph>`` inline codes."""
    if not codes:
        element.text = text
        return
    stack, last, position = [element], None, 0

    def add_text(value):
        if not value:
            return
        if last is None:
            stack[-1].text = (stack[-1].text or "") + value
        else:
            last.tail = (last.tail or "") + value

    for match in PLACEHOLDER_RE.finditer(text):
        add_text(text[position : match.start()])
        position = match.end()
        closing, number, void = match.groups()
        if void:
            last = SubElement(stack[-1], "ph", {"id": number, "dataRef": _data_id(number + "/")})
        elif closing:  # placeholders come from stored HTML, so each closing one has its opening one
            last = stack.pop()
        else:
            code = SubElement(
                stack[-1], "pc", {"id": number, "dataRefStart": _data_id(number), "dataRefEnd": _data_id("/" + number)}
            )
            stack.append(code)
            last = None
    add_text(text[position:])


def _flatten(element, namespace):
    """The text of an XLIFF ``<source>`` or ``<target>`` with its inline codes back as placeholders."""
    parts = [element.text or ""]
    for child in element:
        # check_xliff has passed the file, and the schema requires an id on every pc and ph.
        if child.tag == namespace + "pc":
            parts.append("{" + child.attrib["id"] + "}" + _flatten(child, namespace) + "{/" + child.attrib["id"] + "}")
        elif child.tag == namespace + "ph":
            parts.append("{" + child.attrib["id"] + "/}")
        else:  # a tool's own annotation (mrk, sm, em): its text is the translation's
            parts.append(_flatten(child, namespace))
        parts.append(child.tail or "")
    return "".join(parts)


def export(pages, file_format=PO, include_all=False, language=None, user=None, snippets=()):
    """(content bytes, file extension, segment count) for ``pages`` and ``snippets``; ``user`` is the translator."""
    source_language, target_language, segments = export_segments(pages, include_all, language, snippets)
    if file_format == XLIFF:
        return export_xliff(source_language, target_language, segments), "xlf", len(segments)
    return export_po(source_language, target_language, segments, user).encode(), "po", len(segments)


@dataclass
class ImportedSegment:
    page_id: int | str  # a page's id, or a snippet's reference
    key: str
    source: str
    target: str
    translated: bool


# An id as exports write it: ASCII digits that fit the database's integer. str.isdigit
# also takes "²" (which int() refuses) and "٦" (which it reads as 6).
EXPORTED_ID = re.compile(r"[0-9]{1,18}")


def _subject(text):
    """A page id (int), a snippet reference (``app.model.id``), or None for anything else."""
    if EXPORTED_ID.fullmatch(text):
        return int(text)
    parts = text.split(".")
    if len(parts) == 3 and all(part.isidentifier() for part in parts[:2]) and EXPORTED_ID.fullmatch(parts[2]):
        return text
    return None


def parse_po(text):
    """(language, [ImportedSegment]) of a PO file that ``check_po`` has passed, as text."""
    po = polib.pofile(text)
    language = po.metadata.get("Language", "")
    items = []
    for entry in po:
        if entry.obsolete:
            continue
        page_id, _sep, key = (entry.msgctxt or "").partition(SEPARATOR)
        subject = _subject(page_id)
        if subject is None or not key:
            raise FileError(_("An entry has no page and field context; was this file exported here?"))
        translated = bool(entry.msgstr.strip()) and "fuzzy" not in entry.flags
        items.append(ImportedSegment(subject, key, entry.msgid, entry.msgstr, translated))
    return language, items


def parse_xliff(content):
    """(language, [ImportedSegment]) of an XLIFF 2 file that ``check_xliff`` has passed."""
    root = fromstring(content)
    namespace = "{" + XLIFF_NS + "}"
    language = root.get("trgLang", "")
    items = []
    for file_element in root.findall(namespace + "file"):
        kind, _sep, page_id = file_element.get("original", "").partition(":")
        subject = _subject(page_id)
        if subject is None or (kind, isinstance(subject, int)) not in (("page", True), ("snippet", False)):
            raise FileError(_("A file element does not name a page; was this file exported here?"))
        for unit in file_element.iter(namespace + "unit"):
            source_text, target_text, translated = _unit_text(unit, namespace)
            # The schema requires an id on every unit.
            items.append(
                ImportedSegment(
                    subject, unit.attrib["id"], source_text, target_text, bool(target_text.strip()) and translated
                )
            )
    return language, items


def _unit_text(unit, namespace):
    """(source, target, translated) of one unit, its segments and ignorables joined in order.

    Translation tools may split a unit into one segment per sentence, with the
    spaces between them in ``ignorable`` elements. An ignorable is not
    translatable: its source stands in the target too. The unit counts as
    translated only when it has a segment and every segment has a target and
    a translated state.
    """
    sources, targets, has_segment, translated = [], [], False, True
    for part in unit:
        if part.tag not in (namespace + "segment", namespace + "ignorable"):
            continue
        # The schema requires a source in each; a missing state is XLIFF's "initial".
        sources.append(_flatten(part.find(namespace + "source"), namespace))
        if part.tag == namespace + "ignorable":
            targets.append(sources[-1])
            continue
        has_segment = True
        target = part.find(namespace + "target")
        targets.append("" if target is None else _flatten(target, namespace))
        translated = translated and target is not None and part.get("state") in ("translated", "reviewed", "final")
    return "".join(sources), "".join(targets), translated and has_segment


def parse(content, name):
    """(language, [ImportedSegment]) of a PO or XLIFF file, refused whole when it is damaged."""
    text = content if isinstance(content, bytes) else content.encode()
    try:
        if name.lower().endswith((".xlf", ".xliff")) or text.lstrip().startswith(b"<"):
            return parse_xliff(check_xliff(text))
        return parse_po(check_po(text))
    except InvalidFile as error:
        raise FileError(str(error)) from error


@dataclass
class ImportResult:
    language: str
    applied: list = field(default_factory=list)
    confirmed: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    revisions: list = field(default_factory=list)
    applied_anything: bool = False

    @property
    def ok(self):
        return not self.conflicts and not self.errors

    @property
    def applied_links(self):
        """(page id or snippet reference, review URL or "", segment key) for each applied segment."""
        links = []
        for subject, key in self.applied:
            url = reverse("translations_admin:page", args=[subject, self.language]) if isinstance(subject, int) else ""
            links.append((subject, url, key))
        return links


def import_file(
    content, name="", user=None, partial=False, dry_run=False, progress=None, allowed_pages=None, allowed_snippets=None
):
    """Validate a translator file against the current source and write draft revisions.

    Returns an ImportResult listing what was applied, what was confirmed
    unchanged, the conflicts (source changed since export), errors and
    skipped (untranslated or fuzzy) segments. With any conflict or error,
    nothing is applied unless ``partial`` is set. ``allowed_pages`` and
    ``allowed_snippets`` limit what a file may change (what the importing
    user may edit).
    """
    language, items = parse(content, name)
    result = ImportResult(language=language)
    by_page, by_snippet = defaultdict(list), defaultdict(list)
    for item in items:
        (by_page if isinstance(item.page_id, int) else by_snippet)[item.page_id].append(item)
    snippet_plans = _plan_snippets(by_snippet, language, result, allowed_snippets)
    pages_queryset = allowed_pages if allowed_pages is not None else Page.objects.all()
    pages = {page.pk: page for page in pages_queryset.filter(pk__in=list(by_page)).specific()}
    plans = []
    for page_id, page_items in by_page.items():
        page = pages.get(page_id)
        if page is None or not is_translatable(type(page)):
            message = _("The page does not exist or you may not edit it.")
            result.errors.extend((page_id, item.key, message) for item in page_items)
            continue
        text = latest_text(page)
        if language not in target_languages(text.page):
            result.errors.append((page_id, "", _("The file's language is not a translation of this page.")))
            continue
        current_source = text.segments(text.source)
        current_target = text.segments(language)
        values, keys = {}, set()
        for item in page_items:
            if not item.translated:
                result.skipped.append((page_id, item.key, _("not translated or marked for review")))
                continue
            segment = current_source.get(item.key)
            if segment is None or not normalise(segment.text):
                result.conflicts.append((page_id, item.key, _("This text is no longer in the page.")))
                continue
            target_text = item.target
            if segment.kind == HTML and not looks_like_html(item.source):
                source_text, codes = to_placeholders(segment.text)
                if normalise(source_text) != normalise(item.source):
                    result.conflicts.append((page_id, item.key, _("The source text changed since the export.")))
                    continue
                try:
                    target_text = from_placeholders(item.target.strip(), codes)
                except PlaceholderError as error:
                    result.errors.append(
                        (
                            page_id,
                            item.key,
                            _("Use each placeholder of the source once, opened and closed in order: %(code)s")
                            % {"code": str(error)},
                        )
                    )
                    continue
            elif normalise(segment.text, segment.kind) != normalise(item.source, segment.kind):
                result.conflicts.append((page_id, item.key, _("The source text changed since the export.")))
                continue
            elif segment.kind == HTML and not markup_matches(segment.text, item.target):
                # A file exported before placeholders carries the HTML itself.
                result.errors.append((page_id, item.key, _("The translation changes the markup or links.")))
                continue
            keys.add(item.key)
            existing = current_target.get(item.key)
            if existing is None or normalise(existing.text, segment.kind) != normalise(target_text, segment.kind):
                values[item.key] = target_text
        plans.append((page, values, keys))
    if not result.ok and not partial:
        return result
    if dry_run:
        # Report what would be applied and confirmed, writing nothing.
        for page, values, keys in plans + snippet_plans:
            subject = page.pk if isinstance(page, Page) else snippet_reference(page)
            result.applied.extend((subject, key) for key in values)
            result.confirmed.extend((subject, key) for key in keys - set(values))
        return result
    with transaction.atomic():
        for index, (page, values, keys) in enumerate(plans):
            if values:
                draft = set_target_values(editable_page(page), language, values, pairs=state_pairs(page, language))
                revision = save_draft(draft, user=user)
                confirm(PageText(draft), language, keys=keys, user=user, revision=revision)
                result.revisions.append(revision)
                result.applied.extend((page.pk, key) for key in values)
                result.applied_anything = True
            if keys - set(values):
                if not values:
                    confirm(latest_text(page), language, keys=keys - set(values), user=user)
                result.confirmed.extend((page.pk, key) for key in keys - set(values))
            if progress:
                progress(index + 1, len(plans))
        for obj, values, keys in snippet_plans:
            reference = snippet_reference(obj)
            if values:
                save_snippet_text(obj, language, values, keys, user=user)
                result.applied.extend((reference, key) for key in values)
                result.applied_anything = True
            elif keys:
                confirm(SnippetText(obj), language, keys=keys, user=user)
            result.confirmed.extend((reference, key) for key in keys - set(values))
    return result


def _plan_snippets(by_snippet, language, result, allowed=None):
    """[(snippet, {field: text to write}, {fields to confirm})] for a file's snippet entries; problems in ``result``."""
    found = from_references(by_snippet)
    if allowed is not None:
        allowed = {snippet_reference(obj) for obj in allowed}
        found = {ref: obj for ref, obj in found.items() if ref in allowed}
    plans = []
    for ref, items in by_snippet.items():
        obj = found.get(ref)
        if obj is None:
            result.errors.extend(
                (ref, item.key, _("The snippet does not exist or you may not edit it.")) for item in items
            )
            continue
        text = SnippetText(obj)
        if language == text.source or language not in language_codes():
            result.errors.append((ref, "", _("The file's language is not a translation of this page.")))
            continue
        source, target = text.segments(text.source), text.segments(language)
        values, keys = {}, set()
        for item in items:
            if not item.translated:
                result.skipped.append((ref, item.key, _("not translated or marked for review")))
                continue
            segment = source.get(item.key)
            if segment is None or not normalise(segment.text):
                result.conflicts.append((ref, item.key, _("This text is no longer in the page.")))
                continue
            if normalise(segment.text) != normalise(item.source):
                result.conflicts.append((ref, item.key, _("The source text changed since the export.")))
                continue
            keys.add(item.key)
            if normalise(target[item.key].text) != normalise(item.target):
                values[item.key] = item.target.strip()
        plans.append((obj, values, keys))
    return plans
