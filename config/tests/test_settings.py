"""config.settings.production as an operator runs it: every variable in README's table takes effect.

Each check loads the production settings in a fresh Python process with the
README's variables set, then reads the effect through the code that uses it
(``tips.conf``, ``core.client``, the machine-translation backends …), not
only the settings module. A variable added to README's table without an
entry in ``CHECKS`` fails ``test_every_readme_variable_has_a_check``.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

README = Path(settings.BASE_DIR) / "README.md"
SECRET = "operator-secret-key-" + "x" * 40
PUBLIC_KEY = "L4v6r3Sg6v0gYHn1y1y2x7QmYwq3Ck8jvJ5q9y1QmX4="


# variable -> (value an operator sets, expression read after django.setup(), what it must give)
CHECKS = {
    "DJANGO_SETTINGS_MODULE": ("config.settings.production", "settings.SETTINGS_MODULE", "config.settings.production"),
    "SECRET_KEY": (SECRET, "settings.SECRET_KEY", SECRET),
    "ALLOWED_HOSTS": (
        "news.example, www.news.example",
        "[settings.ALLOWED_HOSTS, validate_host('www.news.example', settings.ALLOWED_HOSTS)]",
        [["news.example", "www.news.example"], True],
    ),
    "CSRF_TRUSTED_ORIGINS": (
        "https://news.example,https://www.news.example",
        "settings.CSRF_TRUSTED_ORIGINS",
        ["https://news.example", "https://www.news.example"],
    ),
    "DATABASE_URL": (
        "postgres://frontera:pw@db.internal:5433/frontera_live",
        "[settings.DATABASES['default'][key] for key in ('ENGINE', 'NAME', 'HOST', 'PORT', 'USER')]",
        ["django.db.backends.postgresql", "frontera_live", "db.internal", 5433, "frontera"],
    ),
    "DATABASE_CONN_MAX_AGE": ("120", "settings.DATABASES['default']['CONN_MAX_AGE']", 120),
    "REDIS_URL": (
        "redis://cache.internal:6380/3",
        "[caches['default'].__class__.__name__, settings.CACHES['default']['LOCATION'], settings.CACHE_IS_SHARED]",
        ["ResilientRedisCache", "redis://cache.internal:6380/3", True],
    ),
    "MEDIA_ROOT": ("/srv/frontera/media", "str(settings.MEDIA_ROOT)", "/srv/frontera/media"),
    "TIME_ZONE": ("America/Tijuana", "str(timezone.get_current_timezone())", "America/Tijuana"),
    "WAGTAILADMIN_BASE_URL": ("https://news.example", "settings.WAGTAILADMIN_BASE_URL", "https://news.example"),
    "TASKS_BACKEND": (
        "django_tasks.backends.dummy.DummyBackend",
        "settings.TASKS['default']['BACKEND']",
        "django_tasks.backends.dummy.DummyBackend",
    ),
    "EMAIL_BACKEND": (
        "django.core.mail.backends.locmem.EmailBackend",
        "get_connection().__class__.__module__",
        "django.core.mail.backends.locmem",
    ),
    "EMAIL_HOST": ("smtp.news.example", "settings.EMAIL_HOST", "smtp.news.example"),
    "EMAIL_PORT": ("2525", "settings.EMAIL_PORT", 2525),
    "EMAIL_HOST_USER": ("mailer", "settings.EMAIL_HOST_USER", "mailer"),
    "EMAIL_HOST_PASSWORD": ("mail-pass", "settings.EMAIL_HOST_PASSWORD", "mail-pass"),
    "EMAIL_USE_TLS": ("true", "settings.EMAIL_USE_TLS", True),
    "DEFAULT_FROM_EMAIL": ("desk@news.example", "settings.DEFAULT_FROM_EMAIL", "desk@news.example"),
    "SECURE_SSL_REDIRECT": ("false", "settings.SECURE_SSL_REDIRECT", False),
    "SECURE_HSTS_SECONDS": ("3600", "settings.SECURE_HSTS_SECONDS", 3600),
    "LOG_LEVEL": ("ERROR", "logging.getLevelName(logging.getLogger().level)", "ERROR"),
    "PORT": ("8765", "PORT", "runserver 127.0.0.1:8765"),  # read by the Makefile, checked with make -n
    "LIBRETRANSLATE_URL": (
        "http://libretranslate.internal:5000",
        "configured_backends()['libretranslate']['URL']",
        "http://libretranslate.internal:5000",
    ),
    "LIBRETRANSLATE_API_KEY": ("lt-key", "configured_backends()['libretranslate']['API_KEY']", "lt-key"),
    "DEEPL_API_KEY": ("deepl-key:fx", "get_backend('deepl').base_url()", "https://api-free.deepl.com"),
    "DEEPL_MODEL": ("latency_optimized", "configured_backends()['deepl']['MODEL']", "latency_optimized"),
    "COMMENTS_TRUSTED_PROXY_COUNT": (
        "2",
        "client_address(request_from('10.0.0.1', '198.51.100.1, 203.0.113.5, 10.0.0.2'))",
        "203.0.113.5",
    ),
    "COMMENTS_MIN_SUBMIT_SECONDS": ("7", "spam.min_seconds()", 7),
    "COMMENTS_MAX_FORM_AGE": ("3600", "spam.max_form_age()", 3600),
    "COMMENTS_RATE_LIMIT_CLIENT": ("7/900", "comments_conf.rate_limit('client')", [7, "0:15:00"]),
    "COMMENTS_RATE_LIMIT_ARTICLE": ("70,1200", "comments_conf.rate_limit('article')", [70, "0:20:00"]),
    "COMMENTS_RATE_LIMIT_REPORTS": ("4/1800", "comments_conf.rate_limit('reports')", [4, "0:30:00"]),
    "TIPS_PUBLIC_KEY": (PUBLIC_KEY, "tips_conf.public_key_text()", PUBLIC_KEY),
    "TIPS_STORAGE_ROOT": ("/srv/frontera/tips", "str(tips_conf.storage_root())", "/srv/frontera/tips"),
    "TIPS_CODENAME_PEPPER": ("pepper-from-the-vault", "tips_conf.codename_pepper()", "pepper-from-the-vault"),
    "TIPS_MAX_FILES": ("3", "tips_conf.max_files()", 3),
    "TIPS_MAX_FILE_SIZE": ("1048576", "tips_conf.max_file_size()", 1048576),
    "TIPS_MAX_IMAGE_PIXELS": ("2000000", "tips_conf.max_image_pixels()", 2000000),
    "TIPS_MAX_SUBMISSION_SIZE": ("9000000", "tips_conf.max_submission_size()", 9000000),
    "TIPS_MAX_SUBMISSION_PIXELS": ("30000000", "tips_conf.max_submission_pixels()", 30000000),
    "TIPS_RATE_WINDOW": ("3600", "tips_conf.rate_window()", 3600),
    "TIPS_SUBMISSIONS_PER_CLIENT": ("4", "tips_conf.tips_per_client()", 4),
    "TIPS_SUBMISSIONS_TOTAL": ("90", "tips_conf.tips_total()", 90),
    "TIPS_CODENAME_CHECKS_PER_CLIENT": ("6", "tips_conf.codename_checks_per_client()", 6),
    "TIPS_CODENAME_CHECKS_TOTAL": ("600", "tips_conf.codename_checks_total()", 600),
    "ADMIN_URL": ("desk-7f3a", "reverse('wagtailadmin_home')", "/desk-7f3a/"),
    "ADMIN_LOGIN_FAILURE_LIMIT": ("3", "login.account_failure_limit()", 3),
    "ADMIN_LOGIN_CLIENT_FAILURE_LIMIT": ("9", "login.client_failure_limit()", 9),
    "ADMIN_LOGIN_COOLOFF": ("1800", "login.cooloff()", "0:30:00"),
    "CACHE_PUBLIC_MAX_AGE": ("30", "middleware.public_cache_control()['max_age']", 30),
    "CACHE_PUBLIC_S_MAXAGE": ("1200", "middleware.public_cache_control()['s_maxage']", 1200),
    "CACHE_STALE_WHILE_REVALIDATE": ("15", "middleware.public_cache_control()['stale_while_revalidate']", 15),
    # Off although Redis is set, where it would default to on.
    "PAGE_CACHE": ("false", "[settings.PAGE_CACHE_ENABLED, settings.CACHE_IS_SHARED]", [False, True]),
    "PAGE_CACHE_SECONDS": ("900", "settings.PAGE_CACHE_SECONDS", 900),
    "FRONTEND_CACHE_PURGE_URL": (
        "http://varnish.internal:6081",
        "settings.WAGTAILFRONTENDCACHE['default']['LOCATION']",
        "http://varnish.internal:6081",
    ),
    "S3_BUCKET": ("frontera-media", "settings.STORAGES['default']['OPTIONS']['bucket_name']", "frontera-media"),
    "S3_ENDPOINT_URL": (
        "https://minio.internal:9000",
        "settings.STORAGES['default']['OPTIONS']['endpoint_url']",
        "https://minio.internal:9000",
    ),
    "S3_REGION": ("mx-central-1", "settings.STORAGES['default']['OPTIONS']['region_name']", "mx-central-1"),
    "S3_CUSTOM_DOMAIN": (
        "news.example/media",
        "settings.STORAGES['default']['OPTIONS']['custom_domain']",
        "news.example/media",
    ),
    "S3_URL_PROTOCOL": ("http:", "settings.STORAGES['default']['OPTIONS']['url_protocol']", "http:"),
    "SEARCH_CACHE_SECONDS": ("300", "settings.SEARCH_CACHE_SECONDS", 300),
    "WEB_CONCURRENCY": ("3", "gunicorn_conf().workers", 3),
    "GUNICORN_BIND": ("0.0.0.0:9000", "gunicorn_conf().bind", "0.0.0.0:9000"),
    "GUNICORN_THREADS": ("4", "gunicorn_conf().threads", 4),
    "GUNICORN_TIMEOUT": ("45", "gunicorn_conf().timeout", 45),
    "GUNICORN_ACCESS_LOG": (
        "/var/log/frontera/access.log",
        "gunicorn_conf().accesslog",
        "/var/log/frontera/access.log",
    ),
    "GUNICORN_ERROR_LOG": ("/var/log/frontera/error.log", "gunicorn_conf().errorlog", "/var/log/frontera/error.log"),
    "GUNICORN_LOG_LEVEL": ("warning", "gunicorn_conf().loglevel", "warning"),
    "FORWARDED_ALLOW_IPS": ("10.0.0.5", "gunicorn_conf().forwarded_allow_ips", "10.0.0.5"),
}

PROBE = """
import json, logging, sys
import django
django.setup()
from django.conf import settings
from django.core.cache import caches
from django.core.mail import get_connection
from django.http.request import validate_host
from django.test import RequestFactory
from django.utils import timezone
from comments import conf as comments_conf
from comments import spam
from core import login, middleware
from django.urls import reverse
import importlib

