"""The tip page's sub-pages in Spanish route words under /es/, the English words still answering."""

import pytest

from .conftest import SOURCE_META, form_url, token_for

pytestmark = pytest.mark.django_db


def test_spanish_readers_get_spanish_route_words(client, tip_page):
    spanish = form_url(tip_page, "es")
    page = client.get(spanish).content.decode()
    assert f'href="{spanish}respuestas/"' in page
    replies = client.get(spanish + "respuestas/")
    assert replies.status_code == 200
    assert "Leer respuestas" in replies.content.decode()
    assert f'action="{spanish}respuestas/"' in replies.content.decode()


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("es", "replies/", "respuestas/"),
        ("es", "replies/more/", "respuestas/otro-mensaje/"),
        ("en", "respuestas/", "replies/"),
        ("en", "respuestas/otro-mensaje/", "replies/more/"),
    ],
)
def test_the_other_languages_words_redirect_a_reader(client, tip_page, language, old, new):
    url = form_url(tip_page, language)
    response = client.get(url + old)
    assert response.status_code == 301
    assert response["Location"].endswith(url + new)
    assert "no-store" in response["Cache-Control"]


def test_a_post_to_the_english_words_under_es_is_still_read(client, tip_page):
    """A form served before the Spanish words existed still posts."""
    response = client.post(
        form_url(tip_page, "es") + "replies/", {"codename": "a b c", "token": token_for(tip_page)}, **SOURCE_META
    )
    assert response.status_code == 200
    assert "Leer respuestas" in response.content.decode()


def test_the_language_switcher_keeps_the_sub_page(client, tip_page):
    page = client.get(form_url(tip_page) + "replies/").content.decode()
    assert f'hreflang="es" href="http://testserver{form_url(tip_page, "es")}respuestas/"' in page
