"""import_blogger on small exports in both of Blogger's formats."""

import datetime
import io
import pathlib
import zipfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from blog.models import ArticlePage, Author, BlogTag
from blogger.models import ImportedItem, PendingImage, StagedComment
from comments.models import Comment, CommentSettings
from comments.threads import insert
from conftest import make_article
from home.models import StandardPage

DATA = pathlib.Path(__file__).parent / "data"
TAKEOUT = DATA / "feed.atom"
CLASSIC = DATA / "blog-11-20-2023.xml"
UTC = datetime.UTC


def takeout_zip(tmp_path, feed=TAKEOUT):
    path = tmp_path / "takeout-20231120T100000Z-001.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(feed, "Takeout/Blogger/Blogs/Noticias de la Frontera/feed.atom")
        archive.writestr("Takeout/Blogger/Blogs/Noticias de la Frontera/theme-classic.xml", "<html></html>")
        archive.writestr("Takeout/archive_browser.html", "<html></html>")
    return path


@pytest.fixture(params=["feed.atom", "takeout.zip", "classic.xml"])
def export(request, tmp_path):
    return {"feed.atom": TAKEOUT, "takeout.zip": takeout_zip(tmp_path), "classic.xml": CLASSIC}[request.param]


def run(path, *args):
    out = io.StringIO()
    call_command("import_blogger", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def article(title_es=None, title_en=None):
    if title_es:
        return ArticlePage.objects.get(title_es=title_es)
    return ArticlePage.objects.get(title_en=title_en)


def thread(page):
    """The article's comments in path order, each as what a reader would check."""
    comments = list(Comment.objects.filter(article=page).order_by("path"))
    names = {comment.pk: comment.body[:12] for comment in comments}
    return [
        (c.path, c.depth, names.get(c.parent_id), c.display_name, c.language, c.status, c.created_at, c.body)
        for c in comments
    ]


def snapshot():
    """Every row the import touches, to compare one run with the next."""
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "path", "title_en", "title_es", "live")),
        "revisions": Revision.objects.count(),
        "comments": list(Comment.objects.order_by("pk").values_list("pk", "path", "parent_id", "body", "language")),
        "tags": list(BlogTag.objects.order_by("pk").values_list("pk", "name", "slug")),
        "authors": list(Author.objects.order_by("pk").values_list("pk", "name", "slug")),
        "redirects": list(Redirect.objects.order_by("pk").values_list("old_path", "redirect_page_id")),
        "items": list(
            ImportedItem.objects.order_by("pk").values_list("kind", "blogger_id", "object_id", "fingerprint")
        ),
        "images": PendingImage.objects.count(),
    }


def test_posts_become_articles_in_their_language(export, blog_index):
    """Each live post is a live article in the language it was written in, the other language left empty."""
    run(export)
    spanish = article(title_es="Migración en el puente")
    assert spanish.original_language == "es"
    assert (spanish.title_en, spanish.slug_en, spanish.slug_es) == ("", "", "migracion-en-el-puente")
    assert len(spanish.body_en) == 0
    assert spanish.search_description_es == ("Familias esperan en el puente." if export.suffix != ".xml" else "")
    assert spanish.live and not spanish.has_unpublished_changes
    assert spanish.first_published_at == datetime.datetime(2023, 11, 14, 16, 0, tzinfo=UTC)
    assert spanish.publication_date == datetime.date(2023, 11, 14)
    assert spanish.live_revision_id == spanish.latest_revision_id is not None
    assert spanish.get_parent().pk == blog_index.pk
    assert [author.name for author in spanish.byline_authors()] == ["Ana Sombra"]
    assert sorted(tag.name for tag in spanish.tag_list()) == ["Crimen organizado", "Migración"]

    english = article(title_en="Night shift at the bridge")
    assert (english.original_language, english.title_es, english.slug_en) == ("en", "", "night-shift")
    assert [block.value.source for block in english.body_en] == [
        "<p>Trucks wait all night at the border crossing.</p>",
        "<p>Drivers say the inspections have doubled since the summer.</p>",
    ]


