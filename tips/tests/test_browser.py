"""A source with JavaScript off sends a tip in Spanish and later reads the reply."""

import pytest

from demo.tip_page import seed_tip_page
from tips.models import TipSource
from tips.submission import send_reply

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_spanish_source_without_javascript_gets_a_codename_and_reads_a_reply(live_server, browser, home_page):
    seed_tip_page(home_page)
    context = browser.new_context(java_script_enabled=False, locale="es-MX")
    requests = []
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/es/pistas/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "no podemos prometer" in page.content()
    page.fill("textarea[name=message]", "Vi camiones sin placas en la garita de noche.")
    page.check("input[name=reply][value=codename]")
    page.get_by_role("button", name="Enviar la pista").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Recibimos tu pista"
    codename = page.locator(".tips-codename__words").inner_text().strip()
    assert len(codename.split()) == 8  # Spanish words for a Spanish source
    assert context.cookies() == []
    assert all(url.startswith(live_server.url) for url in requests), requests
    context.close()

    send_reply(TipSource.objects.get(), "Gracias. ¿Puedes decirnos qué día fue?")

    context = browser.new_context(java_script_enabled=False, locale="es-MX")
    page = context.new_page()
    page.goto(live_server.url + "/es/pistas/")
    page.get_by_role("link", name="¿Ya enviaste una pista y tienes un nombre clave? Lee nuestras respuestas.").click()
    page.fill("input[name=codename]", codename)
    page.get_by_role("button", name="Leer respuestas").click()
    page.wait_for_load_state()
    assert "¿Puedes decirnos qué día fue?" in page.locator(".tips-replies").inner_text()
    assert context.cookies() == []
    context.close()
