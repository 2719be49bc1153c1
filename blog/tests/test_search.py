"""Reader search at /search/ and /es/buscar/: one language at a time, safe with any input."""

import re
from unittest import mock

import pytest
from asgiref.local import Local
from django.db import connection
from django_tasks import task_backends

from blog.models import BlogTag, SearchDocument
from blog.search import SearchFilters, python_headline, run_search
from conftest import make_article

pytestmark = pytest.mark.django_db

needs_postgres = pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="Stemming comes from PostgreSQL's text search configurations; SQLite's FTS5 has none.",
)


def titles(response):
    """Titles of the results shown in the reader's language (not the 'not yet translated' section)."""
    html = response.content.decode()
    main = html.split('id="search-others"')[0]
    return re.findall(r'class="search-hit__title"><a href="[^"]*">([^<]*)</a>', main)


def other_titles(response):
    html = response.content.decode()
    if 'id="search-others"' not in html:
        return []
    return re.findall(r'class="search-hit__title"><a href="[^"]*">([^<]*)</a>', html.split('id="search-others"')[1])


@pytest.fixture
def crime_articles(blog_index, author, water_tag):
    bilingual = make_article(
        blog_index,
        en={
            "title": "A murder on the bridge",
            "slug": "murder-bridge",
            "dek": "The police were running late.",
            "body": ["Witnesses saw the killing of a trucker."],
        },
        es={
            "title": "Un asesinato en el puente",
            "slug": "asesinato-puente",
            "dek": "La policía llegó tarde.",
            "body": ["Testigos vieron el asesinato de un trailero."],
        },
        authors=[author],
        tags=[water_tag],
    )
    spanish_only = make_article(
        blog_index,
        es={
            "title": "Desapariciones en la sierra",
            "slug": "desapariciones-sierra",
            "body": ["Las familias buscan a sus desaparecidos cerca del río."],
        },
        original="es",
        days_ago=400,
    )
    english_only = make_article(
        blog_index,
        en={
            "title": "Disappearances in the sierra",
            "slug": "disappearances-sierra",
            "body": ["Families search the river banks for the disappeared."],
        },
        days_ago=3,
    )
    return bilingual, spanish_only, english_only


def test_each_language_version_is_its_own_document(crime_articles):
    """Publishing indexes one document per language the article exists in, and no other."""
    bilingual, spanish_only, _english_only = crime_articles
    assert sorted(SearchDocument.objects.filter(page=bilingual).values_list("language", flat=True)) == ["en", "es"]
    assert list(SearchDocument.objects.filter(page=spanish_only).values_list("language", "is_only_version")) == [
        ("es", True)
    ]
    document = SearchDocument.objects.get(page=bilingual, language="es")
    assert "Testigos vieron el asesinato" in document.text
    assert "Ana Sombra" in document.text and "Agua" in document.text
    assert "Witnesses" not in document.text


def test_spanish_search_finds_spanish_text(client, crime_articles):
    response = client.get("/es/buscar/", {"q": "asesinato"})
    assert response.status_code == 200
    assert titles(response) == ["Un asesinato en el puente"]


def test_english_words_are_not_found_in_spanish_results(client, crime_articles):
    """The English text of a translated article never answers a Spanish search (wagtail-modeltranslation #308)."""
    response = client.get("/es/buscar/", {"q": "murder"})
    assert titles(response) == []
    assert other_titles(response) == []
    response = client.get("/search/", {"q": "asesinato"})
    assert titles(response) == []


def test_an_article_only_in_the_other_language_is_found_and_marked(client, crime_articles):
    response = client.get("/es/buscar/", {"q": "disappeared"})
    assert titles(response) == []
    assert other_titles(response) == ["Disappearances in the sierra"]
    html = response.content.decode()
    assert '<article class="search-hit" lang="en">' in html
    assert "Por ahora solo en inglés" in html
    response = client.get("/search/", {"q": "desaparecidos"})
    assert other_titles(response) == ["Desapariciones en la sierra"]
    assert "Only in Spanish so far" in response.content.decode()


