"""What the side-by-side editor shows for each segment: diffs, placeholders, memory suggestions."""

from . import memory
from .diff import highlight, show
from .richtext import describe, to_placeholders
from .segments import HTML
from .status import SEGMENT_MACHINE, SEGMENT_MISSING, SEGMENT_NEW


def review_rows(status, form, show_all):
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
                "exact": exact.get(source_now) if segment.status in (SEGMENT_MISSING, SEGMENT_NEW) else None,
                "near": memory.near_matches(source_language, status.language, source_now)
                if segment in near_wanted
                else [],
                "markup": describe(codes) if codes else "",
                "codes": codes,
            }
        )
    return rows


def machine_segments(status):
    return [segment for segment in status.segments if segment.status == SEGMENT_MACHINE]
