"""System checks for the comment stream's settings."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from . import conf


@checks.register(checks.Tags.security)
def check_settings(app_configs, **kwargs):
    """Refuses unreadable COMMENTS_* values; warns when a proxy's readers would share one fingerprint."""
    errors = []
    for name in conf.DEFAULTS:
        try:
            conf.setting(name)
        except ImproperlyConfigured as error:
            errors.append(checks.Error(str(error), id="comments.E001"))
    if errors:
        return errors
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and conf.trusted_proxy_count() == 0:
        errors.append(
            checks.Warning(
                "SECURE_PROXY_SSL_HEADER is set, so the site runs behind a proxy, but "
                "COMMENTS_TRUSTED_PROXY_COUNT is 0: every reader gets the proxy's fingerprint, "
                "so one flood or one ban applies to everybody.",
                hint="Set COMMENTS_TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For.",
                id="comments.W001",
            )
        )
    return errors