def gunicorn_conf():
    return importlib.import_module("config.gunicorn")
from core.client import client_address
from tips import conf as tips_conf
from translations.machine import configured_backends, get_backend

def request_from(remote, forwarded):
    return RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

results = {}
for name, expression in json.loads(sys.argv[1]).items():
    try:
        results[name] = ["ok", eval(expression)]
    except Exception as error:
        results[name] = ["error", f"{type(error).__name__}: {error}"]
print(json.dumps(results, default=str))
"""


def readme_variables():
    """Every variable named in the first column of README's configuration table."""
    text = README.read_text()
    section = text.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    names = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names += re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1])
    return names


def production_env(**overrides):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(settings.BASE_DIR), "HOME": "/tmp"}  # noqa: S108
    env.update({name: value for name, (value, _expression, _expected) in CHECKS.items() if name != "PORT"})
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


def run_probe(env, expressions):
    return subprocess.run(  # noqa: S603 - the test's own interpreter and script
        [sys.executable, "-c", PROBE, json.dumps(expressions)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def probed():
    expressions = {name: expression for name, (_value, expression, _expected) in CHECKS.items() if name != "PORT"}
    result = run_probe(production_env(), expressions)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_readme_variable_has_a_check():
    documented = readme_variables()
    assert len(documented) >= 30
    assert sorted(set(documented) - set(CHECKS)) == [], "add a check to CHECKS for each new variable"
    assert sorted(set(CHECKS) - set(documented)) == [], "a checked variable is no longer documented"


@pytest.mark.parametrize(
    "name",
    [name for name in CHECKS if name != "PORT"],
)
def test_variable_takes_effect_in_production(probed, name):
    _value, _expression, expected = CHECKS[name]
    assert probed[name] == ["ok", expected]


def test_defaults_differ_from_the_values_set(probed):
    """Without the variables the values differ, so each check above proves the variable was read."""
    required = {"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": SECRET, "ALLOWED_HOSTS": "a.b"}
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(settings.BASE_DIR), "HOME": "/tmp", **required}  # noqa: S108
    expressions = {
        name: expression
        for name, (_value, expression, _expected) in CHECKS.items()
        if name not in required
        and name not in ("PORT", "DEEPL_MODEL")
        and not name.startswith(("LIBRETRANSLATE", "DEEPL"))
    }
    result = run_probe(env, expressions)
    assert result.returncode == 0, result.stderr
    defaults = json.loads(result.stdout.strip().splitlines()[-1])
    same = sorted(name for name in expressions if defaults[name] == ["ok", CHECKS[name][2]])
    assert same == []
    assert json.loads(run_probe(env, {"m": "configured_backends()"}).stdout.splitlines()[-1])["m"] == ["ok", {}]


def test_port_is_where_make_run_serves():
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8765"],  # noqa: S607 - make from PATH, as an operator runs it
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert CHECKS["PORT"][2] in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_missing_secret_key_or_allowed_hosts_stops_start_up(missing):
    result = run_probe(production_env(**{missing: None}), {"debug": "settings.DEBUG"})
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.parametrize(
    "blank",
    ["SECRET_KEY", "ALLOWED_HOSTS"],
)
def test_an_empty_secret_key_or_allowed_hosts_stops_start_up(blank):
    result = run_probe(production_env(**{blank: " "}), {"debug": "settings.DEBUG"})
    assert result.returncode != 0
    assert blank in result.stderr


def test_a_short_secret_key_stops_start_up():
    result = run_probe(production_env(SECRET_KEY="changeme"), {"debug": "settings.DEBUG"})
    assert result.returncode != 0
    assert "at least 32 characters" in result.stderr
