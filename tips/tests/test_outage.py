"""The database lost while a tip is stored: the source is asked to come back, with their text to copy."""

import pytest
from django.db import OperationalError
from django.test import Client

from tips.models import Tip

from .conftest import SOURCE_META, form_url, token_for

pytestmark = pytest.mark.django_db


def send_tip(page, language):
    data = {
        "message": "The trucks cross at night.",
        "links": "https://example.org/evidence",
        "reply": "contact",
        "contact": "signal:+52 555 0100",
        "token": token_for(page),
    }
    client = Client(raise_request_exception=False)
    return client.post(form_url(page, language), data, **SOURCE_META)


def failing_store(error):
    def fail(*args, **kwargs):
        raise error

    return fail


@pytest.mark.parametrize(("language", "words"), [("en", "copy it"), ("es", "cópialo")])
def test_a_tip_sent_while_the_database_is_lost_gets_a_503_with_its_text_to_copy(
    tip_page, monkeypatch, settings, language, words
):
    settings.DEBUG = False
    monkeypatch.setattr("tips.serving.store_tip", failing_store(OperationalError("server closed the connection")))
    response = send_tip(tip_page, language)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    # Still the tip line's own headers: nothing cached, no referrer, no script.
    assert response["Cache-Control"] == "no-store, max-age=0"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "script-src 'none'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert words in html
    assert "The trucks cross at night." in html
    assert "https://example.org/evidence" in html
    assert "signal:+52 555 0100" not in html
    assert not Tip.objects.exists()


def test_a_tip_that_fails_for_another_reason_is_a_500_that_still_shows_its_text(tip_page, monkeypatch, settings):
    settings.DEBUG = False
    monkeypatch.setattr("tips.serving.store_tip", failing_store(ValueError("a bug")))
    response = send_tip(tip_page, "en")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "The trucks cross at night." in response.content.decode()


def test_the_tip_page_read_while_the_database_is_lost_keeps_nothing(tip_page, monkeypatch, settings):
    settings.DEBUG = False
    monkeypatch.setattr("tips.serving.render_state", failing_store(OperationalError("no connection")))
    response = Client(raise_request_exception=False).get(form_url(tip_page, "es"))
    assert response.status_code == 503
    html = response.content.decode()
    assert "Algo salió mal" in html
    assert "Tu texto está abajo" not in html
