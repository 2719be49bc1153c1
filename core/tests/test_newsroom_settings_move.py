"""Newsroom settings moved from home to core without losing a site's choices."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale, Page, Site

BEFORE_MOVE = [("home", "0003_translation_ready"), ("core", "0001_initial")]
AFTER_MOVE = [("home", "0004_move_newsroom_settings_to_core"), ("core", "0002_newsroomsettings")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def ensure_a_site():
    """An earlier transactional test may have flushed the site the data migrations made."""
    if not Site.objects.filter(is_default_site=True).exists():
        Locale.objects.get_or_create(language_code="en")
        root = Page.add_root(instance=Page(title="Root", slug="root"))
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)


@pytest.mark.django_db(transaction=True)
def test_a_sites_newsroom_settings_survive_the_move_and_its_reversal():
    """The About, policy and tip pages chosen before the move are chosen after it,
    and again after migrating back."""
    ensure_a_site()
    try:
        old_apps = migrate(BEFORE_MOVE)
        site = old_apps.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
        pages = old_apps.get_model("wagtailcore", "Page").objects.order_by("pk")
        page_ids = list(pages.values_list("pk", flat=True))
        about, policy = page_ids[0], page_ids[-1]
        old_apps.get_model("home", "NewsroomSettings").objects.create(
            site_id=site.pk, about_page_id=about, comment_policy_page_id=policy
        )

        new_apps = migrate(AFTER_MOVE)
        moved = new_apps.get_model("core", "NewsroomSettings").objects.get(site_id=site.pk)
        assert (moved.about_page_id, moved.comment_policy_page_id, moved.tip_page_id) == (about, policy, None)

        old_apps = migrate(BEFORE_MOVE)
        back = old_apps.get_model("home", "NewsroomSettings").objects.get(site_id=site.pk)
        assert (back.about_page_id, back.comment_policy_page_id, back.tip_page_id) == (about, policy, None)
    finally:
        # Later tests need the current schema, whatever happened above.
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
