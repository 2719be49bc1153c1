"""Private file storage for tips: outside public media, random names, no times.

Files sit under ``TIPS_STORAGE_ROOT`` (``private/tips`` by default), readable
only by the server's user, with random names carrying no extension, and
with their modification time set to midnight of the day they arrived so the
filesystem does not keep the hour a source sent them. No URL serves this
folder: editors download through the admin.
"""

import datetime
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from . import conf

SHRED_CHUNK = 1024 * 1024


def _inside(path, parent):
    try:
        Path(path).resolve().relative_to(Path(parent).resolve())
    except ValueError:
        return False
    return True


def tip_storage():
    root = conf.storage_root()
    for public_name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = getattr(settings, public_name, None)
        if public and (_inside(root, public) or _inside(public, root)):
            raise ImproperlyConfigured(f"TIPS_STORAGE_ROOT must not be inside or contain {public_name}.")
    return FileSystemStorage(
        location=root, base_url=None, file_permissions_mode=0o600, directory_permissions_mode=0o700
    )


def save_blob(data, day):
    """Store ``data`` under a new random name; returns the name."""
    storage = tip_storage()
    name = storage.save(secrets.token_hex(20), ContentFile(data))
    midnight = datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC).timestamp()
    os.utime(storage.path(name), (midnight, midnight))
    return name


def read_blob(name):
    with tip_storage().open(name, "rb") as stored:
        return stored.read()


def shred(name):
    """Overwrite a stored file with random bytes, then remove it.

    On journalling or copy-on-write filesystems and on SSDs the old blocks
    may survive the overwrite; encryption at rest is what really protects a
    deleted tip, and the admin says so.
    """
    storage = tip_storage()
    if not storage.exists(name):
        return
    path = storage.path(name)
    size = os.path.getsize(path)
    with open(path, "r+b") as handle:
        remaining = size
        while remaining > 0:
            chunk = min(SHRED_CHUNK, remaining)
            handle.write(secrets.token_bytes(chunk))
            remaining -= chunk
        handle.flush()
        os.fsync(handle.fileno())
    storage.delete(name)
