"""Fixtures shared by every app's tests: a small bilingual site."""

import contextlib
import datetime
import fcntl
import os
import sys
import tempfile
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Collection, Locale, Page, Site

from blog.models import ArticleAuthor, ArticlePage, Author, BlogIndexPage, BlogTag

CHROMIUM = "/usr/bin/chromium"
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def uses_database(item):
    return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & set(item.fixturenames))


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    return bool(marked) or bool({"transactional_db", "live_server"} & set(item.fixturenames))


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, only the tests that use a database; under mutmut, see ``adapt_to_mutmut``.

    ``make test`` runs the suite on SQLite, then again on PostgreSQL for what
    can differ there. A test without database access (pytest-django refuses
    it any) behaves the same on both, so the second run leaves it out.
    """
    if "mutmut" in sys.modules:
        adapt_to_mutmut(config, items)
    elif settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        leave_out(config, items, lambda item: not uses_database(item))


def leave_out(config, items, unwanted):
    """Deselect the ``unwanted`` items, as ``-m`` or ``-k`` would (reported as deselected)."""
    left_out = [item for item in items if unwanted(item)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not unwanted(item)]


def adapt_to_mutmut(config, items):
    """Under mutmut (``make mutate``): no transactional tests, and those that need no database first.

    mutmut runs each mutant's tests in a new process on the same test
    database (``--reuse-db``). A transactional test empties every table when
    it ends, the groups and pages the data migrations made included, so the
    next mutant's tests would fail for that, not for the mutant, and count
    it killed. mutmut stops at the first failing test, and tests without a
    database take milliseconds where one with pages to build takes a second:
    most mutants die before the first page is made.
    """
    leave_out(config, items, is_transactional)
    # The translations app keeps its records on every page save, so mutmut
    # maps most of the suite to each of its functions, and a surviving mutant
    # would run all of it. Its mutants are judged by its own tests alone:
    # stricter, as a mutant only another app's test notices survives.
    if os.environ.get("MUTANT_UNDER_TEST", "").startswith("translations."):
        leave_out(config, items, lambda item: not item.nodeid.startswith("translations/"))
    items.sort(key=uses_database)


def pytest_sessionfinish(session):
    """Under mutmut, the test run's database connections are closed when it ends.

    mutmut forks each mutant's run from the process that ran the clean tests;
    a connection left open there would be shared by the forks, which then
    fail on its crossed answers and count every mutant killed.
    """
    if "mutmut" in sys.modules:
        from django.db import connections

        connections.close_all()


if os.environ.get("MUTATION_TEST_DATABASE_READY"):

    @pytest.fixture(scope="session")
    def django_db_setup():
        """Under ``make mutate``, a test database that mutation_report.py migrated, used as it is.

        pytest-django would run ``migrate`` in every mutant's run, even on a
        kept database: about nine seconds of each mutant's ten. Each mutant's
        run takes a copy of its own (see mutation_database): runs sharing one
        database wait on each other's row locks, since every test's pages
        take the same places in the page tree.
        """
        database = settings.DATABASES["default"]
        with mutation_database(database) as name:
            database["NAME"] = name
            yield


@contextlib.contextmanager
def mutation_database(database):
    """The name of a free copy of the migrated test database, held until the run ends.

    mutation_report.py makes ``MUTATION_DATABASE_COPIES`` copies, as Django's
    parallel test runner clones a test database. A copy is held by a lock on
    a file, which the system lets go of when the run's process ends, however
    it ends (a mutant that hangs is killed).
    """
    from django.db import connection

    copies = int(os.environ.get("MUTATION_DATABASE_COPIES", "0"))
    database["NAME"] = database["TEST"]["NAME"]
    if not copies:
        yield database["NAME"]
        return
    for slot in range(copies):
        lock = open(Path(tempfile.gettempdir()) / f"frontera-mutation-{slot}.lock", "w")  # noqa: SIM115 - held while in use
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            lock.close()
    else:
        # More runs at once than copies: wait for the last copy to be let go of.
        lock = open(Path(tempfile.gettempdir()) / f"frontera-mutation-{slot}.lock", "w")  # noqa: SIM115 - held while in use
        fcntl.flock(lock, fcntl.LOCK_EX)
    with lock:
        yield connection.creation.get_test_db_clone_settings(str(slot))["NAME"]


def paragraph(html, block_id=None):
    return {"type": "paragraph", "value": html, "id": block_id or str(uuid.uuid4())}


def make_article(blog_index, *, en=None, es=None, original="en", authors=(), tags=(), days_ago=0, **extra):
    """Publish an article; ``en``/``es`` are dicts of title, slug, dek and body paragraphs."""
    fields = {
        # A draft until published, as the editor creates it: a live page's
        # every save would first work out the addresses to purge.
        "live": False,
        "original_language": original,
        "translation_ready": bool(en and es),
        "publication_date": datetime.date.today() - datetime.timedelta(days_ago),
    }
    for language, text in (("en", en), ("es", es)):
        text = text or {}
        fields[f"title_{language}"] = text.get("title", "")
        fields[f"slug_{language}"] = text.get("slug", "")
        fields[f"dek_{language}"] = text.get("dek", "")
        fields[f"body_{language}"] = [paragraph(f"<p>{p}</p>") for p in text.get("body", [])]
    fields.update(extra)
    article = ArticlePage(**fields)
    for position, author in enumerate(authors):
        article.article_authors.add(ArticleAuthor(author=author, sort_order=position))
    if tags:
        article.tags.set(tags)
    blog_index.add_child(instance=article)
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English, as a request to / would."""
    with translation.override("en"):
        yield


