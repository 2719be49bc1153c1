"""What the side-by-side editor shows for each segment: diffs, placeholders, memory suggestions."""

from . import memory
from .diff import highlight, show
from .machine import get_backend
from .richtext import PLACEHOLDER_RE, describe, looks_like_html, renumber, to_placeholders
from .segments import HTML
from .status import SEGMENT_MACHINE, SEGMENT_MISSING, SEGMENT_NEW


def placeholder_chips(codes):
    """``(opening, closing, markup)`` for each tag of the source, for buttons that wrap the selected words."""
    chips = []
    for key, markup in codes.items():
        if key == "wrapper" or key.startswith("/"):
            continue
        if key.endswith("/"):
            chips.append(("{" + key + "}", "", markup))
        else:
            chips.append(("{" + key + "}", "{/" + key + "}", markup))
    return chips


def editable_suggestion(text, codes):
    """A suggested translation as the translator edits it: the source's placeholders, or just its words."""
    if not text or not looks_like_html(text):
        return text
    renumbered = renumber(text, codes)
    # Markup that differs from the source's (or a service that dropped it) still offers its words.
    return renumbered if renumbered is not None else PLACEHOLDER_RE.sub("", to_placeholders(text)[0])


def review_rows(status, form, show_all, suggestions=None, errors=None):
    """One row per segment shown: the source then and now (diffed), the target, its field and suggestions."""
    shown = status.segments if show_all else status.changed_segments()
    near_wanted = [segment for segment in shown if segment.source is not None and segment.needs_work]
    source_language = status.source_language
    exact = memory.exact_matches(source_language, status.language, [segment.source.text for segment in near_wanted])
    rows = []
    for segment in shown:
        source_now = segment.source.text if segment.source else ""
        codes = to_placeholders(source_now)[1] if segment.kind == HTML and source_now else {}
        rows.append(
            {
                "segment": segment,
                "field": form[segment.key] if segment.key in form.fields else None,
                "source_then": show(segment.source_then) if segment.source_then is not None else None,
                "source_now": highlight(segment.source_then, source_now)
                if segment.source_then is not None
                else show(source_now),
                "target": show(segment.target.text if segment.target else ""),
                "exact": editable_suggestion(exact.get(source_now), codes)
                if segment.status in (SEGMENT_MISSING, SEGMENT_NEW)
                else None,
                "near": [
                    {
                        "percent": near.percent,
                        "source_text": to_placeholders(near.source_text)[0]
                        if looks_like_html(near.source_text)
                        else near.source_text,
                        "target_text": editable_suggestion(near.target_text, codes),
                    }
                    for near in memory.near_matches(source_language, status.language, source_now)
                ]
                if segment in near_wanted
                else [],
                "markup": describe(codes) if codes else "",
                "chips": placeholder_chips(codes),
                "machine": (suggestions or {}).get(segment.key),
                "machine_errors": (errors or {}).get(segment.key, []),
            }
        )
    return rows


def machine_segments(status):
    return [segment for segment in status.segments if segment.status == SEGMENT_MACHINE]


def machine_suggestion(segment, source_language, language, backend_name):
    """A machine translation of one source segment, as the translator edits it (placeholders for markup)."""
    html = segment.kind == HTML
    translated = get_backend(backend_name).translate([segment.source.text], source_language, language, html=html)[0]
    return editable_suggestion(translated, to_placeholders(segment.source.text)[1]) if html else translated
