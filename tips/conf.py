"""The tip line's settings, each read when it is needed, with its default.

Reading at call time (never at import) lets tests and operators change a
limit without restarting anything that imported this module.
"""

from pathlib import Path

from django.conf import settings

DEFAULT_ALLOWED_EXTENSIONS = (
    # Photos: rebuilt from their pixels, so their metadata is removed.
    "jpg",
    "jpeg",
    "png",
    "webp",
    "heic",
    # Video and audio: stored as sent (metadata cannot be removed here).
    "mp4",
    "mov",
    "webm",
    "mp3",
    "m4a",
    "ogg",
    "wav",
    # Documents: stored as sent.
    "pdf",
    "txt",
    "docx",
    "xlsx",
    "odt",
    "ods",
)


def storage_root():
    """Where uploaded files live: never under MEDIA_ROOT or STATIC_ROOT."""
    return Path(getattr(settings, "TIPS_STORAGE_ROOT", settings.BASE_DIR / "private" / "tips"))


def public_key_text():
    return (getattr(settings, "TIPS_PUBLIC_KEY", "") or "").strip()


def max_files():
    return int(getattr(settings, "TIPS_MAX_FILES", 5))


def max_file_size():
    """Largest accepted file, in bytes (25 MB by default)."""
    return int(getattr(settings, "TIPS_MAX_FILE_SIZE", 25 * 1024 * 1024))


def max_image_pixels():
    """Largest accepted photo, in pixels (40 megapixels by default).

    Checked from the file's header before any pixel is decoded, and kept well
    below Pillow's own decompression-bomb threshold (about 89 megapixels).
    """
    return int(getattr(settings, "TIPS_MAX_IMAGE_PIXELS", 40_000_000))


def max_submission_pixels():
    """Largest total of pixels over every photo in one tip (60 megapixels by default).

    Rebuilding a photo costs about a second per 10 megapixels of one worker's
    time; without a total, five photos at the single-photo limit would hold a
    worker past its timeout, and two such posts would take the site down.
    """
    return int(getattr(settings, "TIPS_MAX_SUBMISSION_PIXELS", 60_000_000))


def max_submission_size():
    """Largest total of all files in one tip, in bytes (40 MB by default)."""
    return int(getattr(settings, "TIPS_MAX_SUBMISSION_SIZE", 40 * 1024 * 1024))


def allowed_extensions():
    return tuple(
        ext.lower().lstrip(".") for ext in getattr(settings, "TIPS_ALLOWED_EXTENSIONS", DEFAULT_ALLOWED_EXTENSIONS)
    )


def max_message_length():
    return int(getattr(settings, "TIPS_MAX_MESSAGE_LENGTH", 20_000))


def form_max_age():
    """Seconds a rendered tip form stays valid (six hours by default)."""
    return int(getattr(settings, "TIPS_FORM_MAX_AGE", 6 * 60 * 60))


def codename_pepper():
    """Extra salt mixed into codename hashes; changing it orphans every codename."""
    return getattr(settings, "TIPS_CODENAME_PEPPER", "") or ""


def rate_window():
    """Seconds over which the tip line's budgets are counted: a UTC day by default.

    Counters live in the cache until their window ends, and a counter for
    the current window says that someone posted within it; with a day, that
    is no finer than the date every tip keeps anyway.
    """
    return int(getattr(settings, "TIPS_RATE_WINDOW", 24 * 60 * 60))


def tips_per_client():
    """Tips (and follow-ups) one client fingerprint may post per window."""
    return int(getattr(settings, "TIPS_SUBMISSIONS_PER_CLIENT", 10))


def tips_total():
    """Tips (and follow-ups) everyone together may post per window."""
    return int(getattr(settings, "TIPS_SUBMISSIONS_TOTAL", 200))


def codename_checks_per_client():
    """Codename checks (one scrypt run each) one client fingerprint may make per window."""
    return int(getattr(settings, "TIPS_CODENAME_CHECKS_PER_CLIENT", 30))


def codename_checks_total():
    """Codename checks everyone together may make per window."""
    return int(getattr(settings, "TIPS_CODENAME_CHECKS_TOTAL", 1000))
