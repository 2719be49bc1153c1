"""Spanish as read in Mexico and the US: "1,500 dólares", "25.0 MB", 24-hour times.

Django's generic ``es`` formats follow Spain (decimal comma, thin space
between thousands); the newsroom writes numbers the Mexican way, so the
interface (``localize``, ``filesizeformat``) does too.
"""

from django.conf.locale.es_MX.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
