"""Rich text travels as words and numbered placeholders, through polib, GNU gettext and XLIFF 2.0."""

import shutil
import subprocess

import polib
import pytest
from wagtail.models import Page

from conftest import make_article
from core.bilingual import page_url_in
from translations import files, validation
from translations.richtext import PlaceholderError, describe, from_placeholders, renumber, to_placeholders
from translations.status import page_status

from .conftest import edit

SOURCE = "<p>A <b>bold</b> and <i>it</i><br/>x</p>"


def test_an_existing_translation_is_numbered_after_the_source():
    """Spanish that puts the markup in another order keeps each piece's own placeholder in the export."""
    codes = to_placeholders(SOURCE)[1]
    assert renumber("<p><i>Eso</i> y <b>negrita</b><br/>x</p>", codes) == "{2}Eso{/2} y {1}negrita{/1}{3/}x"
    assert renumber("<p>x<br/><i>Eso</i> y <b>negrita</b></p>", codes) == "x{3/}{2}Eso{/2} y {1}negrita{/1}"
    # Braces the writer typed are text, left as they are.
    assert renumber("<p>{9} <b>negrita</b> {/8}</p>", codes) == "{9} {1}negrita{/1} {/8}"
    # Markup the source does not have, or a lone paragraph for a paragraph around a rule, cannot be numbered.
    assert renumber("<p><a href='/x'>Eso</a></p>", codes) is None
    assert renumber("<p>Eso</p>", to_placeholders("<p>a<hr/>b</p>")[1]) is None


def test_the_translators_markup_note_lists_each_placeholder():
    assert describe(to_placeholders(SOURCE)[1]) == "{1} = <b>, {/1} = </b>, {2} = <i>, {/2} = </i>, {3/} = <br/>"


@pytest.fixture
def linked_article(blog_index, author, translated_article):
    """An English article whose new paragraph links to another page of the site, and out."""
    article = make_article(
        blog_index,
        en={"title": "Salt", "slug": "salt", "body": ["Salt flats."]},
        es={"title": "Sal", "slug": "sal", "body": ["Salinas."]},
        authors=[author],
    )
    html = (
        f'<p data-block-key="k1">Read <b>how</b> we <a linktype="page" id="{translated_article.pk}">checked</a>'
        ' the <a href="https://x.invalid/salt-methodology">method</a>.</p>'
    )
    return edit(article, "en", 0, html, publish=True)


def test_placeholders_round_trip_and_refuse_broken_markup():
    text, codes = to_placeholders('<p data-block-key="a">A <b>bold</b> &amp; <i>it</i><br/>x</p>')
    assert text == "A {1}bold{/1} & {2}it{/2}{3/}x"
    assert (
        from_placeholders("{2}Eso{/2} & {1}negrita{/1}{3/}x", codes) == "<p><i>Eso</i> &amp; <b>negrita</b><br/>x</p>"
    )
    # The error names the placeholder the translator must fix, as the form shows it.
    for broken, named in (
        ("{1}negrita{/1}", "{/2}, {2}, {3/}"),  # left out
        ("{1}{2}a{/1}{/2}{3/}", "{/1}"),  # closed out of order
        ("{1}a{/1}{1}b{/1}{2}{/2}{3/}", "{1}"),  # used twice
        ("{1}a{/1}{2}b{/2}{3/}{9}", "{9}"),  # not in the source
        ("{1}a{2}b{/2}{3/}", "{/1}"),  # never closed
        ("{1}a{/1}{2}b{3/}", "{/2}"),  # never closed, at the end
    ):
        with pytest.raises(PlaceholderError) as refused:
            from_placeholders(broken, codes)
        assert str(refused.value) == named
    # Quotes are stored as typed, as the editor stores them; only <, > and & are escaped.
    assert from_placeholders('{1}Rosa\'s{/1} "view" <at> {2}x{/2}{3/}"y\'s"', codes) == (
        '<p><b>Rosa\'s</b> "view" &lt;at&gt; <i>x</i><br/>"y\'s"</p>'
    )


def test_only_a_lone_paragraph_loses_its_wrapper():
    """A paragraph holding another block (a rule, here) keeps its own tags as placeholders."""
    assert to_placeholders("<p>a <b>b</b></p>") == ("a {1}b{/1}", {"1": "<b>", "/1": "</b>", "wrapper": "p"})
    assert to_placeholders("<p>a<hr/>b</p>") == ("{1}a{2/}b{/1}", {"1": "<p>", "2/": "<hr/>", "/1": "</p>"})
    assert from_placeholders("{1}a{2/}b{/1}", to_placeholders("<p>a<hr/>b</p>")[1]) == "<p>a<hr/>b</p>"
    # Two paragraphs' worth of tags (here a stray closing one) are never read as one lone paragraph.
    assert to_placeholders("<p>a</p>b</p>") == ("{1}a{/1}b", {"1": "<p>", "/1": "</p>"})
    assert to_placeholders("<p>a</p>b") == ("{1}a{/1}b", {"1": "<p>", "/1": "</p>"})
    assert to_placeholders("a<p>b</p>") == ("a{1}b{/1}", {"1": "<p>", "/1": "</p>"})


