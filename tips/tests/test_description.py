"""The tip page tells search engines and link previews what it is for."""

import re

import pytest

pytestmark = pytest.mark.django_db


def description(html):
    return re.findall(r'<meta name="description" content="([^"]*)">', html)


def test_the_tip_page_has_a_description_in_each_language(client, tip_page):
    """Its invitation, without markup, in the reader's language; else the site's tagline."""
    english = description(client.get("/tips/").content.decode())
    spanish = description(client.get("/es/pistas/").content.decode())
    assert len(english) == 1 and len(spanish) == 1
    assert english[0] and "<" not in english[0]
    assert english != spanish
    tip_page.intro_en = tip_page.intro_es = ""
    tip_page.save_revision().publish()
    assert description(client.get("/es/pistas/").content.decode()) == [
        "Periodismo independiente sobre el crimen organizado en la frontera entre México y Estados Unidos, "
        "en español y en inglés."
    ]
