"""Deployment checks for the tip line: a production site should seal every tip it stores."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from . import crypto


@checks.register(checks.Tags.security, deploy=True)
def check_public_key(app_configs, **kwargs):
    """``check --deploy`` refuses a malformed TIPS_PUBLIC_KEY and warns when none is set.

    Without a key, tips are stored as plain text: anyone who copies the
    database or a backup reads every source's words.
    """
    try:
        key = crypto.configured_public_key()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="tips.E001")]
    if key is None:
        return [
            checks.Warning(
                "TIPS_PUBLIC_KEY is not set, so tips are stored unencrypted: a copy of the database "
                "or of a backup holds every source's text.",
                hint="Run `manage.py tips generate-key` on an editor's own computer and set the public key it prints.",
                id="tips.W001",
            )
        ]
    return []