@needs_postgres
def test_spanish_stemming_finds_other_word_forms(client, crime_articles):
    """`asesinatos` finds an article that says `asesinato` (PostgreSQL's spanish configuration)."""
    response = client.get("/es/buscar/", {"q": "asesinatos"})
    assert titles(response) == ["Un asesinato en el puente"]
    assert "<mark>asesinato</mark>" in response.content.decode()
    # Spanish stop words are ignored: "los" is not in the text.
    assert titles(client.get("/es/buscar/", {"q": "los asesinatos"})) == ["Un asesinato en el puente"]
    # Verb and gender forms: the text says "buscan a sus desaparecidos".
    assert titles(client.get("/es/buscar/", {"q": "buscaban desaparecidas"})) == ["Desapariciones en la sierra"]


@needs_postgres
def test_english_stemming_finds_other_word_forms(client, crime_articles):
    assert titles(client.get("/search/", {"q": "murders"})) == ["A murder on the bridge"]
    assert titles(client.get("/search/", {"q": "killings"})) == ["A murder on the bridge"]
    assert titles(client.get("/search/", {"q": "the witness"})) == ["A murder on the bridge"]


def test_excerpts_mark_the_words_and_escape_the_text(client, blog_index):
    make_article(
        blog_index,
        en={
            "title": "Markup in a story",
            "slug": "markup",
            "body": ["A reader wrote &lt;script&gt;alert(1)&lt;/script&gt; about the smuggling tunnel."],
        },
    )
    html = client.get("/search/", {"q": "tunnel"}).content.decode()
    [excerpt] = re.findall(r'class="search-hit__excerpt">(.*?)</p>', html)
    assert "<mark>tunnel</mark>" in excerpt
    assert "<" not in excerpt.replace("<mark>", "").replace("</mark>", "")
    # SQLite's excerpt shows the text escaped; PostgreSQL's ts_headline drops tag-like words.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in excerpt or "alert(1)" in excerpt


def test_the_headline_without_postgres_escapes_nothing_itself():
    """The SQLite excerpt marks matching words only; escaping happens once, afterwards."""
    text = python_headline("Los Asesinatos <b> de ayer", "asesinatos")
    assert text == "Los \ue000Asesinatos\ue001 <b> de ayer"


def test_results_are_ranked_and_paginated(client, blog_index, settings):
    settings.SEARCH_PAGE_SIZE = 10
    for n in range(12):
        make_article(blog_index, en={"title": f"Story {n}", "slug": f"story-{n}", "body": ["A cartel story."]})
    make_article(
        blog_index,
        en={"title": "Cartel money", "slug": "cartel-money", "body": ["The cartel banks what the cartel earns."]},
        days_ago=9,
    )
    first = client.get("/search/", {"q": "cartel"})
    assert titles(first)[0] == "Cartel money"  # the best match first, though it is the oldest
    assert len(titles(first)) == 10
    assert "13 stories found" in first.content.decode()
    second = client.get("/search/", {"q": "cartel", "page": "2"})
    assert len(titles(second)) == 3
    assert set(titles(first)).isdisjoint(titles(second))
    assert 'href="?q=cartel&amp;page=1"' in second.content.decode()


