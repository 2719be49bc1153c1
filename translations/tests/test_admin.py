"""The admin: report, review page, actions, dashboard panel, buttons, memory, readiness."""

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from conftest import listing_rows, make_article
from translations import files, memory
from translations.forms import ImportForm
from translations.models import Status, TranslationState
from translations.status import page_status

from .conftest import edit


def report(client, **params):
    return client.get(reverse("translations_admin:report"), params)


def test_report_lists_every_status(admin_client, translated_article, untranslated_article, long_article):
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    response = report(admin_client)
    assert response.status_code == 200
    status_by_title = {row[0]: (row[2], row[4]) for row in listing_rows(response.content.decode())}
    assert status_by_title["The dry canal"] == ("Spanish", "Up to date")
    assert {row[3] for row in listing_rows(response.content.decode()) if row[0] == "The dry canal"} == {"English"}
    assert status_by_title["Night shift at the bridge"] == ("Spanish", "Missing")
    assert status_by_title["Water for sale"] == ("Spanish", "Stale")


def test_report_filters_by_status_and_language(admin_client, translated_article, untranslated_article, long_article):
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    content = report(admin_client, status="stale").content.decode()
    assert "Water for sale" in content and "The dry canal" not in content and "Night shift" not in content
    content = report(admin_client, status="missing", language="es").content.decode()
    assert "Night shift at the bridge" in content and "Water for sale" not in content
    content = report(admin_client, language="en").content.decode()
    assert "Night shift at the bridge" not in content


