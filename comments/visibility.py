"""Whether an article still takes comments."""

import datetime

from django.utils import timezone


def closing_date(article, site_settings):
    """The last day comments are taken, or None when they never close by age."""
    if not site_settings.auto_close_days:
        return None
    return article.publication_date + datetime.timedelta(days=site_settings.auto_close_days)


def comments_open(article, site_settings, today=None):
    if not article.comments_enabled:
        return False
    last_day = closing_date(article, site_settings)
    return last_day is None or (today or timezone.localdate()) <= last_day
