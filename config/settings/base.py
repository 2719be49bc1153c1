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
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "blog",
    "comments",
    "tips",
    "translations",
    "blogger",
    # Architecture (issue 9): the demo newsroom as data, and seed_demo.
    "demo",
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
    # Content-Security-Policy and Permissions-Policy on every response that
    # has none yet (see core/headers.py).
    "core.headers.SecurityHeadersMiddleware",
    # Public pages: served from the shared cache, gzipped, cache headers set
    # (core/pagecache.py, core/middleware.py). Outside the session and
    # locale middleware, so a cached page touches neither.
    "core.pagecache.PageCacheMiddleware",
    "core.middleware.PublicGZipMiddleware",
    "core.middleware.CacheHeadersMiddleware",
    "core.fragments.SharedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The tip page sets no cookie, so it checks forgery with a signed form
    # token instead of Django's CSRF cookie (see tips/middleware.py).
    "tips.middleware.TipPageCsrfMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.twofactor.TwoFactorMiddleware",
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
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

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
# A lost Redis turns into cache misses, not errors (core/cache.py); short
# timeouts keep a hanging Redis from holding requests.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "frontera",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# With the database unreachable every page answers 503 (core/views.py), and a
# post's own text comes back to copy: these are the reader forms' free-text
# fields (a comment's body, a report's details, a tip's message and links),
# never a name, an address or a codename.
KEPT_WHEN_DATABASE_IS_DOWN = ["body", "details", "message", "links"]

# Languages. English is served at /, Spanish at /es/.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Spanish numbers and dates as written in Mexico (locale/es/STYLE.md).
FORMAT_MODULE_PATH = ["config.formats"]
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

# Media on S3-compatible object storage (issue 12): with S3_BUCKET set, the
# app servers keep no uploaded file of their own. boto3 reads the keys from
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the machine's role). URLs are
# unsigned, so a page is the same HTML for every reader and can be cached;
# S3_CUSTOM_DOMAIN is where the site serves the bucket under its own origin
# (e.g. news.example/media), since the Content-Security-Policy allows no other.
if os.environ.get("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "url_protocol": os.environ.get("S3_URL_PROTOCOL", "https:"),
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        },
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

# Caching of public pages (core/middleware.py, core/pagecache.py). Browsers
# keep a page CACHE_PUBLIC_MAX_AGE seconds; a CDN or the page cache keeps it
# CACHE_PUBLIC_S_MAXAGE seconds, since every change purges what it shows.
CACHE_PUBLIC_MAX_AGE = int(os.environ.get("CACHE_PUBLIC_MAX_AGE", "60"))
CACHE_PUBLIC_S_MAXAGE = int(os.environ.get("CACHE_PUBLIC_S_MAXAGE", "600"))
CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("CACHE_STALE_WHILE_REVALIDATE", "60"))
CACHE_PRIVATE_PATH_PREFIXES = ("/admin/",)
# The page cache and the shared fragments (core/fragments.py) need a cache
# every app server shares, so they are on with Redis.
CACHE_IS_SHARED = bool(os.environ.get("REDIS_URL"))
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "true" if CACHE_IS_SHARED else "false").lower() == "true"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(CACHE_PUBLIC_S_MAXAGE)))
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/i18n/")
# Front-end caches purged on every change (CDN or Varnish), besides the page
# cache: FRONTEND_CACHE_PURGE_URL is an HTTP purge endpoint such as Varnish.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }

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

# Comment stream: typed and given defaults in comments/conf.py, read at call
# time. From the environment as text: numbers, and the rate limits as
# "count/seconds" (or "count,seconds"), e.g. COMMENTS_RATE_LIMIT_CLIENT=5/600.
globals().update(
    {
        name: os.environ[name]
        for name in (
            "COMMENTS_TRUSTED_PROXY_COUNT",
            "COMMENTS_MIN_SUBMIT_SECONDS",
            "COMMENTS_MAX_FORM_AGE",
            "COMMENTS_RATE_LIMIT_CLIENT",
            "COMMENTS_RATE_LIMIT_ARTICLE",
            "COMMENTS_RATE_LIMIT_REPORTS",
        )
        if os.environ.get(name)
    }
)
TIPS_MAX_IMAGE_PIXELS = int(os.environ.get("TIPS_MAX_IMAGE_PIXELS", "40000000"))
TIPS_MAX_SUBMISSION_SIZE = int(os.environ.get("TIPS_MAX_SUBMISSION_SIZE", str(40 * 1024 * 1024)))
TIPS_MAX_SUBMISSION_PIXELS = int(os.environ.get("TIPS_MAX_SUBMISSION_PIXELS", "60000000"))
# Budgets per TIPS_RATE_WINDOW seconds (a UTC day), per client fingerprint and for everyone (0 refuses all).
TIPS_RATE_WINDOW = int(os.environ.get("TIPS_RATE_WINDOW", str(24 * 60 * 60)))
TIPS_SUBMISSIONS_PER_CLIENT = int(os.environ.get("TIPS_SUBMISSIONS_PER_CLIENT", "10"))
TIPS_SUBMISSIONS_TOTAL = int(os.environ.get("TIPS_SUBMISSIONS_TOTAL", "200"))
TIPS_CODENAME_CHECKS_PER_CLIENT = int(os.environ.get("TIPS_CODENAME_CHECKS_PER_CLIENT", "30"))
TIPS_CODENAME_CHECKS_TOTAL = int(os.environ.get("TIPS_CODENAME_CHECKS_TOTAL", "1000"))
# The editors' admin. A path other than "admin/" keeps it out of robots.txt
# and out of scanners' first guess; it must end with a slash.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# Avatars are local only: Wagtail's default asks Gravatar for an MD5 of each
# editor's email address on every admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Admin sign-in lockout (core/login.py): failures per account and per
# client fingerprint within the cool-off, then every attempt is refused
# until it has passed. Counted in the database under keyed hashes.
AUTHENTICATION_BACKENDS = ["core.login.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "core.login.LoginForm"
ADMIN_LOGIN_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
ADMIN_LOGIN_CLIENT_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_CLIENT_FAILURE_LIMIT", "20"))
ADMIN_LOGIN_COOLOFF = int(os.environ.get("ADMIN_LOGIN_COOLOFF", str(15 * 60)))

# Content-Security-Policy (django-csp, through core.headers). Public pages
# run only the site's own script files; an inline script needs the
# request's nonce. Wagtail's admin templates carry inline scripts and
# styles, so the admin allows inline code but, like every page, nothing
# from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)

# Reader search (blog/search.py): Wagtail search backend options per
# language. Each language version of an article is indexed and searched
# with its own language's stemming and stop words (PostgreSQL text search
# configurations; ignored by SQLite). NAME picks an entry of
# WAGTAILSEARCH_BACKENDS; the other keys override its options (README).
SEARCH_LANGUAGE_BACKENDS = {
    "en": {"NAME": "default", "SEARCH_CONFIG": "english"},
    "es": {"NAME": "default", "SEARCH_CONFIG": "spanish"},
}
SEARCH_PAGE_SIZE = 10
# Search results are public but no purge knows which result pages show an
# article, so caches keep them briefly.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "60"))
