"""Rebuild the reader-search documents of every article, one language version at a time."""

from django.core.management.base import BaseCommand

from blog.models import ArticlePage, SearchDocument
from blog.search import index_article


class Command(BaseCommand):
    help = "Rebuild reader search: one document per article and language, in that language's configuration."

    def handle(self, *args, **options):
        page_ids = set(ArticlePage.objects.values_list("pk", flat=True))
        page_ids |= set(SearchDocument.objects.values_list("page_id", flat=True))
        documents = sum(index_article(page_id) for page_id in sorted(page_ids))
        self.stdout.write(f"{documents} documents for {len(page_ids)} articles.")