def test_blogger_markup_becomes_clean_blocks(export, blog_index):
    """Span soup, inline styles, scripts and handlers go; images, headings, quotes and embeds stay as blocks."""
    run(export)
    body = article(title_es="Migración en el puente").body_es
    raw = [(block["type"], block["value"]) for block in body.raw_data]
    image_url = "https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh1/s1600/puente.jpg"
    assert raw == [
        (
            "paragraph",
            "<p>Cientos de familias esperan en el puente internacional<br/>desde la madrugada, <b>sin agua</b> "
            "y sin sombra.</p>",
        ),
        ("paragraph", "<p>Los agentes dicen que la fila avanza <i>despacio</i>.</p>"),
        ("paragraph", f'<p><a href="{image_url}">puente.jpg</a></p>'),
        ("heading", "Lo que dicen los vecinos"),
        ("quote", {"text": "Nadie nos avisó.", "attribution": ""}),
        ("paragraph", '<p>Más información <a href="https://ejemplo.mx/nota">aquí</a>.</p>'),
        ("embed", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ]
    image = PendingImage.objects.get()
    assert (image.url, image.page_id, image.field_name) == (
        image_url,
        body.raw_data[2]["id"] and image.page_id,
        "body_es",
    )
    assert image.block_id == body.raw_data[2]["id"]


def test_drafts_pages_labels_and_authors(export, home_page, blog_index):
    """A draft stays a draft, a Blogger page is a standard page, a label with accents is one tag."""
    run(export)
    draft = article(title_es="Borrador sobre las maquilas")
    assert not draft.live and draft.latest_revision_id and draft.first_published_at is None
    about = StandardPage.objects.get()
    assert (about.title_es, about.slug_es, about.live, about.original_language) == (
        "Quiénes somos",
        "quienes-somos",
        True,
        "es",
    )
    assert about.get_parent().pk == home_page.pk
    assert sorted(BlogTag.objects.values_list("name", "name_es", "slug")) == [
        ("Crimen organizado", "Crimen organizado", "crimen-organizado"),
        ("Migración", "Migración", "migracion"),
    ]
    assert list(Author.objects.values_list("name", "slug")) == [("Ana Sombra", "ana-sombra")]
    assert ArticlePage.objects.count() == 3


def test_comments_keep_their_threads(export, blog_index):
    """Replies to replies stay nested; the deepest one is filed at the site's depth, answering its real parent."""
    run(export)
    spanish = article(title_es="Migración en el puente")
    at = datetime.datetime
    assert thread(spanish) == [
        (
            "00001",
            1,
            None,
            "Lector Uno",
            "es",
            "approved",
            at(2023, 11, 14, 18, tzinfo=UTC),
            "Gracias por informar, aquí en la colonia también lo vimos.",
        ),
        (
            "0000100001",
            2,
            "Gracias por ",
            "",
            "es",
            "approved",
            at(2023, 11, 14, 19, tzinfo=UTC),
            "Eso no es cierto, la fila avanzó rápido en la tarde.",
        ),
        (
            "000010000100001",
            3,
            "Eso no es ci",
            "Reader Three",
            "en",
            "approved",
            at(2023, 11, 14, 20, tzinfo=UTC),
            "I crossed there yesterday and the line was\nmuch longer than they say.",
        ),
        # A reply to a depth-3 comment with max_depth 3: filed beside it, parent kept.
        (
            "000010000100002",
            3,
            "I crossed th",
            "Lector Uno",
            "es",
            "approved",
            at(2023, 11, 14, 21, tzinfo=UTC),
            "¿A qué hora cruzaste? Nosotros llegamos a las seis.",
        ),
    ]
    english = article(title_en="Night shift at the bridge")
    assert [(c[0], c[3], c[4]) for c in thread(english)] == [("00001", "Border Watcher", "en")]
    assert not Comment.objects.exclude(email="").exists()
    assert not Comment.objects.exclude(client_hash="").exists()
    assert not StagedComment.objects.exists()


def test_threads_match_what_the_live_site_builds(blog_index):
    """The paths the import computes are those comments.threads.insert gives the same replies, at any depth."""
    settings = CommentSettings.for_site(blog_index.get_site())
    settings.max_depth = 2
    settings.save()
    run(TAKEOUT)
    imported = article(title_es="Migración en el puente")
    live = make_article(blog_index, es={"title": "Control", "slug": "control", "body": ["x"]}, original="es")
    by_body = {}
    for comment in Comment.objects.filter(article=imported).order_by("created_at"):
        parent = by_body.get(comment.parent.body) if comment.parent else None
        by_body[comment.body] = insert(
            Comment(article=live, parent=parent, body=comment.body, language="es", status="approved"), max_depth=2
        )
    assert [(c[0], c[1], c[2]) for c in thread(imported)] == [(c[0], c[1], c[2]) for c in thread(live)]
    assert max(c[1] for c in thread(imported)) == 2


def test_skipped_entries_are_counted_and_listed(blog_index):
    """Trashed and deleted entries are skipped, each listed with its id and the reason."""
    out = run(TAKEOUT)
    assert "posts skipped: 1" in out
    assert "comments skipped: 2" in out
    assert "blog-7001.post-104: post trashed" in out
    assert "blog-7001.post-305: comment trashed" in out
    assert "blog-7001.post-306: comment status deleted" in out
    assert not ArticlePage.objects.filter(title_es="Entrada borrada").exists()
    assert not Comment.objects.filter(body__contains="seguidores").exists()
    assert "comments approved: 5" in out and "posts live: 2" in out and "posts draft: 1" in out


def test_second_run_changes_nothing(export, blog_index):
    """Keyed on Blogger ids, importing the same export twice duplicates and updates nothing."""
    run(export)
    before = snapshot()
    out = run(export)
    assert snapshot() == before
    assert (
        "posts unchanged: 3" in out
        and "comments unchanged: 5" in out
        and "redirects created" not in out.replace("redirects created: 0", "")
    )


def test_an_edited_post_is_updated_not_duplicated(tmp_path, blog_index):
    """A newer export with a changed post updates that article and adds only the new comment."""
    run(TAKEOUT)
    changed = tmp_path / "feed.atom"
    text = TAKEOUT.read_text()
    text = text.replace("Trucks wait all night", "Trucks still wait all night")
    text = text.replace(
        "</feed>",
        """<entry><id>tag:blogger.com,1999:blog-7001.post-312</id><blogger:type>COMMENT</blogger:type>
        <blogger:status>LIVE</blogger:status><author><name>Ana Sombra</name></author>
        <content type='html'>Thanks, we are following it up.</content>
        <published>2023-12-03T15:00:00.000Z</published>
        <blogger:parent>tag:blogger.com,1999:blog-7001.post-102</blogger:parent>
        <blogger:inReplyTo>tag:blogger.com,1999:blog-7001.post-311</blogger:inReplyTo></entry></feed>""",
    )
    changed.write_text(text)
    out = run(changed)
    assert "posts updated: 1" in out and "posts unchanged: 2" in out
    english = article(title_en="Night shift at the bridge")
    assert english.body_en.raw_data[0]["value"] == "<p>Trucks still wait all night at the border crossing.</p>"
    assert ArticlePage.objects.count() == 3
    assert [(c[0], c[2]) for c in thread(english)] == [("00001", None), ("0000100001", "Same at the ")]


def test_old_addresses_answer_301(client, export, blog_index):
    """Every old post, page, label and archive address, with or without ?m=1, is a permanent redirect."""
    run(export)
    spanish = article(title_es="Migración en el puente")
    english = article(title_en="Night shift at the bridge")
    about = StandardPage.objects.get()
    expected = {
        "/2023/11/migracion-en-el-puente.html": spanish.url,
        "/2023/11/migracion-en-el-puente.html?m=1": spanish.url,
        "/2023/12/night-shift.html": english.url,
        "/2023/12/night-shift.html?m=0": english.url,
        "/p/quienes-somos.html": about.url,
        "/p/quienes-somos.html?m=1": about.url,
        "/search/label/Migraci%C3%B3n": blog_index.url + "tag/migracion/",
        "/search/label/Migraci%C3%B3n?max-results=20&m=1": blog_index.url + "tag/migracion/",
        "/search/label/Crimen%20organizado": blog_index.url + "tag/crimen-organizado/",
        "/2023/11/": blog_index.url + "2023/11/",
        "/2023/12/?m=1": blog_index.url + "2023/12/",
        "/2023/": blog_index.url + "2023/",
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (old, response.status_code, response.get("Location")) == (old, 301, new)
        assert client.get(new).status_code == 200, new
    # Nothing for what was never public.
    assert client.get("/2023/10/entrada-borrada.html").status_code == 404
    assert client.get("/2024/01/").status_code == 404


def test_dry_run_saves_nothing(blog_index):
    """--dry-run reports what would change and leaves the database as it was."""
    before = snapshot()
    out = run(TAKEOUT, "--dry-run")
    assert "Dry run: nothing was saved" in out
    assert "posts live: 2" in out and "comments approved: 5" in out and "redirects created: 8" in out
    assert snapshot() == before


def test_language_can_be_given(blog_index):
    """--language es files every post as Spanish, even one written in English."""
    run(CLASSIC, "--language", "es")
    assert ArticlePage.objects.get(title_es="Night shift at the bridge").original_language == "es"
    assert not ArticlePage.objects.exclude(title_en="").exists()


def test_imported_article_is_missing_its_translation(blog_index):
    """The other language is missing, so the translation tooling lists it."""
    from translations.models import Status
    from translations.status import page_status

    run(TAKEOUT)
    assert page_status(article(title_es="Migración en el puente"), "en").status == Status.MISSING
    assert page_status(article(title_en="Night shift at the bridge"), "es").status == Status.MISSING


def test_a_malformed_entry_is_reported_and_skipped(tmp_path, blog_index):
    """An entry with a broken date is listed; the entries before and after it are imported."""
    broken = tmp_path / "feed.atom"
    broken.write_text(
        TAKEOUT.read_text().replace("<published>2023-12-02T12:00:00.000Z</published>", "<published>ayer</published>")
    )
    out = run(broken)
    assert "blog-7001.post-102: bad published date 'ayer'" in out
    assert "malformed entries skipped: 1" in out
    assert ArticlePage.objects.filter(title_es="Migración en el puente").exists()
    assert StandardPage.objects.filter(title_es="Quiénes somos").exists()
    # Its comment has no post to go to, and says so.
    assert "blog-7001.post-311: its post blog-7001.post-102 was not imported" in out


def test_a_truncated_file_keeps_what_came_before(tmp_path, blog_index):
    """A file that breaks off is reported as damaged; the entries before the break are kept."""
    text = TAKEOUT.read_text()
    truncated = tmp_path / "feed.atom"
    truncated.write_text(text[: text.index("<id>tag:blogger.com,1999:blog-7001.post-103</id>") + 20])
    with pytest.raises(CommandError, match="damaged: the file breaks off"):
        run(truncated)
    assert ArticlePage.objects.count() == 2
    assert Comment.objects.count() == 5
    assert Redirect.objects.filter(old_path="/2023/12/night-shift.html").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4 not xml at all", "not XML"),
        (b"<html><body>Hello</body></html>", "not an Atom feed"),
        (
            b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><id>urn:uuid:1</id>"
            b"<entry><id>urn:uuid:2</id><title>WordPress</title></entry></feed>",
            "not one Blogger wrote",
        ),
        (
            b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;'>]>"
            b"<feed xmlns='http://www.w3.org/2005/Atom'><title>&lol2;</title></feed>",
            "XML features an export never has",
        ),
        (b"<rss version='2.0'><channel><title>x</title></channel></rss>", "not an Atom feed"),
    ],
)
def test_a_file_that_is_not_a_blogger_export_is_refused(tmp_path, blog_index, content, message):
    """Anything but a Blogger export is refused with a message that says why; nothing is saved."""
    path = tmp_path / "export.xml"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(path)
    assert not ArticlePage.objects.exists()


