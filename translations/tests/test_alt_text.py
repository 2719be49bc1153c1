"""A hero image's alt text: required in the original language, translated and tracked like a caption."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page

from core.bilingual import page_url_in
from demo.images import hero_image_bytes
from translations.models import Status
from translations.status import SEGMENT_MISSING, page_status

from .conftest import edit
from .test_browser import log_in, publish, translate_in_side_by_side


def hero_image():
    content = hero_image_bytes(["#1f4e5f", "#c9a86a"], "river", 1)
    image = get_image_model()(title="Canal", file=ImageFile(io.BytesIO(content), name="canal.jpg"))
    image.save()
    return image


@pytest.mark.django_db
def test_alt_text_is_a_segment_and_readers_get_the_original_until_it_is_translated(client, long_article):
    page = edit(long_article, hero_image=hero_image(), hero_alt_en="A dry irrigation canal", publish=True)
    status = page_status(page, "es")
    assert status.status == Status.STALE
    assert [(s.key, s.status) for s in status.changed_segments()] == [("hero_alt", SEGMENT_MISSING)]
    spanish = client.get(page_url_in(page, "es")).content.decode()
    (image_tag,) = re.findall(r"<img [^>]*>", spanish)
    assert 'alt="A dry irrigation canal"' in image_tag and 'lang="en"' in image_tag
    page = edit(page, hero_alt_es="Un canal de riego seco", publish=True)
    spanish = client.get(page_url_in(page, "es")).content.decode()
    assert 'alt="Un canal de riego seco"' in spanish
    assert page_status(page, "es").status == Status.UP_TO_DATE


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_editor_asks_for_alt_text_in_the_original_language_and_the_translator_translates_it(
    live_server, browser_page, long_article
):
    """Publishing a hero image without alt text is refused; once given, the Spanish translates it side by side."""
    edit(long_article, hero_image=hero_image(), publish=True)
    page = browser_page
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{long_article.pk}/edit/")
    publish(page)
    assert (
        "required in the original language"
        in page.locator("[data-field-wrapper]", has=page.locator("#id_hero_alt_en")).inner_text()
    )
    assert not Page.objects.get(pk=long_article.pk).specific.hero_alt_en

    page.fill("#id_hero_alt_en", "A dry irrigation canal")
    publish(page)
    article = Page.objects.get(pk=long_article.pk).specific
    assert article.hero_alt_en == "A dry irrigation canal" and not article.has_unpublished_changes

    page.goto(f"{live_server.url}/admin/translations/page/{long_article.pk}/es/")
    row = page.locator("tr[data-segment=hero_alt]")
    assert "A dry irrigation canal" in row.locator(".tr-now").inner_text()
    translate_in_side_by_side(page, row, "Un canal de riego seco")
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    assert draft.hero_alt_es == "Un canal de riego seco"
    assert page_status(long_article, "es").status == Status.UP_TO_DATE
