"""The tip line's settings, each read when it is needed, with its default.

Reading at call time (never at import) lets tests and operators change a
limit without restarting anything that imported this module.
"""

from pathlib import Path

from django.conf import settings

from core.conf import setting as app_setting

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


DEFAULTS = {
    "TIPS_STORAGE_ROOT": None,  # private/tips/ in the project
    "TIPS_PUBLIC_KEY": "",
    "TIPS_MAX_FILES": 5,
    "TIPS_MAX_FILE_SIZE": 25 * 1024 * 1024,
    "TIPS_MAX_IMAGE_PIXELS": 40_000_000,
    "TIPS_MAX_SUBMISSION_SIZE": 40 * 1024 * 1024,
    "TIPS_ALLOWED_EXTENSIONS": DEFAULT_ALLOWED_EXTENSIONS,
    "TIPS_MAX_MESSAGE_LENGTH": 20_000,
    "TIPS_FORM_MAX_AGE": 6 * 60 * 60,
    "TIPS_CODENAME_PEPPER": "",
    "TIPS_RATE_WINDOW": 24 * 60 * 60,
    "TIPS_SUBMISSIONS_PER_CLIENT": 10,
    "TIPS_SUBMISSIONS_TOTAL": 200,
    "TIPS_CODENAME_CHECKS_PER_CLIENT": 30,
    "TIPS_CODENAME_CHECKS_TOTAL": 1000,
}


def setting(name):
    return app_setting(name, DEFAULTS)


def storage_root():
    """Where uploaded files live: never under MEDIA_ROOT or STATIC_ROOT."""
    return Path(setting("TIPS_STORAGE_ROOT") or settings.BASE_DIR / "private" / "tips")


def public_key_text():
    return (setting("TIPS_PUBLIC_KEY") or "").strip()


def max_files():
    return int(setting("TIPS_MAX_FILES"))


def max_file_size():
    """Largest accepted file, in bytes (25 MB by default)."""
    return int(setting("TIPS_MAX_FILE_SIZE"))


def max_image_pixels():
    """Largest accepted photo, in pixels (40 megapixels by default).

    Checked from the file's header before any pixel is decoded, and kept well
    below Pillow's own decompression-bomb threshold (about 89 megapixels).
    """
    return int(setting("TIPS_MAX_IMAGE_PIXELS"))


def max_submission_pixels():
    """Largest total of pixels over every photo in one tip (60 megapixels by default).

    Rebuilding a photo costs about a second per 10 megapixels of one worker's
    time; without a total, five photos at the single-photo limit would hold a
    worker past its timeout, and two such posts would take the site down.
    """
    return int(getattr(settings, "TIPS_MAX_SUBMISSION_PIXELS", 60_000_000))


def max_submission_size():
    """Largest total of all files in one tip, in bytes (40 MB by default)."""
    return int(setting("TIPS_MAX_SUBMISSION_SIZE"))


def allowed_extensions():
    return tuple(ext.lower().lstrip(".") for ext in setting("TIPS_ALLOWED_EXTENSIONS"))


def max_message_length():
    return int(setting("TIPS_MAX_MESSAGE_LENGTH"))


def form_max_age():
    """Seconds a rendered tip form stays valid (six hours by default)."""
    return int(setting("TIPS_FORM_MAX_AGE"))


def codename_pepper():
    """Extra salt mixed into codename hashes; changing it orphans every codename."""
    return setting("TIPS_CODENAME_PEPPER") or ""


def rate_window():
    """Seconds over which the tip line's budgets are counted: a UTC day by default.

    Counters live in the cache until their window ends, and a counter for
    the current window says that someone posted within it; with a day, that
    is no finer than the date every tip keeps anyway.
    """
    return int(setting("TIPS_RATE_WINDOW"))


def tips_per_client():
    """Tips (and follow-ups) one client fingerprint may post per window."""
    return int(setting("TIPS_SUBMISSIONS_PER_CLIENT"))


def tips_total():
    """Tips (and follow-ups) everyone together may post per window."""
    return int(setting("TIPS_SUBMISSIONS_TOTAL"))


def codename_checks_per_client():
    """Codename checks (one scrypt run each) one client fingerprint may make per window."""
    return int(setting("TIPS_CODENAME_CHECKS_PER_CLIENT"))


def codename_checks_total():
    """Codename checks everyone together may make per window."""
    return int(setting("TIPS_CODENAME_CHECKS_TOTAL"))