def test_report_exports_csv_and_xlsx(admin_client, translated_article, untranslated_article):
    response = report(admin_client, export="csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:6] == ["Page ID", "Title", "Type", "Language", "Translated from", "Status"]
    by_title = {row[1]: row for row in rows[1:]}
    assert by_title["The dry canal"][5] == "up_to_date"
    assert by_title["Night shift at the bridge"][5] == "missing"
    response = report(admin_client, export="xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    xlsx_rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert xlsx_rows[0][:6] == ["Page ID", "Title", "Type", "Language", "Translated from", "Status"]
    xlsx_by_title = {row[1]: row for row in xlsx_rows[1:]}
    assert xlsx_by_title["The dry canal"][0] == translated_article.pk
    assert xlsx_by_title["The dry canal"][5] == "up_to_date"
    assert xlsx_by_title["Night shift at the bridge"][5] == "missing"
    assert {row[1] for row in xlsx_rows[1:]} == {row[1] for row in rows[1:]}


def test_report_queries_do_not_grow_with_pages(admin_client, blog_index, author, django_assert_max_num_queries):
    def add(count, start):
        for index in range(start, start + count):
            make_article(
                blog_index,
                en={"title": f"Story {index}", "slug": f"story-{index}", "body": ["One.", "Two."]},
                es={"title": f"Historia {index}", "slug": f"historia-{index}", "body": ["Uno.", "Dos."]},
                authors=[author],
            )

    add(3, 0)
    report(admin_client)  # warm caches (content types, site root)
    with django_assert_max_num_queries(30) as small:
        assert report(admin_client).status_code == 200
    add(27, 3)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = report(admin_client)
    assert "Story 29" in response.content.decode()
    assert len(large.captured_queries) == len(small.captured_queries)


def test_review_page_shows_only_the_changed_paragraph(admin_client, long_article):
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    response = admin_client.get(reverse("translations_admin:page", args=[long_article.pk, "es"]))
    content = response.content.decode()
    assert "doubled" in content and "<del>rose.</del>" in content and "<ins>doubled.</ins>" in content
    assert "Los precios subieron." in content
    assert "wells are" not in content and "Nobody" not in content


def test_saving_spanish_in_the_review_page_confirms_it(admin_client, long_article):
    page = edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    key = page_status(page, "es").changed_segments()[0].key
    url = reverse("translations_admin:page", args=[page.pk, "es"])
    response = admin_client.post(url, {"action": "save", key: "<p>Los precios se duplicaron.</p>"})
    assert response.status_code == 302
    assert page_status(page, "es").status == Status.UP_TO_DATE
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == "<p>Los precios se duplicaron.</p>"
    # The pair is now in the translation memory.
    assert memory.exact_match("en", "es", "<p>Prices doubled.</p>") == "<p>Los precios se duplicaron.</p>"


def test_review_page_refuses_changed_markup(admin_client, long_article):
    page = edit(long_article, "en", 2, '<p>Nobody <a href="https://x.invalid">replies</a>.</p>')
    key = page_status(page, "es").changed_segments()[0].key
    response = admin_client.post(
        reverse("translations_admin:page", args=[page.pk, "es"]), {"action": "save", key: "<p>Nadie contesta.</p>"}
    )
    assert response.status_code == 400
    assert page_status(page, "es").status == Status.STALE


def test_mark_as_up_to_date(admin_client, long_article):
    page = edit(long_article, "en", 1, "<p>Prices rose, slightly.</p>")
    admin_client.post(reverse("translations_admin:page", args=[page.pk, "es"]), {"action": "mark_up_to_date"})
    assert page_status(page, "es").status == Status.UP_TO_DATE


def test_copy_source_into_empty_target_fields(admin_client, untranslated_article):
    admin_client.post(
        reverse("translations_admin:page", args=[untranslated_article.pk, "es"]), {"action": "copy_source"}
    )
    draft = Page.objects.get(pk=untranslated_article.pk).specific.get_latest_revision_as_object()
    assert draft.title_es == "Night shift at the bridge"
    assert page_status(untranslated_article, "es").status == Status.MACHINE


def test_readiness_only_for_a_reviewed_translation(admin_client, untranslated_article):
    url = reverse("translations_admin:page", args=[untranslated_article.pk, "es"])
    admin_client.post(url, {"action": "copy_source"})
    admin_client.post(url, {"action": "mark_ready"})
    assert Page.objects.get(pk=untranslated_article.pk).specific.translation_ready is False
    page = edit(untranslated_article, title_es="Turno de noche", publish=True)
    draft = page.get_latest_revision_as_object()
    draft.body_es = [
        {"type": "paragraph", "value": "<p>Los camiones esperan.</p>", "id": draft.body_en.raw_data[0]["id"]}
    ]
    draft.save_revision().publish()
    assert page_status(page, "es").status == Status.UP_TO_DATE
    page = Page.objects.get(pk=page.pk).specific
    assert not page.has_language("es")
    admin_client.post(url, {"action": "mark_ready"})
    page = Page.objects.get(pk=page.pk).specific
    assert page.translation_ready is True and page.has_language("es")
    assert "es" in page.available_languages()


def test_memory_suggestions_are_offered_beside_the_field(admin_client, translated_article, blog_index, author):
    article = make_article(
        blog_index,
        en={"title": "Canal", "slug": "canal", "dek": "Farmers wait.", "body": ["The canal is nearly dry."]},
        authors=[author],
    )
    content = admin_client.get(reverse("translations_admin:page", args=[article.pk, "es"])).content.decode()
    assert "exact match" in content and "Los campesinos esperan." in content
    assert "Similar text" in content and "El canal está seco." in content


def test_near_matches_rank_similar_text(db):
    memory.remember("en", "es", "The canal is dry.", "El canal está seco.")
    memory.remember("en", "es", "Something else entirely, really.", "Otra cosa.")
    matches = memory.near_matches("en", "es", "The canal is very dry.")
    assert [match.target_text for match in matches] == ["El canal está seco."]
    assert memory.near_matches("en", "es", "The canal is dry.") == []  # exact is not near


def panel_count(client, kind):
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="translations-panel-section"' in content
    marker = f'data-count="{kind}">'
    return int(content[content.index(marker) + len(marker) :].split("<", 1)[0])


def test_dashboard_panel_counts_missing_and_stale(admin_client, translated_article, long_article, blog_index, author):
    missing, stale = panel_count(admin_client, "missing"), panel_count(admin_client, "stale")
    make_article(blog_index, en={"title": "Only English", "slug": "only-english", "body": ["x"]}, authors=[author])
    assert panel_count(admin_client, "missing") == missing + 1
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    assert panel_count(admin_client, "stale") == stale + 1
    assert panel_count(admin_client, "missing") == missing + 1


def test_status_buttons_in_listing_and_editor_header(admin_client, untranslated_article, blog_index):
    content = admin_client.get(reverse("wagtailadmin_explore", args=[blog_index.pk])).content.decode()
    assert 'data-translation-status="missing"' in content
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[untranslated_article.pk])).content.decode()
    assert 'data-translation-status="missing"' in content


