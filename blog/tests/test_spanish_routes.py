"""Spanish route words and tag slugs under /es/, with the English ones redirecting."""

import pytest

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def test_tag_gets_a_spanish_slug_from_its_spanish_name(water_tag):
    assert water_tag.slug_es == "agua"
    assert water_tag.slug_in("es") == "agua"
    assert water_tag.slug_in("en") == "water"


def test_spanish_slugs_stay_unique(db):
    from blog.models import BlogTag

    first = BlogTag.objects.create(name="Data", name_es="Datos", slug="data")
    second = BlogTag.objects.create(name="Figures", name_es="Datos", slug="figures")
    assert (first.slug_es, second.slug_es) == ("datos", "datos-2")


def test_spanish_routes_serve_the_spanish_lists(client, translated_article, untranslated_article):
    tagged = client.get("/es/historias/etiqueta/agua/")
    assert tagged.status_code == 200
    assert "El canal seco" in html(tagged)
    assert "Night shift" not in html(tagged)
    assert "Una reportera." in html(client.get("/es/historias/autor/ana-sombra/"))
    feed = client.get("/es/historias/rss/")
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert "<title>El canal seco</title>" in feed.content.decode()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/es/historias/tag/water/", "/es/historias/etiqueta/agua/"),
        ("/es/historias/tag/agua/", "/es/historias/etiqueta/agua/"),
        ("/es/historias/etiqueta/water/", "/es/historias/etiqueta/agua/"),
        ("/es/historias/tag/water/?page=2", "/es/historias/etiqueta/agua/?page=2"),
        ("/es/historias/author/ana-sombra/", "/es/historias/autor/ana-sombra/"),
        ("/es/historias/feed/", "/es/historias/rss/"),
        ("/stories/etiqueta/agua/", "/stories/tag/water/"),
        ("/stories/tag/agua/", "/stories/tag/water/"),
        ("/stories/autor/ana-sombra/", "/stories/author/ana-sombra/"),
        ("/stories/rss/", "/stories/feed/"),
    ],
)
def test_the_other_languages_route_words_answer_301(client, translated_article, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_unknown_tag_is_404_in_both_languages(client, translated_article):
    assert client.get("/es/historias/etiqueta/nada/").status_code == 404
    assert client.get("/es/historias/tag/nada/").status_code == 404


def test_links_on_spanish_pages_use_spanish_route_words(client, translated_article):
    article = html(client.get("/es/historias/el-canal-seco/"))
    assert 'href="/es/historias/etiqueta/agua/"' in article
    assert 'href="/es/historias/autor/ana-sombra/"' in article
    assert "/tag/" not in article
    assert "/author/" not in article
    index = html(client.get("/es/historias/"))
    assert 'href="/es/historias/rss/"' in index


def test_switcher_on_a_tag_page_lands_on_the_other_languages_route(client, translated_article):
    english = html(client.get("/stories/tag/water/"))
    assert 'href="/es/historias/etiqueta/agua/" hreflang="es"' in english
    spanish = html(client.get("/es/historias/etiqueta/agua/"))
    assert 'href="/stories/tag/water/" hreflang="en"' in spanish
    author = html(client.get("/es/historias/autor/ana-sombra/"))
    assert 'href="/stories/author/ana-sombra/" hreflang="en"' in author


def test_comment_pages_have_spanish_route_words(client, translated_article):
    from comments.models import Comment
    from comments.threads import insert

    comment = insert(
        Comment(article=translated_article, body="Buen trabajo.", language="es", status=Comment.Status.APPROVED), 3
    )
    article = html(client.get("/es/historias/el-canal-seco/"))
    assert f'href="/es/comentarios/responder/{comment.pk}/"' in article
    assert f'href="/es/comentarios/denunciar/{comment.pk}/"' in article
    assert f'action="/es/comentarios/publicar/{translated_article.pk}/"' in article
    assert "/es/comments/" not in article
    assert client.get(f"/es/comentarios/responder/{comment.pk}/").status_code == 200
    assert client.get(f"/es/comentarios/denunciar/{comment.pk}/").status_code == 200
    for old, new in [
        (f"/es/comments/reply/{comment.pk}/", f"/es/comentarios/responder/{comment.pk}/"),
        (f"/es/comments/report/{comment.pk}/", f"/es/comentarios/denunciar/{comment.pk}/"),
        (f"/es/comentarios/reply/{comment.pk}/", f"/es/comentarios/responder/{comment.pk}/"),
        (f"/es/comments/feed/{translated_article.pk}/", f"/es/comentarios/rss/{translated_article.pk}/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
    # English keeps its own words.
    assert client.get(f"/comments/reply/{comment.pk}/").status_code == 200
    assert client.get(f"/comentarios/responder/{comment.pk}/").status_code == 404
