"""Pages written by the bulk path behave exactly like pages made through add_child."""

import io
import pathlib

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, ReferenceIndex

from blog.models import ArticlePage, Author
from conftest import make_article
from home.models import StandardPage

TAKEOUT = pathlib.Path(__file__).parent / "data" / "feed.atom"


def run(*args):
    call_command("import_blogger", str(TAKEOUT), *args, stdout=io.StringIO(), stderr=io.StringIO())


def test_tree_stays_consistent_beside_existing_articles(blog_index, translated_article):
    """Imported pages follow existing ones in the tree; treebeard finds no problem and add_child still works."""
    run()
    assert Page.find_problems() == ([], [], [], [], [])
    children = list(blog_index.get_children().order_by("path").values_list("title", flat=True))
    assert children[0] == "The dry canal"
    assert len(children) == 4
    assert Page.objects.get(pk=blog_index.pk).numchild == 4
    later = make_article(blog_index, en={"title": "After the import", "slug": "after", "body": ["Text."]})
    assert later.path > max(page.path for page in blog_index.get_children().exclude(pk=later.pk))
    assert Page.find_problems() == ([], [], [], [], [])


def test_imported_article_is_served_searchable_and_editable(client, blog_index):
    """An imported article answers in both languages, is found by search and opens in the admin editor."""
    run()
    article = ArticlePage.objects.get(title_es="Migración en el puente")
    assert article.url_path_es.endswith("/historias/migracion-en-el-puente/")
    response = client.get("/es/historias/migracion-en-el-puente/")
    assert response.status_code == 200
    assert "Cientos de familias esperan" in response.content.decode()
    assert client.get(article.url).status_code == 200
    assert list(ArticlePage.objects.live().search("familias")) == [article]
    # Reader search finds it too, in its own language only.
    assert "Migración en el puente" in client.get("/es/buscar/", {"q": "familias"}).content.decode()
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{article.pk}/history/").status_code == 200


def test_author_usage_is_in_the_reference_index(blog_index):
    """Wagtail knows the imported bylines use the author, so deleting the author warns the editor."""
    run()
    author = Author.objects.get(name="Ana Sombra")
    using = {reference.object_id for reference in ReferenceIndex.get_references_to(author)}
    assert using == {str(page.pk) for page in ArticlePage.objects.all()}


def reset_task_backends():
    from asgiref.local import Local
    from django_tasks import task_backends

    task_backends.__dict__.pop("settings", None)
    task_backends._connections = Local(task_backends.thread_critical)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    reset_task_backends()
    yield
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    reset_task_backends()


@pytest.mark.django_db(transaction=True)
def test_with_a_task_worker_indexing_is_queued(database_tasks, blog_index):
    """With a worker configured, indexing is one queued task per batch, and the worker does it."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    run()
    queued = list(DBTaskResult.objects.values_list("task_path", "args_kwargs"))
    ids = [*ArticlePage.objects.values_list("pk", flat=True), StandardPage.objects.get().pk]
    assert [(path, sorted(task["args"][0])) for path, task in queued if path.startswith("blogger.")] == [
        ("blogger.tasks.index_imported_pages", sorted(ids))
    ]
    assert not ArticlePage.objects.live().search("familias")
    call_command("db_worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())
    assert [page.title_es for page in ArticlePage.objects.live().search("familias")] == ["Migración en el puente"]
    author = Author.objects.get(name="Ana Sombra")
    assert len({reference.object_id for reference in ReferenceIndex.get_references_to(author)}) == 3