def test_a_zip_without_a_blogger_feed_is_refused(tmp_path, blog_index):
    path = tmp_path / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Takeout/Mail/All mail.mbox", "From nobody")
    with pytest.raises(CommandError, match="holds no Blogger feed"):
        run(path)


def test_a_zip_with_several_blogs_asks_which(tmp_path, blog_index):
    """A Takeout zip of two blogs is refused until --blog names one, which then imports alone."""
    path = tmp_path / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(TAKEOUT, "Takeout/Blogger/Blogs/Uno/feed.atom")
        archive.write(CLASSIC, "Takeout/Blogger/Blogs/Dos/feed.atom")
    with pytest.raises(CommandError, match=r"several blogs \(Dos, Uno\); choose one with --blog"):
        run(path)
    assert "posts live: 2" in run(path, "--blog", "Uno")


def test_a_missing_file_is_refused(tmp_path, blog_index):
    with pytest.raises(CommandError, match="Cannot read"):
        run(tmp_path / "nope.xml")


def test_a_scheduled_post_stays_scheduled(tmp_path, blog_index):
    """A scheduled post is imported unpublished with its go-live time, and Wagtail publishes it then."""
    scheduled = tmp_path / "feed.atom"
    scheduled.write_text(
        TAKEOUT.read_text().replace(
            "<blogger:status>DRAFT</blogger:status>",
            "<blogger:status>SCHEDULED</blogger:status><published>2024-01-06T10:00:00.000Z</published>",
        )
    )
    out = run(scheduled)
    assert "posts scheduled: 1" in out
    page = article(title_es="Borrador sobre las maquilas")
    go_live = datetime.datetime(2024, 1, 6, 10, tzinfo=UTC)
    assert (page.live, page.go_live_at, page.latest_revision.approved_go_live_at) == (False, go_live, go_live)
    # The time has passed, so Wagtail's scheduler publishes it on its next run.
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live and page.title_es == "Borrador sobre las maquilas" and page.title_en == ""
