"""Smaller gaps: slugs from translated titles, dry-run counts, PO headers, memory threshold and admin."""

import io

import polib
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from conftest import make_article
from translations import files, memory
from translations.models import MemoryEntry

from .conftest import edit


def export_po(page, **kwargs):
    content, _extension, _count = files.export(Page.objects.filter(pk=page.pk).specific(), files.PO, **kwargs)
    return polib.pofile(content.decode())


def translate(po):
    for entry in po:
        entry.msgstr = "Turno de noche en el puente" if entry.msgctxt.endswith(":title") else "Esperan."
        entry.flags = []
    return str(po).encode()


def test_import_gives_the_translation_a_slug_from_its_title(untranslated_article, blog_index, author):
    make_article(
        blog_index,
        en={"title": "Other", "slug": "other"},
        es={"title": "Turno", "slug": "turno-de-noche-en-el-puente"},
        authors=[author],
    )
    files.import_file(translate(export_po(untranslated_article)), "t.po")
    draft = Page.objects.get(pk=untranslated_article.pk).specific.get_latest_revision_as_object()
    # A sibling already has the plain slug, so this one is numbered.
    assert draft.slug_es == "turno-de-noche-en-el-puente-2"
    assert draft.slug_en == "night-shift"


def test_an_existing_translated_slug_is_kept(long_article):
    po = export_po(edit(long_article, title_en="Water for sale, again"))
    for entry in po:
        entry.msgstr, entry.flags = "Agua en venta, otra vez", []
    files.import_file(str(po).encode(), "t.po")
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    assert draft.title_es == "Agua en venta, otra vez" and draft.slug_es == "agua-en-venta"


def test_dry_run_counts_what_would_apply_and_writes_nothing(tmp_path, untranslated_article):
    path = tmp_path / "t.po"
    path.write_bytes(translate(export_po(untranslated_article)))
    revisions = untranslated_article.revisions.count()
    out = io.StringIO()
    call_command("translations", "import", str(path), "--dry-run", stdout=out, stderr=io.StringIO())
    assert "2 applied" in out.getvalue()
    assert untranslated_article.revisions.count() == revisions


def test_po_headers_name_the_revision_date_translator_and_team(admin_client, admin_user, long_article):
    admin_user.first_name, admin_user.last_name = "Ana", "Sombra"
    admin_user.save()
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    response = admin_client.get(reverse("translations_admin:export"), {"page": long_article.pk, "format": "po"})
    po = polib.pofile(response.content.decode())
    assert po.metadata["Last-Translator"] == "Ana Sombra"
    assert po.metadata["Language-Team"] == "Spanish"
    assert po.metadata["PO-Revision-Date"]


def test_near_matches_below_the_threshold_are_not_offered(db):
    memory.remember("en", "es", "About Frontera", "Acerca de Frontera")
    assert memory.near_matches("en", "es", "Photo: Frontera") == []
    memory.remember("en", "es", '<p data-block-key="a1">The canal is dry.</p>', "<p>El canal está seco.</p>")
    assert [m.target_text for m in memory.near_matches("en", "es", "<p>The canal is very dry.</p>")] == [
        "<p>El canal está seco.</p>"
    ]


def test_editors_correct_and_delete_memory_entries(admin_client, db):
    entry = memory.remember("en", "es", "The canal is dry.", "El canal esta seco.")
    index = admin_client.get(reverse("translation_memory:index"))
    assert index.status_code == 200 and "El canal esta seco." in index.content.decode()
    response = admin_client.post(
        reverse("translation_memory:edit", args=[entry.pk]), {"target_text": "El canal está seco."}
    )
    assert response.status_code == 302
    assert memory.exact_match("en", "es", "The canal is dry.") == "El canal está seco."
    response = admin_client.post(reverse("translation_memory:delete", args=[entry.pk]))
    assert response.status_code == 302
    assert not MemoryEntry.objects.exists()
