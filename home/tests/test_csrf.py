"""A form that fails the CSRF check keeps what the reader typed."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_failed_csrf_check_shows_the_text_again_in_the_readers_language(translated_article):
    client = Client(enforce_csrf_checks=True)
    body = "Mi comentario “largo”, con acentos: ñandú."
    response = client.post(f"/es/comentarios/publicar/{translated_article.pk}/", {"body": body, "name": "Rosa"})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Vuelve a enviarlo" in page
    assert "ñandú" in page
    assert f'action="/es/comentarios/publicar/{translated_article.pk}/"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<input type="hidden" name="name" value="Rosa">' in page