@pytest.mark.skipif(not shutil.which("msgmerge"), reason="GNU gettext is not installed")
def test_po_round_trip_through_polib_msgmerge_and_msgfmt(client, tmp_path, linked_article, translated_article):
    content, _extension, _count = files.export(Page.objects.filter(pk=linked_article.pk).specific(), files.PO)
    exported = tmp_path / "exported.po"
    exported.write_bytes(content)
    po = polib.pofile(str(exported))
    entry = next(entry for entry in po if "Read" in entry.msgid)
    assert entry.msgid == "Read {1}how{/1} we {2}checked{/2} the {3}method{/3}."
    assert "<a linktype=" not in entry.msgid and f'{{2}} = <a id="{translated_article.pk}" linktype="page">' in (
        entry.comment
    )
    # The translator changes only the words between placeholders, and moves them.
    entry.msgstr, entry.flags = "Lee {3}el método{/3} con el que {2}comprobamos{/2} {1}cómo{/1}.", []
    translated = tmp_path / "translated.po"
    po.save(str(translated))
    merged = tmp_path / "merged.po"
    subprocess.run(  # noqa: S603
        ["msgmerge", "--quiet", "--no-wrap", "-o", str(merged), str(translated), str(exported)],  # noqa: S607
        check=True,
    )
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(merged)], check=True)  # noqa: S603, S607
    result = files.import_file(merged.read_bytes(), "merged.po")
    assert result.ok and len(result.applied) == 1, (result.errors, result.conflicts)
    page = Page.objects.get(pk=linked_article.pk).specific
    draft = page.get_latest_revision_as_object()
    assert draft.body_es.raw_data[0]["value"] == (
        '<p>Lee <a href="https://x.invalid/salt-methodology">el método</a> con el que '
        f'<a id="{translated_article.pk}" linktype="page">comprobamos</a> <b>cómo</b>.</p>'
    )
    assert page_status(page, "es").status == "up_to_date"
    draft.save_revision().publish()
    # The internal link comes out as the Spanish URL of the linked page.
    page = Page.objects.get(pk=linked_article.pk).specific
    html = client.get(page_url_in(page, "es")).content.decode()
    assert f'href="{page_url_in(translated_article, "es")}"' in html
    assert page_url_in(translated_article, "es").startswith("/es/")


def test_xliff_round_trip_with_inline_codes_validates(client, linked_article, translated_article):
    content, _extension, _count = files.export(Page.objects.filter(pk=linked_article.pk).specific(), files.XLIFF)
    validation.check_xliff(content)
    text = content.decode()
    start = text.index("<source>Read")
    source = text[start : text.index("</source>", start) + len("</source>")]
    target = (
        source.replace("<source>Read", "<target>Lee")
        .replace(">how<", ">cómo<")
        .replace(">checked<", ">comprobamos<")
        .replace(">method<", ">método<")
        .replace("</source>", "</target>")
    )
    start = text.index("<target>", start)
    end = text.index("</target>", start) + len("</target>")
    text = (text[:start] + target + text[end:]).replace('state="initial"', 'state="translated"')
    validation.check_xliff(text.encode())
    result = files.import_file(text.encode(), "t.xlf")
    assert result.ok and len(result.applied) == 1, (result.errors, result.conflicts)
    draft = Page.objects.get(pk=linked_article.pk).specific.get_latest_revision_as_object()
    assert "<b>cómo</b>" in draft.body_es.raw_data[0]["value"]
    assert 'linktype="page">comprobamos</a>' in draft.body_es.raw_data[0]["value"]
    # Published, the internal link comes out as the Spanish URL of the linked page, the English as the English.
    draft.save_revision().publish()
    page = Page.objects.get(pk=linked_article.pk).specific
    spanish = client.get(page_url_in(page, "es")).content.decode()
    english = client.get(page_url_in(page, "en")).content.decode()
    spanish_url, english_url = page_url_in(translated_article, "es"), page_url_in(translated_article, "en")
    assert spanish_url != english_url and spanish_url.startswith("/es/")
    assert f'href="{spanish_url}">comprobamos</a>' in spanish and f'href="{english_url}"' not in spanish
    assert f'href="{english_url}">checked</a>' in english
