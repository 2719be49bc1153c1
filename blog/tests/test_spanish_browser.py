"""A Spanish reader in Chromium meets a Spanish interface: words, routes and comment actions."""

import re

import polib
import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH_ROUTE_WORDS = {"stories", "tag", "author", "feed", "comments", "reply", "report", "post", "sent"}

# Visible text and the attributes a reader meets (titles, labels, placeholders),
# outside what writers and commenters wrote.
INTERFACE_TEXT = """() => {
    const content = [
        ".article__body", ".article__dek", ".article__title", ".comment__body", ".comment__author",
        ".card__title", ".card__dek",
    ].join(", ");
    // Text marked as another language (the switcher's "English") is foreign on purpose.
    const skip = (element) => element.closest(content) || element.closest("[lang]").lang !== "es";
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        if (!parent || skip(parent) || parent.closest("script, style, noscript")) continue;
        const text = walker.currentNode.textContent.replace(/\\s+/g, " ").trim();
        if (text) texts.push(text);
    }
    const labelled = "[title], [aria-label], [placeholder], input[type=submit], [alt]";
    for (const element of document.querySelectorAll(labelled)) {
        if (skip(element)) continue;
        for (const name of ["title", "aria-label", "placeholder", "value", "alt"]) {
            const value = element.getAttribute(name);
            if (value && (name !== "value" || element.type === "submit")) texts.push(value.trim());
        }
    }
    return texts;
}"""

LINKS = """() => [
    ...[...document.querySelectorAll("a[href]")].map(
        (a) => ({href: a.getAttribute("href"), hreflang: a.getAttribute("hreflang")})
    ),
    ...[...document.querySelectorAll("form[action]")].map((f) => ({href: f.getAttribute("action"), hreflang: null})),
]"""


def english_interface_strings():
    """English interface strings whose Spanish differs: none of them belongs on a Spanish page."""
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    return {
        entry.msgid
        for entry in catalogue.translated_entries()
        if not entry.msgid_plural and entry.msgstr != entry.msgid and "%(" not in entry.msgid
    }


@pytest.fixture
def thread(translated_article):
    from comments.models import Comment
    from comments.threads import insert

    first = insert(
        Comment(
            article=translated_article,
            display_name="Rosa M.",
            body="Conozco a familias que vendieron sus derechos así.",
            language="es",
            status=Comment.Status.APPROVED,
        ),
        3,
    )
    insert(
        Comment(
            article=translated_article,
            parent=first,
            body="Gracias por contarlo.",
            language="es",
            status=Comment.Status.APPROVED,
        ),
        3,
    )
    return first


def test_spanish_reader_meets_spanish_words_routes_and_comment_actions(live_server, browser, thread):
    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    page.goto(live_server.url + "/es/historias/el-canal-seco/")
    assert page.locator("html").get_attribute("lang") == "es"

    # The comment thread offers "Responder" (a verb), never the noun "Respuesta".
    actions = page.locator(".comment__actions")
    assert actions.count() == 2
    assert actions.first.get_by_role("link", name="Responder").count() == 1
    assert actions.first.get_by_role("link", name="Denunciar").count() == 1
    assert "Respuesta" not in actions.first.inner_text()

    # Every link and form on the page stays in Spanish, with Spanish route words,
    # except the switcher's way to the English version.
    links = page.evaluate(LINKS)
    checked = 0
    for link in links:
        href = link["href"]
        if href.startswith(("#", "mailto:")) or link["hreflang"] == "en":
            continue
        path = href.removeprefix(live_server.url)
        if path.startswith(("http://", "https://")):
            continue
        if path.startswith(("/static/", "/media/")):
            continue
        checked += 1
        assert path.startswith("/es/"), path
        words = set(re.split(r"[/?]", path.lower()))
        assert not words & ENGLISH_ROUTE_WORDS, path
    assert checked >= 8
    paths = {link["href"].removeprefix(live_server.url) for link in links}
    assert "/es/historias/etiqueta/agua/" in paths
    assert "/es/historias/autor/ana-sombra/" in paths
    assert f"/es/comentarios/responder/{thread.pk}/" in paths
    assert f"/es/comentarios/denunciar/{thread.pk}/" in paths

    # No English interface string is left on the page.
    english = english_interface_strings()
    texts = page.evaluate(INTERFACE_TEXT)
    assert texts
    assert [text for text in texts if text in english] == []

    # Without JavaScript "Responder" leads to the reply page: at its Spanish address, in Spanish.
    page.goto(f"{live_server.url}/es/comentarios/responder/{thread.pk}/")
    assert page.locator("html").get_attribute("lang") == "es"
    texts = page.evaluate(INTERFACE_TEXT)
    assert [text for text in texts if text in english] == []
    # An old English route word lands on the Spanish one.
    page.goto(f"{live_server.url}/es/comments/report/{thread.pk}/")
    assert page.url == f"{live_server.url}/es/comentarios/denunciar/{thread.pk}/"
    assert page.get_by_role("button", name="Enviar denuncia").count() == 1
    context.close()


def test_switching_language_on_a_tag_page_lands_on_the_other_route(live_server, browser_page, translated_article):
    page = browser_page
    page.goto(live_server.url + "/stories/tag/water/")
    page.get_by_role("link", name="Español").click()
    page.wait_for_url(live_server.url + "/es/historias/etiqueta/agua/")
    assert "El canal seco" in page.content()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + "/stories/tag/water/")
