"""Article pages carry no cookie and no per-visitor token; forged posts are still refused."""

import pytest
from django.test import Client

from comments.models import Comment, Report
from core.templatetags.bilingual_tags import page_url_in

from .conftest import add_comment, comments_url, form_data, send_report

pytestmark = pytest.mark.django_db

CROSS_SITE = [
    {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://evil.testserver"},
    {"HTTP_ORIGIN": "https://evil.example"},  # a browser without fetch metadata
]
SAME_SITE = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}


def strict_client():
    """A browser that enforces Django's CSRF rules and has never been to the site."""
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("language", ["en", "es"])
def test_article_page_sets_no_cookie_and_is_the_same_for_every_reader(article, language, monkeypatch):
    monkeypatch.setattr("comments.spam.time.time", lambda: 1_800_000_000)
    pages = []
    for _reader in range(2):
        response = strict_client().get(page_url_in(article, language))
        assert response.status_code == 200
        assert "Set-Cookie" not in response
        assert not response.cookies
        pages.append(response.content)
    html = pages[0].decode()
    assert 'id="comment-form"' in html
    assert "csrfmiddlewaretoken" not in html
    assert pages[0] == pages[1]


def test_reply_and_report_pages_set_no_cookie(article):
    comment = add_comment(article, "A comment to answer.")
    for url in (f"/comments/reply/{comment.pk}/", comments_url("report", comment.pk, "es")):
        response = strict_client().get(url)
        assert response.status_code == 200
        assert not response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()


def test_same_site_comment_with_a_valid_stamp_needs_no_cookie(article):
    client = strict_client()
    response = client.post(f"/comments/post/{article.pk}/", form_data(article, body="No cookie needed."), **SAME_SITE)
    assert response.status_code == 302
    assert Comment.objects.filter(body="No cookie needed.").exists()
    assert not client.cookies


def test_same_site_reply_needs_no_cookie(article):
    parent = add_comment(article, "Parent.")
    data = form_data(article, body="A reply, no cookie.", parent=str(parent.pk))
    response = strict_client().post(comments_url("post", article.pk, "es"), data, **SAME_SITE)
    assert response.status_code == 302
    assert Comment.objects.get(body="A reply, no cookie.").parent == parent


def assert_nothing_could_send_it_again(html):
    """The refusal shows the text and offers nothing that posts: no form, no token, no button.

    The site header's search form is the page's only form, and it only searches.
    """
    assert 'method="post"' not in html.lower()
    assert 'name="stamp"' not in html
    assert 'name="token"' not in html
    main = html[html.index('<main id="main"') : html.index("</main>")]
    assert "<form" not in main
    assert "<button" not in main
    assert "<textarea" not in main


@pytest.mark.parametrize("headers", CROSS_SITE)
def test_cross_site_comment_is_refused_with_only_its_text_to_copy(article, headers):
    parent = add_comment(article, "Parent.")
    data = form_data(
        article, body="Written somewhere else.", parent=str(parent.pk), name="Victim", email="chosen@evil.example"
    )
    response = strict_client().post(f"/comments/post/{article.pk}/", data, **headers)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Not sent" in html
    assert "sent to us from another website" in html
    assert "Written somewhere else." in html
    assert "Victim" not in html
    assert "chosen@evil.example" not in html
    assert_nothing_could_send_it_again(html)
    assert f'href="{article.url}#comment-form"' in html
    assert not Comment.objects.filter(body="Written somewhere else.").exists()


def test_cross_site_refusal_is_translated(article):
    data = form_data(article, body="Escrito en otro sitio.")
    response = strict_client().post(comments_url("post", article.pk, "es"), data, **CROSS_SITE[0])
    assert response.status_code == 403
    html = response.content.decode()
    assert "No se envió" in html
    assert "desde otro sitio web" in html
    assert "El texto que se envió" in html
    assert "Escrito en otro sitio." in html
    assert "Volver al artículo" in html


@pytest.mark.parametrize("headers", CROSS_SITE)
def test_cross_site_report_is_refused_with_only_its_text_to_copy(article, headers):
    comment = add_comment(article, "Reported?")
    response = send_report(strict_client(), comment, {"reason": "abuse", "details": "Forged details."}, **headers)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Forged details." in html
    assert_nothing_could_send_it_again(html)
    assert f'href="/comments/report/{comment.pk}/"' in html
    assert not Report.objects.exists()


def test_cross_site_report_refusal_is_translated(article):
    comment = add_comment(article, "¿Denunciado?")
    data = {"reason": "abuse", "details": "Detalles falsos."}
    response = send_report(strict_client(), comment, data, language="es", **CROSS_SITE[0])
    assert response.status_code == 403
    html = response.content.decode()
    assert "desde otro sitio web" in html
    assert "Denuncia este comentario desde nuestra propia página" in html
    assert f'href="{comments_url("report", comment.pk, "es")}"' in html


def test_same_site_report_needs_no_cookie_but_its_token(article):
    comment = add_comment(article, "Reported.")
    client = strict_client()
    response = client.post(f"/comments/report/{comment.pk}/", {"reason": "spam", "details": "No token."}, **SAME_SITE)
    assert response.status_code == 400
    assert "No token." in response.content.decode()
    assert send_report(client, comment, {"reason": "spam"}, **SAME_SITE).status_code == 200
    assert Report.objects.count() == 1
    assert not client.cookies


@pytest.mark.parametrize(("language", "expected"), [("en", "could not be read"), ("es", "No pudimos leer")])
def test_a_comment_post_with_thousands_of_fields_gets_a_translated_400(article, language, expected):
    data = {f"field{number}": "x" for number in range(1200)}
    response = Client(raise_request_exception=False).post(comments_url("post", article.pk, language), data, **SAME_SITE)
    assert response.status_code == 400
    assert expected in response.content.decode()
