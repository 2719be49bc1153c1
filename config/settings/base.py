"""Settings shared by every environment.

Values that differ between machines come from environment variables; the
README lists each one. Environment-specific modules (dev, test, production)
import everything from here and override what they must.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    # wagtail_modeltranslation registers Page before the apps that subclass it
    # and patches models before Wagtail's admin builds forms. home's migrate
    # command extends its migrate override, so home comes before that one.
    "wagtail_modeltranslation",
    "home",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "core",
    "blog",
    "comments",
    "tips",
    "translations",
    "blogger",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # WhiteNoise serves static files under runserver too, as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The tip page sets no cookie, so it checks forgery with a signed form
    # token instead of Django's CSRF cookie (see tips/middleware.py).
    "tips.middleware.TipPageCsrfMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
CSRF_FAILURE_VIEW = "home.views.csrf_failure"

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory by default; Redis, shared by every app server, when REDIS_URL is set.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "frontera",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is served at /, Spanish at /es/.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Chicago")
USE_I18N = True
USE_TZ = True

# Every translated field reads the other language when its own is empty, so
# the admin, titles and URLs are never blank; reader templates decide
# explicitly which language to show (see blog.models.ArticlePage).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "es"), "en": ("es",), "es": ("en",)}
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Frontera"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False  # one tree, both languages on each page (modeltranslation)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# Background work (notification emails, search index updates). Immediate,
# inside the request, unless TASKS_BACKEND names another backend; production
# uses the database backend and a worker (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@frontera.invalid")

BLOG_PAGE_SIZE = 10

# Machine translation drafts: off unless a backend is configured. Drafts are
# never shown to readers until a translator reviews them.
TRANSLATIONS_MACHINE_BACKENDS = {}
if os.environ.get("LIBRETRANSLATE_URL"):
    TRANSLATIONS_MACHINE_BACKENDS["libretranslate"] = {
        "BACKEND": "translations.machine.LibreTranslateBackend",
        "URL": os.environ["LIBRETRANSLATE_URL"],
        "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
    }
if os.environ.get("DEEPL_API_KEY"):
    TRANSLATIONS_MACHINE_BACKENDS["deepl"] = {
        "BACKEND": "translations.machine.DeepLBackend",
        "API_KEY": os.environ["DEEPL_API_KEY"],
        "MODEL": os.environ.get("DEEPL_MODEL", "quality_optimized"),
    }

# Tip line (read at call time by tips/conf.py).
TIPS_STORAGE_ROOT = Path(os.environ.get("TIPS_STORAGE_ROOT", BASE_DIR / "private" / "tips"))
TIPS_PUBLIC_KEY = os.environ.get("TIPS_PUBLIC_KEY", "")
TIPS_CODENAME_PEPPER = os.environ.get("TIPS_CODENAME_PEPPER", "")
TIPS_MAX_FILES = int(os.environ.get("TIPS_MAX_FILES", "5"))
TIPS_MAX_FILE_SIZE = int(os.environ.get("TIPS_MAX_FILE_SIZE", str(25 * 1024 * 1024)))
TIPS_MAX_IMAGE_PIXELS = int(os.environ.get("TIPS_MAX_IMAGE_PIXELS", "50000000"))
