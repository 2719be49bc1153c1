"""The database out of reach: every page answers a translated 503, and a post's text comes back."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from comments.forms import CommentForm, ReportForm
from tips.forms import TipForm

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CLOSED_DATABASE = "postgres://postgres@127.0.0.1:1/frontera"  # nothing listens on port 1

# Run in a process of its own, whose only database is the closed port.
REQUESTS = """
import json
import django
django.setup()
from django.test import Client

client = Client(raise_request_exception=False)
sent = {
    "front": client.get("/"),
    "portada": client.get("/es/"),
    "article": client.get("/stories/any-article/"),
    "admin": client.get("/admin/login/"),
    "tip": client.post("/es/pistas/", {"message": "Los camiones cruzan de noche.", "contact": "signal:+52 555"}),
    "comment": client.post(
        "/comments/post/1/", {"name": "Lectora", "email": "lectora@example.org", "body": "A comment, kept."}
    ),
}
print(json.dumps({
    name: {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "cache_control": response.get("Cache-Control"),
        "html": response.content.decode(),
    }
    for name, response in sent.items()
}))
"""


def answers_with_the_database_closed():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": CLOSED_DATABASE}
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", REQUESTS], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_the_database_at_a_closed_port_every_page_answers_a_translated_503_and_posts_keep_their_text():
    answers = answers_with_the_database_closed()
    for name, answer in answers.items():
        assert answer["status"] == 503, name
        assert answer["retry_after"] == "60", name
        assert "no-store" in answer["cache_control"], name
        assert "Traceback" not in answer["html"]
    assert "Back in a moment" in answers["front"]["html"]
    assert '<html lang="es">' in answers["portada"]["html"]
    assert "Volvemos en un momento" in answers["portada"]["html"]
    assert "Back in a moment" in answers["article"]["html"]
    # What was written comes back to copy; who wrote it, and how to reach them, does not.
    tip = answers["tip"]["html"]
    assert "Los camiones cruzan de noche." in tip
    assert "cópialo" in tip
    assert "signal:+52 555" not in tip
    comment = answers["comment"]["html"]
    assert "A comment, kept." in comment
    assert "Lectora" not in comment
    assert "lectora@example.org" not in comment
    assert "Nothing was sent or saved" not in answers["front"]["html"]


def test_only_the_reader_forms_free_text_fields_come_back():
    """The fields a 503 shows back exist on the reader forms, and none names or reaches a person."""
    fields = {**CommentForm.base_fields, **ReportForm.base_fields, **TipForm().fields}
    assert set(settings.KEPT_WHEN_DATABASE_IS_DOWN) == {"body", "details", "message", "links"}
    for name in settings.KEPT_WHEN_DATABASE_IS_DOWN:
        assert name in fields
    assert {"name", "email", "contact"} <= set(fields)