def test_filters_by_tag_author_and_year(client, crime_articles, blog_index, author):
    tag = BlogTag.objects.create(name="Security", name_es="Seguridad", slug="security")
    make_article(
        blog_index,
        es={"title": "Otro puente", "slug": "otro", "body": ["Un asesinato más."]},
        original="es",
        tags=[tag],
        days_ago=800,
    )
    assert len(titles(client.get("/es/buscar/", {"q": "asesinato"}))) == 2
    assert titles(client.get("/es/buscar/", {"q": "asesinato", "tag": "agua"})) == ["Un asesinato en el puente"]
    assert titles(client.get("/es/buscar/", {"q": "asesinato", "tag": "seguridad"})) == ["Otro puente"]
    assert titles(client.get("/es/buscar/", {"q": "asesinato", "author": "ana-sombra"})) == [
        "Un asesinato en el puente"
    ]
    year = crime_articles[0].publication_date.year
    assert titles(client.get("/es/buscar/", {"q": "asesinato", "year": str(year)})) == ["Un asesinato en el puente"]
    # Filters alone list the stories they match, newest first.
    assert titles(client.get("/es/buscar/", {"tag": "seguridad"})) == ["Otro puente"]
    # An unknown filter value is ignored, not an error.
    assert len(titles(client.get("/es/buscar/", {"q": "asesinato", "tag": "nope", "year": "19x"}))) == 2


HOSTILE = [
    {},
    {"q": ""},
    {"q": "   "},
    {"q": "zzqxjv wqkkz"},
    {"q": "x" * 2000},
    {"q": "palabra " * 300},
    {"q": "'; DROP TABLE blog_searchdocument; --"},
    {"q": '" OR 1=1 --'},
    {"q": "a & | ! : * ( ) < > \\ '"},
    {"q": "canal\x00seco"},
    {"q": "OR"},
    {"q": "NOT NEAR AND"},
    {"q": "asesinato OR NOT puente"},
    {"q": "* ^ - + _"},
    {"q": "<script>alert(1)</script>"},
    {"q": "asesinato", "page": "abc"},
    {"q": "asesinato", "page": "-1"},
    {"q": "asesinato", "page": "999999"},
    {"q": "asesinato", "page": "9" * 5000},
    {"q": "asesinato", "year": "99999999999999999999"},
    {"q": "asesinato", "tag": "x" * 5000, "author": "'"},
]


@pytest.mark.parametrize("params", HOSTILE)
def test_any_input_gives_a_normal_page(client, crime_articles, params):
    for url in ["/search/", "/es/buscar/"]:
        response = client.get(url, params)
        assert response.status_code == 200, params
        assert "<script>alert" not in response.content.decode()


def test_search_pages_are_publicly_cacheable_for_a_short_time(client, crime_articles):
    for url in ["/search/?q=asesinato", "/es/buscar/?q=asesinato", "/search/"]:
        cache_control = client.get(url)["Cache-Control"]
        assert set(cache_control.split(", ")) == {"public", "max-age=60", "s-maxage=60"}, url
    assert not client.get("/search/?q=x").cookies


def test_a_failing_backend_leaves_the_site_serving(client, crime_articles, caplog):
    """Search says it is unavailable (503, not cached); every other page still answers."""
    failing = mock.Mock()
    failing.search.side_effect = OSError("search backend down")
    with mock.patch("blog.search.backend_for", return_value=failing):
        response = client.get("/es/buscar/", {"q": "asesinato"})
        assert response.status_code == 503
        assert response["Cache-Control"] == "no-store"
        assert "La búsqueda no está disponible" in response.content.decode()
        assert client.get("/es/").status_code == 200
        assert client.get("/stories/murder-bridge/").status_code == 200


def test_publishing_goes_on_when_the_index_fails(blog_index, caplog):
    with mock.patch("blog.search.backend_for", side_effect=OSError("index down")):
        article = make_article(blog_index, en={"title": "Still published", "slug": "still", "body": ["Text."]})
    assert article.live
    assert "index down" in caplog.text


def reset_task_backends():
    task_backends.__dict__.pop("settings", None)
    task_backends._connections = Local(task_backends.thread_critical)


