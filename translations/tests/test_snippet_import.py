"""A translator file that names snippets: every problem is reported entry by entry, and the rest still goes in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from blog.models import Author, BlogTag
from translations import files
from translations.snippets import reference

pytestmark = pytest.mark.django_db

MISSING = "blog.author.999999"


def po_file(language, entries):
    """A PO file as a translator's tool saves it: ``entries`` are (snippet, field, source, translation)."""
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', f'"Language: {language}\\n"', ""]
    for subject, key, source, target in entries:
        lines += [f'msgctxt "{subject}:{key}"', f'msgid "{source}"', f'msgstr "{target}"', ""]
    return "\n".join(lines).encode()


@pytest.fixture
def tag(db):
    return BlogTag.objects.create(name="Border", slug="border")


def test_each_entry_of_a_missing_snippet_is_reported_and_the_rest_applied_when_partial(tag):
    content = po_file(
        "es",
        [
            (MISSING, "bio", "Gone.", "Ya no."),
            (MISSING, "name", "Gone", "Ya no"),
            (reference(tag), "name", "Border", "Frontera"),
        ],
    )
    result = files.import_file(content, "snippets.po", partial=True)
    message = "The snippet does not exist or you may not edit it."
    assert result.errors == [(MISSING, "bio", message), (MISSING, "name", message)]
    assert result.applied == [(reference(tag), "name")]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_file_in_a_language_that_is_no_translation_is_refused_for_every_snippet(author, tag, language):
    content = po_file(
        language, [(reference(author), "bio", "A reporter.", "X."), (reference(tag), "name", "Border", "Y")]
    )
    result = files.import_file(content, "snippets.po")
    message = "The file's language is not a translation of this page."
    assert result.errors == [(reference(author), "", message), (reference(tag), "", message)]
    assert result.applied == []


def test_untranslated_and_vanished_entries_are_listed_and_the_rest_applied_when_partial(author, tag):
    content = po_file(
        "es",
        [
            (reference(author), "bio", "A reporter.", ""),
            (reference(author), "motto", "Gone since the export.", "Ya no está."),
            (reference(tag), "name", "Border", "Frontera"),
        ],
    )
    result = files.import_file(content, "snippets.po", partial=True)
    assert result.skipped == [(reference(author), "bio", "not translated or marked for review")]
    assert result.conflicts == [(reference(author), "motto", "This text is no longer in the page.")]
    assert result.applied == [(reference(tag), "name")]


def test_a_dry_run_names_each_snippet_as_the_import_would_and_writes_nothing(author, tag):
    content = po_file(
        "es",
        [(reference(author), "bio", "A reporter.", "Una reportera."), (reference(tag), "name", "Border", "Frontera")],
    )
    before = BlogTag.objects.get(pk=tag.pk).name_es
    result = files.import_file(content, "snippets.po", dry_run=True)
    assert result.applied == [(reference(tag), "name")]
    assert result.confirmed == [(reference(author), "bio")]
    assert BlogTag.objects.get(pk=tag.pk).name_es == before != "Frontera"


def test_the_admin_says_an_imported_biography_is_live_not_a_draft(admin_client, admin_user, author, tag):
    """Snippets have no drafts: a translator told "draft revisions" would think readers cannot see it yet."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    content = po_file(
        "es", [(MISSING, "bio", "Gone.", "Ya no."), (reference(author), "bio", "A reporter.", "Una periodista.")]
    )
    upload = SimpleUploadedFile("snippets.po", content)
    response = admin_client.post(reverse("translations_admin:import"), {"file": upload, "partial": "on"})
    assert response.status_code == 200  # one entry refused, the other applied
    assert [str(message) for message in response.context["messages"]] == [
        "Biografías y nombres de etiquetas importados: ya están publicados, porque los fragmentos no tienen borradores."
    ]
    assert Author.objects.get(pk=author.pk).bio_es == "Una periodista."


def test_a_biography_changed_since_the_export_is_a_conflict_named_as_such(author, tag):
    author.bio_en = "A reporter on the border."
    author.save()
    content = po_file(
        "es",
        [(reference(author), "bio", "A reporter.", "Una periodista."), (reference(tag), "name", "Border", "Frontera")],
    )
    result = files.import_file(content, "snippets.po", partial=True)
    assert result.conflicts == [(reference(author), "bio", "The source text changed since the export.")]
    assert result.applied == [(reference(tag), "name")]
    assert Author.objects.get(pk=author.pk).bio_es == "Una reportera."