def ensure_site_tree():
    """The root, home page and site that migrations create.

    Transactional tests (browser tests) empty every table when they end, so
    the next one rebuilds what the data migrations made.
    """
    if not Collection.objects.exists():
        Collection.add_root(name="Root")  # images go in it
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page.specific
    from home.models import HomePage

    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", title_en="Root", slug_en="root")
    home = HomePage(title_en="Frontera", slug_en="home")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Frontera")
    return HomePage.objects.get(pk=home.pk)


@pytest.fixture
def home_page(db):
    return ensure_site_tree()


@pytest.fixture
def second_site(home_page):
    """A second Wagtail site beside the newsroom's.

    Wagtail caches the list of site roots, and pages cache their URLs; the
    test's rollback removes the site but not the caches, so they are emptied
    here, or later tests would see two sites and absolute URLs.
    """
    other_root = Page.get_first_root_node().add_child(instance=Page(title="Otra", slug="otra", title_en="Otra"))
    yield Site.objects.create(hostname="otra.example", port=80, root_page=other_root)
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def blog_index(home_page):
    index = BlogIndexPage(title_en="Stories", title_es="Historias", slug_en="stories", slug_es="historias")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return BlogIndexPage.objects.get(pk=index.pk)


@pytest.fixture
def author(db):
    return Author.objects.create(name="Ana Sombra", slug="ana-sombra", bio_en="A reporter.", bio_es="Una reportera.")


@pytest.fixture
def water_tag(db):
    return BlogTag.objects.create(name="Water", name_es="Agua", slug="water")


@pytest.fixture
def translated_article(blog_index, author, water_tag):
    return make_article(
        blog_index,
        en={"title": "The dry canal", "slug": "the-dry-canal", "dek": "Farmers wait.", "body": ["The canal is dry."]},
        es={
            "title": "El canal seco",
            "slug": "el-canal-seco",
            "dek": "Los campesinos esperan.",
            "body": ["El canal está seco."],
        },
        authors=[author],
        tags=[water_tag],
    )


@pytest.fixture
def untranslated_article(blog_index, author):
    return make_article(
        blog_index,
        en={"title": "Night shift at the bridge", "slug": "night-shift", "body": ["Trucks wait all night."]},
        authors=[author],
        days_ago=1,
    )


@pytest.fixture
def spanish_original_article(blog_index, author):
    return make_article(
        blog_index,
        es={"title": "La radio comunitaria", "slug": "la-radio-comunitaria", "body": ["La radio sigue al aire."]},
        original="es",
        authors=[author],
        days_ago=2,
    )


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Playwright; absent Chromium fails under CI."""
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing: install Debian's chromium package (make test does)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the test's
    # database calls happen outside it, between browser steps.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    yield page
    context.close()
    # The live server finishes a request (its request_finished signal reaches the
    # database) just after the browser has the answer; the test's database is
    # emptied right after this, so give that thread a moment first.
    time.sleep(0.5)


class _ListingParser(HTMLParser):
    """Collects the cell texts of each body row of the first ``table.listing``."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell = [], None, None
        self.depth = 0  # nesting of table.listing; 0 outside it
        self.in_body = self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and (self.depth or "listing" in classes):
            self.depth += 1
        elif self.depth == 1 and tag == "tbody":
            self.in_body = True
        elif self.depth == 1 and self.in_body and tag == "tr":
            self.row = []
        elif self.row is not None and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if self.done or not self.depth:
            return
        if tag == "table":
            self.depth -= 1
            self.done = not self.depth
        elif tag == "tbody" and self.depth == 1:
            self.in_body = False
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def listing_rows(html):
    """The text of each cell of each row in the page's listing table (an admin list)."""
    parser = _ListingParser()
    parser.feed(html)
    return parser.rows