@pytest.fixture
def queued_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    reset_task_backends()
    yield task_backends["default"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    reset_task_backends()


def test_index_updates_go_through_the_task_queue(queued_tasks, blog_index):
    """Publishing queues the reindexing; nothing is indexed until a worker runs it."""
    article = make_article(blog_index, en={"title": "Queued", "slug": "queued", "body": ["Text."]})
    assert not SearchDocument.objects.filter(page=article).exists()
    queued = [result for result in queued_tasks.results if result.task.name == "update_search_documents"]
    assert [result.args for result in queued] == [[article.pk]]
    queued[0].task.call(*queued[0].args)
    assert SearchDocument.objects.filter(page=article).exists()


def test_unpublished_and_private_articles_leave_the_results(client, crime_articles):
    bilingual = crime_articles[0]
    bilingual.unpublish()
    assert titles(client.get("/search/", {"q": "murder"})) == []
    bilingual.save_revision().publish()
    assert titles(client.get("/search/", {"q": "murder"})) == ["A murder on the bridge"]
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=bilingual, restriction_type="password", password="secret-words")
    assert titles(client.get("/search/", {"q": "murder"})) == []


def test_renaming_a_tag_reindexes_its_articles(crime_articles, water_tag):
    water_tag.name_es = "Agua potable"
    water_tag.save()
    assert "Agua potable" in SearchDocument.objects.get(page=crime_articles[0], language="es").text


def test_the_header_has_a_search_box_in_both_languages(client, crime_articles):
    english = client.get("/").content.decode()
    spanish = client.get("/es/").content.decode()
    assert (
        '<form class="search-box" method="get" action="/search/" role="search" aria-label="Search the stories">'
        in english
    )
    assert (
        '<form class="search-box" method="get" action="/es/buscar/" role="search" aria-label="Buscar en las historias">'
        in spanish
    )
    assert 'name="q"' in spanish


def test_the_search_page_stays_within_its_query_budget(client, blog_index, django_assert_max_num_queries, settings):
    settings.CACHE_IS_SHARED = True
    tags = [BlogTag.objects.create(name=f"Tag {n}", name_es=f"Etiqueta {n}", slug=f"tag-{n}") for n in range(4)]
    for n in range(15):
        make_article(
            blog_index,
            en={"title": f"Cartel {n}", "slug": f"cartel-{n}", "body": ["Cartel text."]},
            es={"title": f"Cártel {n}", "slug": f"cartel-es-{n}", "body": ["Texto del cártel."]},
            tags=tags[: 1 + n % 4],
        )
        make_article(blog_index, en={"title": f"Only {n}", "slug": f"only-{n}", "body": ["Cártel."]})
    client.get("/es/buscar/?q=cartel")
    for url in ["/search/?q=cartel", "/es/buscar/?q=c%C3%A1rtel&tag=etiqueta-0", "/search/"]:
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200


def test_run_search_uses_one_language(crime_articles):
    assert run_search("sierra", "es", SearchFilters()).count() == 1
    assert connection.vendor in ("sqlite", "postgresql")


def test_the_rebuild_command_restores_every_document(crime_articles):
    from django.core.management import call_command

    SearchDocument.objects.all().delete()
    call_command("search_documents", verbosity=0)
    assert SearchDocument.objects.count() == 4
    assert run_search("asesinato", "es", SearchFilters()).count() == 1


def test_the_demo_newsroom_is_searchable_in_both_languages(client):
    """seed_demo publishes its articles, so each language version is indexed."""
    import io

    from django.core.management import call_command

    from blog.models import ArticlePage

    call_command("seed_demo", stdout=io.StringIO())
    articles = ArticlePage.objects.live().count()
    assert SearchDocument.objects.filter(language="en").count() == len(
        [a for a in ArticlePage.objects.live() if a.has_language("en")]
    )
    assert SearchDocument.objects.values("page").distinct().count() == articles
    spanish = SearchDocument.objects.filter(language="es").first()
    word = max(re.findall(r"\w{7,}", spanish.title), key=len)
    assert spanish.title in titles(client.get("/es/buscar/", {"q": word}))


def test_the_language_switcher_leads_to_the_other_search_page(client, crime_articles):
    assert 'href="/es/buscar/" hreflang="es"' in client.get("/search/", {"q": "murder"}).content.decode()
    assert 'href="/search/" hreflang="en"' in client.get("/es/buscar/", {"q": "asesinato"}).content.decode()
