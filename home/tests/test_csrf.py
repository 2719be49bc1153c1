"""A post refused by the CSRF check is never re-sent; readers keep their text to copy."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.utils import translation

from home.views import csrf_failure
from tips.demo import seed_tip_page

pytestmark = pytest.mark.django_db


class FormParts(HTMLParser):
    """Collects the forms, inputs and buttons of a page."""

    def __init__(self):
        super().__init__()
        self.forms, self.inputs, self.buttons, self.links = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(attrs)
        elif tag in ("input", "textarea", "select"):
            self.inputs.append(attrs)
        elif tag == "button":
            self.buttons.append(attrs)
        elif tag == "a":
            self.links.append(attrs.get("href"))


def parts(response):
    parser = FormParts()
    parser.feed(response.content.decode())
    return parser


def test_forged_admin_post_gets_a_page_that_cannot_send_anything():
    """A cross-site post to add a superuser is answered with nothing to click that acts."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/admin/users/add/",
        {
            "username": "intruder",
            "email": "intruder@example.com",
            "password1": "Sup3r-secret-passw0rd",
            "password2": "Sup3r-secret-passw0rd",
            "is_superuser": "on",
        },
        HTTP_ORIGIN="https://attacker.example",
        HTTP_REFERER="https://attacker.example/page",
    )
    assert response.status_code == 403
    page = response.content.decode()
    found = parts(response)
    assert not [form for form in found.forms if form.get("method", "get").lower() == "post"]
    assert not [field for field in found.inputs if field.get("type") == "hidden"]
    assert "csrfmiddlewaretoken" not in page
    assert "Sup3r-secret-passw0rd" not in page
    assert "intruder" not in page
    assert not get_user_model().objects.filter(username="intruder").exists()


def test_admin_login_password_is_never_echoed():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "editor", "password": "my-real-passphrase"})
    assert response.status_code == 403
    assert "my-real-passphrase" not in response.content.decode()
    assert not parts(response).inputs


def test_refused_comment_shows_the_text_to_copy_and_a_link_to_the_article(translated_article):
    client = Client(enforce_csrf_checks=True)
    body = "Mi comentario “largo”, con acentos: ñandú.\nSegunda línea."
    response = client.post(
        f"/es/comments/post/{translated_article.pk}/",
        {"body": body, "name": "Rosa", "email": "rosa@example.com", "website": "x"},
    )
    assert response.status_code == 403
    page = response.content.decode()
    found = parts(response)
    assert '<html lang="es">' in page
    assert "Nada se envió" in page
    assert "Mi comentario “largo”, con acentos: ñandú.<br>Segunda línea." in page
    with translation.override("es"):
        article_url = translated_article.get_url()
    assert article_url.startswith("/es/")
    assert article_url in found.links
    assert not found.forms or not [f for f in found.forms if f.get("method", "").lower() == "post"]
    assert not found.inputs
    assert "rosa@example.com" not in page
    assert "Rosa" not in page


def test_refused_report_links_back_to_the_report_form(translated_article):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/comments/report/12345/", {"reason": "abuse", "details": "Threatens a reporter."})
    assert response.status_code == 403
    assert "Threatens a reporter." in response.content.decode()
    assert "/comments/report/12345/" in parts(response).links


def test_refused_post_elsewhere_echoes_nothing(translated_article):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"body": "Echo me", "message": "and me"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Echo me" not in page
    assert "and me" not in page
    assert not parts(response).inputs


def test_refused_tip_shows_the_message_but_never_the_codename(home_page):
    """The tip page checks forgery its own way; if Django's check ever refuses a tip, the text is kept."""
    tip_page = seed_tip_page(home_page)
    request = RequestFactory().post(
        tip_page.url, {"message": "The warehouse on 5th street.", "codename": "secret codename words", "contact": "x"}
    )
    response = csrf_failure(request)
    assert response.status_code == 403
    page = response.content.decode()
    assert "The warehouse on 5th street." in page
    assert "secret codename words" not in page
    assert tip_page.url in parts(response).links
    assert not parts(response).inputs
