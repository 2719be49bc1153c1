"""Machine drafts: real backends against local fake servers, provenance, reviewed text kept."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from translations.actions import mark_up_to_date
from translations.machine import DeepLBackend, LibreTranslateBackend, MachineTranslationError
from translations.models import Status, TranslationState
from translations.status import SEGMENT_MACHINE, page_status
from translations.tasks import machine_draft, machine_translate_page

from .conftest import edit


class FakeService(BaseHTTPRequestHandler):
    """Answers like LibreTranslate (/translate) or DeepL (/v2/translate), uppercasing text nodes."""

    requests = []

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        if self.path == "/translate":
            if self.server.api_key and body.get("api_key") != self.server.api_key:
                return self.answer(403, {"error": "Invalid API key"})
            answer = {"translatedText": [shout(text) for text in body["q"]]}
        elif self.path == "/v2/translate":
            if self.headers.get("Authorization") != f"DeepL-Auth-Key {self.server.api_key}":
                return self.answer(403, {"message": "Forbidden"})
            answer = {
                "translations": [
                    {"detected_source_language": "EN", "text": shout(text), "model_type_used": "quality_optimized"}
                    for text in body["text"]
                ]
            }
        else:
            return self.answer(404, {})
        return self.answer(200, answer)

    def answer(self, code, data):
        payload = json.dumps(data).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def shout(text):
    import re

    return re.sub(r">([^<]+)<", lambda m: ">" + m.group(1).upper() + "<", text) if "<" in text else text.upper()


@pytest.fixture
def fake_service():
    FakeService.requests = []
    server = HTTPServer(("127.0.0.1", 0), FakeService)
    server.api_key = "secret"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_libretranslate_speaks_its_api(fake_service):
    backend = LibreTranslateBackend("libre", {"URL": fake_service, "API_KEY": "secret"})
    assert backend.translate(["<p>Dry <b>canal</b></p>"], "en", "es", html=True) == ["<p>DRY <b>CANAL</b></p>"]
    sent = FakeService.requests[-1]["body"]
    assert sent == {
        "q": ["<p>Dry <b>canal</b></p>"],
        "source": "en",
        "target": "es",
        "format": "html",
        "api_key": "secret",
    }


def test_libretranslate_errors_are_raised(fake_service):
    backend = LibreTranslateBackend("libre", {"URL": fake_service, "API_KEY": "wrong"})
    with pytest.raises(MachineTranslationError, match=r"^The translation service refused the request \(error 403\)\.$"):
        backend.translate(["x"], "en", "es")


def test_an_unreachable_service_is_named_to_translators_without_its_address(caplog):
    """The operator's log has the address and the error; the translator's message has neither."""
    backend = LibreTranslateBackend("libre", {"URL": "http://127.0.0.1:1", "TIMEOUT": 2})
    with pytest.raises(MachineTranslationError) as raised:
        backend.translate(["x"], "en", "es")
    assert str(raised.value) == (
        "The translation service could not be reached. Try again later, or translate it yourself."
    )
    assert "127.0.0.1" in caplog.text and "libre" in caplog.text


def test_deepl_speaks_its_api(fake_service):
    backend = DeepLBackend("deepl", {"URL": fake_service, "API_KEY": "secret"})
    assert backend.translate(["<p>a <i>b</i></p>"], "en", "es", html=True) == ["<p>A <i>B</i></p>"]
    request = FakeService.requests[-1]
    assert request["headers"]["Authorization"] == "DeepL-Auth-Key secret"
    assert request["body"] == {
        "text": ["<p>a <i>b</i></p>"],
        "source_lang": "EN",
        "target_lang": "ES",
        "tag_handling": "html",
    }
    assert backend.provenance() == {"backend": "deepl", "model": "quality_optimized"}


def test_deepl_free_keys_use_the_free_host():
    assert DeepLBackend("d", {"API_KEY": "abc:fx"}).base_url() == "https://api-free.deepl.com"
    assert DeepLBackend("d", {"API_KEY": "abc"}).base_url() == "https://api.deepl.com"


def test_machine_draft_fills_missing_text_unreviewed_with_provenance(settings, untranslated_article, fake_service):
    settings.TRANSLATIONS_MACHINE_BACKENDS = {
        "libre": {"BACKEND": "translations.machine.LibreTranslateBackend", "URL": fake_service, "API_KEY": "secret"}
    }
    machine_translate_page.enqueue(untranslated_article.pk, "es", "libre")
    page = Page.objects.get(pk=untranslated_article.pk).specific
    status = page_status(page, "es")
    assert status.status == Status.MACHINE
    draft = page.get_latest_revision_as_object()
    assert draft.title_es == "NIGHT SHIFT AT THE BRIDGE"
    assert draft.body_es.raw_data[0]["value"] == "<p>TRUCKS WAIT ALL NIGHT.</p>"
    assert draft.translation_ready is False
    assert len(page.body_es) == 0  # nothing published
    state = TranslationState.objects.get(page=page, language="es")
    assert {entry["backend"] for entry in state.machine_segments.values()} == {"libre"}
    assert status.machine_provenance == "libre/libretranslate"


def test_saving_the_page_without_touching_machine_text_keeps_it_unreviewed(settings, untranslated_article):
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    machine_draft(untranslated_article, "es", "dummy")
    page = edit(untranslated_article, dek_en="A new dek.")
    assert any(s.status == SEGMENT_MACHINE for s in page_status(page, "es").segments)


def test_rerun_never_overwrites_reviewed_text(settings, untranslated_article):
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    machine_draft(untranslated_article, "es", "dummy")
    page = edit(untranslated_article, title_es="Turno de noche en el puente")  # a person reviews the title
    machine_draft(page, "es", "dummy")
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert draft.title_es == "Turno de noche en el puente"
    assert draft.body_es.raw_data[0]["value"] == "<p>[es] Trucks wait all night.</p>"
    assert mark_up_to_date(page, "es") == 1  # the machine body stays unreviewed until approved
    assert page_status(page, "es").status == Status.MACHINE
    assert mark_up_to_date(page, "es", approve_machine=True) == 0  # none left unreviewed
    assert page_status(page, "es").status == Status.UP_TO_DATE
    assert machine_draft(page, "es", "dummy") == 0


def test_exact_memory_match_is_used_before_the_service(settings, translated_article, untranslated_article):
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    edit(untranslated_article, dek_en="Farmers wait.")  # translated_article's reviewed dek
    machine_draft(untranslated_article, "es", "dummy")
    draft = Page.objects.get(pk=untranslated_article.pk).specific.get_latest_revision_as_object()
    assert draft.dek_es == "Los campesinos esperan."
    state = TranslationState.objects.get(page=untranslated_article, language="es")
    assert state.machine_segments["dek"]["backend"] == "memory"


def publish_form(draft, author, **overrides):
    """The edit form as the admin would post it for ``draft``, with Publish pressed."""
    data = {}
    for language in ("en", "es"):
        for name in ("title", "slug", "dek", "credit_line", "hero_caption", "hero_credit", "seo_title"):
            data[f"{name}_{language}"] = getattr(draft, f"{name}_{language}") or ""
        data[f"search_description_{language}"] = ""
        data[f"body_{language}"] = {
            "count": str(len(draft.body_en if language == "en" else draft.body_es)),
            **{
                str(index): {"type": block.block_type, "value": rich_text(str(block.value)), "id": block.id or ""}
                | {"deleted": "", "order": str(index)}
                for index, block in enumerate(getattr(draft, f"body_{language}"))
            },
        }
    data.update(
        original_language=draft.original_language,
        translator="",
        publication_date=draft.publication_date.isoformat(),
        article_authors=inline_formset([{"author": author.pk}], min=1),
        tags="",
        comments_enabled="on",
        translation_ready="on",
        **{"action-publish": "publish"},
    )
    data.update(overrides)
    return nested_form_data(data)


def test_publishing_ready_translation_with_unreviewed_machine_text_is_refused(
    settings, admin_client, untranslated_article, author
):
    """Publish in the admin is refused while machine text is unreviewed; reviewing it lets it through."""
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    machine_draft(untranslated_article, "es", "dummy")
    draft = Page.objects.get(pk=untranslated_article.pk).specific.get_latest_revision_as_object()
    assert draft.title_es == "[es] Night shift at the bridge"
    edit_url = reverse("wagtailadmin_pages:edit", args=[untranslated_article.pk])

    response = admin_client.post(edit_url, publish_form(draft, author), follow=True)
    assert response.redirect_chain[-1][0] == edit_url
    assert "machine drafts nobody has reviewed" in response.content.decode()
    live = Page.objects.get(pk=untranslated_article.pk).specific
    assert live.translation_ready is False and live.title_es in ("", None)
    assert admin_client.get("/es/historias/", follow=True).content.decode().count("[es] Night shift") == 0

    # A translator rewrites every machine segment: the same publish now goes live.
    draft.title_es = "Turno de noche en el puente"
    draft.slug_es = "turno-de-noche"
    draft.dek_es = ""
    draft.body_es = [("paragraph", RichText("<p>Los camiones esperan toda la noche.</p>"))]
    response = admin_client.post(edit_url, publish_form(draft, author))
    assert response.status_code == 302 and response["Location"] != edit_url
    live = Page.objects.get(pk=untranslated_article.pk).specific
    assert live.translation_ready is True and live.title_es == "Turno de noche en el puente"
