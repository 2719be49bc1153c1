"""Private file storage for tips: outside public media, random names, no times.

Files sit under ``TIPS_STORAGE_ROOT`` (``private/tips`` by default), readable
only by the server's user, with random names carrying no extension. No URL
serves this folder: editors download through the admin.

A file's status-change time (ctime) is set by the kernel whenever it is
written and cannot be changed, so files are not written when a tip
arrives: they wait in the database (``TipFile.pending_data``) until the
scheduled ``manage.py tips notify`` run writes every waiting file at once.
The ctimes then say when that run happened, not when a source sent
anything. Modification and access times, of the files and of the folder,
are set to midnight (UTC) of the day the tip arrived.
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


def new_name():
    """A random name for a file to be written; it says nothing about the file."""
    return secrets.token_hex(20)


def midnight(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC).timestamp()


def write_blob(name, data, day):
    """Writes ``data`` under ``name`` (replacing a copy left by an interrupted run)."""
    storage = tip_storage()
    if storage.exists(name):
        storage.delete(name)
    stored = storage.save(name, ContentFile(data))
    if stored != name:  # pragma: no cover - FileSystemStorage only renames on a clash
        raise RuntimeError("A tip file could not be written under its own name.")
    os.utime(storage.path(name), (midnight(day), midnight(day)))


def settle_folder(day):
    """Sets the folder's modification time to midnight, so it does not tell when it last changed."""
    root = conf.storage_root()
    if root.exists():
        os.utime(root, (midnight(day), midnight(day)))


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
    settle_folder(datetime.datetime.now(datetime.UTC).date())
