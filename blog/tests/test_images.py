"""Article images: responsive WebP with a JPEG fallback, sized, lazy below the
fold, the hero preloaded; lists read every card's renditions in one query."""

import re
import uuid

import pytest
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_renditions_from_other_tests():
    """Renditions are cached by image id, and ids come back after a rollback."""
    cache.clear()


def new_image(title="Canal", size=(1600, 900)):
    return get_image_model().objects.create(title=title, file=get_test_image_file(size=size))


def tag(html, pattern):
    match = re.search(pattern, html, re.S)
    assert match, pattern
    return match.group(0)


def attribute(tag_html, name):
    match = re.search(rf'\s{name}="([^"]*)"', tag_html)
    return match.group(1) if match else None


@pytest.fixture
def illustrated_article(translated_article):
    translated_article.hero_image = new_image()
    translated_article.body_en = [
        {"type": "paragraph", "value": "<p>The canal is dry.</p>", "id": str(uuid.uuid4())},
        {"type": "image", "value": {"image": new_image("Field").pk, "caption": "A field.", "credit": ""}, "id": "b1"},
    ]
    translated_article.save_revision().publish()
    return translated_article


def test_hero_is_a_responsive_preloaded_picture(client, illustrated_article):
    """The hero offers WebP and JPEG at four widths, has its size set, is not lazy,
    and the head preloads the very WebP set the picture uses."""
    html = client.get("/stories/the-dry-canal/").content.decode()
    hero = tag(html, r'<figure class="article__hero">.*?</figure>')
    source = tag(hero, r"<source[^>]*>")
    img = tag(hero, r"<img[^>]*>")
    assert attribute(source, "type") == "image/webp"
    webp_set = attribute(source, "srcset")
    assert [int(w) for w in re.findall(r" (\d+)w", webp_set)] == [480, 800, 1200, 1600]
    assert ".webp" in webp_set
    assert attribute(source, "sizes") == "(min-width: 76rem) 58rem, (min-width: 44rem) 42rem, 100vw"
    assert re.findall(r" (\d+)w", attribute(img, "srcset")) == ["480", "800", "1200", "1600"]
    assert ".jpg" in attribute(img, "srcset")
    assert (attribute(img, "width"), attribute(img, "height")) == ("480", "270")
    assert attribute(img, "loading") is None
    assert attribute(img, "fetchpriority") == "high"
    preload = tag(html, r'<link rel="preload" as="image"[^>]*>')
    assert html.index(preload) < html.index("<body")
    assert attribute(preload, "imagesrcset") == webp_set
    assert attribute(preload, "imagesizes") == attribute(source, "sizes")
    assert attribute(preload, "type") == "image/webp"


def test_body_images_are_lazy_responsive_pictures(client, illustrated_article):
    html = client.get("/stories/the-dry-canal/").content.decode()
    figure = tag(html, r'<figure class="block-image">.*?</figure>')
    assert attribute(tag(figure, r"<source[^>]*>"), "type") == "image/webp"
    img = tag(figure, r"<img[^>]*>")
    assert attribute(img, "loading") == "lazy"
    assert attribute(img, "width") and attribute(img, "height")
    assert re.findall(r" (\d+)w", attribute(img, "srcset")) == ["480", "800", "1200"]


def test_cards_below_the_first_are_lazy(client, blog_index, author):
    for n in range(3):
        make_article(
            blog_index,
            en={"title": f"Story {n}", "slug": f"story-{n}", "body": ["Text."]},
            authors=[author],
            hero_image=new_image(f"Image {n}", size=(800, 450)),
            days_ago=n,
        )
    html = client.get("/stories/").content.decode()
    images = re.findall(r'<a class="card__image".*?<img[^>]*>', html, re.S)
    assert len(images) == 3
    assert [attribute(tag(card, r"<img[^>]*>"), "loading") for card in images] == [None, "lazy", "lazy"]
    assert all("image/webp" in card for card in images)


def test_illustrated_lists_stay_within_the_query_budget(
    client, blog_index, author, settings, django_assert_max_num_queries
):
    """Twelve cards with images: their renditions are read in one query, even with a cold
    cache; an article with a hero stays within the budget too."""
    settings.CACHE_IS_SHARED = True
    settings.PAGE_CACHE_ENABLED = False
    for n in range(12):
        make_article(
            blog_index,
            en={"title": f"Story {n}", "slug": f"story-{n}", "body": ["Text."]},
            es={"title": f"Historia {n}", "slug": f"historia-{n}", "body": ["Texto."]},
            authors=[author],
            hero_image=new_image(f"Image {n}", size=(800, 450)),
            days_ago=n,
        )
    for url in ["/", "/stories/", "/stories/story-0/"]:
        client.get(url)  # renditions generated once
    cache.clear()
    client.get("/stories/story-11/")  # the site's shared links back in the cache
    for url in ["/", "/es/", "/stories/", "/es/historias/"]:
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert response.status_code == 200
    # An article reads its hero's renditions from the shared cache, as in production.
    client.get("/stories/story-0/")
    for url in ["/stories/story-0/", "/es/historias/historia-0/"]:
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert response.status_code == 200
