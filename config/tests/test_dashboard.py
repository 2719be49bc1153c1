"""The dashboard's panels (comments, tip line, translations) are Wagtail's own panel component."""

import re

import pytest
from django.urls import reverse

from tips.permissions import ensure_tip_editors_group

pytestmark = pytest.mark.django_db


def test_every_newsroom_panel_is_a_wagtail_panel(admin_client, admin_user, home_page, settings):
    admin_user.groups.add(ensure_tip_editors_group())
    settings.TIPS_PUBLIC_KEY = ""  # the tip line then warns its editors on the dashboard
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    for panel_id in ("pending-comments", "tips-missing-key", "translations-panel"):
        section = re.search(rf'<section class="([^"]*)" id="{panel_id}-section"[^>]*data-panel>', html)
        assert section is not None, panel_id
        assert set(section.group(1).split()) == {"w-panel", "w-panel--dashboard"}, panel_id
        assert f'id="{panel_id}-heading"' in html, panel_id