def test_export_and_import_views(admin_client, long_article):
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    response = admin_client.get(reverse("translations_admin:export"), {"page": long_article.pk, "format": "po"})
    assert response["Content-Disposition"].endswith('.po"')
    import polib

    po = polib.pofile(response.content.decode())
    po[0].msgstr, po[0].flags = "Los precios se duplicaron.", []
    upload = SimpleUploadedFile("t.po", str(po).encode())
    response = admin_client.post(reverse("translations_admin:import"), {"file": upload})
    assert response.status_code == 200 and "Applied: 1" in response.content.decode()
    assert page_status(long_article, "es").status == Status.UP_TO_DATE


def test_an_oversized_import_is_refused_before_it_is_read(admin_client, long_article, monkeypatch):
    def not_read(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(files, "import_file", not_read)
    revisions = long_article.revisions.count()
    upload = SimpleUploadedFile("t.po", b"#" * (ImportForm.max_size + 1))
    response = admin_client.post(reverse("translations_admin:import"), {"file": upload}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "The file is too large: a translation file can be at most 10.0\xa0MB." in response.content.decode()
    profile = UserProfile.get_for_user(response.wsgi_request.user)
    profile.preferred_language = "es"
    profile.save()
    upload.seek(0)
    response = admin_client.post(reverse("translations_admin:import"), {"file": upload})
    assert response.status_code == 400
    assert "un archivo de traducción puede pesar como máximo 10.0\xa0MB." in response.content.decode()
    assert long_article.revisions.count() == revisions


def test_views_need_edit_permission(client, django_user_model, long_article):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin turns PermissionDenied into a redirect with an error message.
    response = client.get(reverse("translations_admin:page", args=[long_article.pk, "es"]))
    assert response.status_code in (302, 403)
    response = client.post(
        reverse("translations_admin:page", args=[long_article.pk, "es"]), {"action": "mark_up_to_date"}
    )
    assert response.status_code in (302, 403)
    assert not TranslationState.objects.filter(page=long_article, confirmed_by=user).exists()
    assert "Water for sale" not in report(client).content.decode()


def test_review_screen_edits_words_and_placeholders_not_html(admin_client, long_article):
    page = edit(long_article, "en", 2, '<p>Nobody <a href="https://x.invalid">replies</a> <b>now</b>.</p>')
    key = page_status(page, "es").changed_segments()[0].key
    url = reverse("translations_admin:page", args=[page.pk, "es"])
    content = admin_client.get(url).content.decode()
    assert "Nadie {1}responde{/1}." in content  # the textarea: words and the source's placeholders
    assert "&lt;a href" not in content.split("<textarea", 1)[1].split("</textarea>", 1)[0]
    response = admin_client.post(url, {"action": "save", key: "Nadie {1}contesta{/1}."})
    assert response.status_code == 400  # a placeholder left out: refused, the text kept
    assert "Nadie {1}contesta{/1}." in response.content.decode()
    assert page_status(page, "es").status == Status.STALE
    response = admin_client.post(url, {"action": "save", key: "{2}Ahora{/2} nadie {1}contesta{/1}."})
    assert response.status_code == 302
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[2]["value"] == '<p><b>Ahora</b> nadie <a href="https://x.invalid">contesta</a>.</p>'
    assert page_status(page, "es").status == Status.UP_TO_DATE
    # Raw markup is accepted only as the source has it; a link may not become a script.
    response = admin_client.post(
        url + "?all=1", {"action": "save", key: '<p><b>Ahora</b> nadie <a href="javascript:alert(1)">contesta</a>.</p>'}
    )
    assert response.status_code == 400 and "Keep exactly the markup and links of the source text." in response.text
    assert (
        "javascript:"
        not in Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().body_es.raw_data[2]["value"]
    )


def test_status_badges_answer_per_language_for_editors_only(admin_client, long_article):
    from django.test import Client

    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    url = reverse("translations_admin:status", args=[long_article.pk])
    data = admin_client.get(url).json()
    assert data["statuses"] == [
        {
            "language": "es",
            "status": "stale",
            "label": "Spanish: Stale",
            "url": reverse("translations_admin:page", args=[long_article.pk, "es"]),
        }
    ]
    assert Client().get(url).status_code == 302  # anonymous: to the login page


def test_the_report_in_spanish_names_each_page_by_its_original_title(admin_client, admin_user, translated_article):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    rows = listing_rows(report(admin_client).content.decode())
    (row,) = [row for row in rows if row[0] in ("The dry canal", "El canal seco")]
    assert [row[0], row[2], row[3]] == ["The dry canal", "Español", "Inglés"]
