"""Settings for the test suite: fast hashing, plain static files, no network."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

# One test database name however many pytest sessions a process runs (mutmut
# runs several): otherwise each session prefixes "test_" once more and reuses
# another, older database.
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": "test_" + DATABASES["default"]["NAME"]}  # noqa: F405
elif os.environ.get("TEST_DATABASE_FILE"):
    # make mutate: a SQLite test database in a file, migrated once and copied for each mutant's run.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_FILE"]}  # noqa: F405
