"""The tip page sets no cookie, sends strict headers and refuses forged posts."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from core.models import NewsroomSettings
from tips.models import Tip

from .conftest import form_url, token_for

pytestmark = pytest.mark.django_db


def assert_private(response):
    assert "Set-Cookie" not in str(response.serialize_headers()), response.cookies
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'none'" in csp and "'unsafe-inline'" not in csp


@pytest.mark.parametrize("language", ["en", "es"])
def test_views_and_posts_set_no_cookie_and_send_strict_headers(client, tip_page, language):
    url = form_url(tip_page, language)
    replies = url + {"en": "replies/", "es": "respuestas/"}[language]
    responses = [
        client.get(url),
        client.post(url, {"message": "Hola", "reply": "codename", "token": token_for(tip_page)}),
        client.post(url, {"message": "", "reply": "none", "token": token_for(tip_page)}),
        client.get(replies),
        client.post(replies, {"codename": "a b c", "token": token_for(tip_page)}),
    ]
    assert [response.status_code for response in responses] == [200, 200, 400, 200, 200]
    for response in responses:
        assert_private(response)
    assert Tip.objects.count() == 1


def test_page_has_no_script_no_inline_style_and_no_foreign_resource(client, tip_page):
    page = client.get(form_url(tip_page)).content.decode()
    assert "<script" not in page and "style=" not in page and "<style" not in page
    for tag in re.findall(r"<(?:link|img|script|iframe|source)\b[^>]*>", page):
        if 'rel="alternate"' in tag:
            continue  # a link to this page in the other language, not a load
        for url in re.findall(r'(?:src|href)="([^"]+)"', tag):
            assert url.startswith("/") and not url.startswith("//"), tag


def test_page_explains_what_it_cannot_promise(client, tip_page):
    tip_page.onion_address = "frontera4abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopq.onion"
    tip_page.save_revision().publish()
    page = client.get(form_url(tip_page)).content.decode()
    assert "We cannot hide that you visited this page" in page
    assert "Tor Browser" in page
    assert '<code class="tips-address">frontera4' in page
    assert 'href="http://frontera4' not in page and 'href="frontera4' not in page


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_post_without_cookie_passes_csrf_middleware(csrf_client, tip_page):
    response = csrf_client.post(
        form_url(tip_page),
        {"message": "Through the real stack", "reply": "none", "token": token_for(tip_page)},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 200, "Add tips.middleware.TipPageCsrfMiddleware before CsrfViewMiddleware"
    assert Tip.objects.get().message == "Through the real stack"
    assert_private(response)


def test_admin_keeps_django_csrf_protection(csrf_client, tip_page):
    response = csrf_client.post(reverse("wagtailadmin_login"), {"username": "x", "password": "y"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
    ],
)
def test_cross_site_posts_are_refused(client, tip_page, headers):
    response = client.post(
        form_url(tip_page), {"message": "Forged", "reply": "none", "token": token_for(tip_page)}, **headers
    )
    assert response.status_code == 403
    assert_private(response)
    assert Tip.objects.count() == 0


def test_expired_or_missing_token_keeps_the_text(client, tip_page, settings):
    response = client.post(form_url(tip_page), {"message": "My long story", "reply": "none", "token": "bad"})
    page = response.content.decode()
    assert "this form expires after a few hours" in page
    assert "My long story</textarea>" in page
    assert Tip.objects.count() == 0
    settings.TIPS_FORM_MAX_AGE = -1
    response = client.post(form_url(tip_page), {"message": "Again", "reply": "none", "token": token_for(tip_page)})
    assert "this form expires" in response.content.decode() and Tip.objects.count() == 0


@pytest.mark.parametrize(("language", "prefix"), [("en", "/"), ("es", "/es/")])
def test_footer_links_to_the_tip_page_in_the_current_language(client, tip_page, language, prefix):
    newsroom = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    newsroom.tip_page = tip_page
    newsroom.save()
    page = client.get(prefix).content.decode()
    with translation.override(language):
        url = tip_page.url
    footer = page[page.index("<footer") :]
    assert f'href="{url}"' in footer
    assert url == {"en": "/tips/", "es": "/es/pistas/"}[language]
