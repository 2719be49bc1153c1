"""A post refused by the CSRF check is explained, never echoed and never re-sent.

Reader forms check forgery without a cookie and never reach this page; the
admin does, and there a refused post may be another site's forgery.
"""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

FORGED_NEW_SUPERUSER = {
    "username": "intruder",
    "email": "intruder@frontera.invalid",
    "password1": "Sup3r-secret-passw0rd",
    "password2": "Sup3r-secret-passw0rd",
    "is_superuser": "on",
    # Field names the reader forms use: the page echoes none of them either.
    "body": "Echo me",
    "message": "And me",
    "details": "Me too",
}


class FormParts(HTMLParser):
    """The forms, fields and buttons of a page."""

    def __init__(self, html):
        super().__init__()
        self.forms, self.fields, self.buttons = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self.forms.append(dict(attrs))
        elif tag in ("input", "textarea", "select"):
            self.fields.append(dict(attrs))
        elif tag == "button":
            self.buttons.append(dict(attrs))


def forged_post(path, data):
    return Client(enforce_csrf_checks=True).post(
        path, data, HTTP_ORIGIN="https://attacker.example", HTTP_REFERER="https://attacker.example/page"
    )


def test_a_forged_admin_post_gets_a_page_that_can_send_nothing_and_echoes_nothing():
    response = forged_post("/admin/users/add/", FORGED_NEW_SUPERUSER)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Nothing was sent" in page
    parts = FormParts(page)
    # The site's own search form (GET) is in the page's header; nothing posts.
    assert [form for form in parts.forms if form.get("method", "get").lower() == "post"] == []
    assert [field for field in parts.fields if field.get("type") == "hidden"] == []
    assert "csrfmiddlewaretoken" not in page
    for value in ("intruder", "Sup3r-secret-passw0rd", "Echo me", "And me", "Me too"):
        assert value not in page
    assert not get_user_model().objects.filter(username="intruder").exists()


def test_a_refused_admin_login_never_shows_the_password():
    response = forged_post("/admin/login/", {"username": "editora", "password": "my-real-passphrase"})
    assert response.status_code == 403
    assert "my-real-passphrase" not in response.content.decode()


def test_a_refused_post_on_a_spanish_page_is_explained_in_spanish(home_page):
    response = forged_post("/es/", {"body": "Mi texto"})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="es"' in page
    assert "Nada se envió" in page and "Regresa a la página, recárgala e inténtalo de nuevo." in page
    assert "Mi texto" not in page
