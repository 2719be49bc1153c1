"""Which URLs show what: the purge map of the public site.

Every change purges exactly the URLs, in both languages, whose HTML shows
the thing that changed, from the page cache and from every front-end cache
(core.pagecache.purge_urls). An article shows on its own page, its comments
feed, the list pages that hold its card (the home page while it is among
the newest, the listing, its month and year, its tags, its authors), the
articles feed while it is among the newest, and the sitemap. Pages other
than articles (home, index, standard pages) are linked from every page's
header or footer, so a change to one purges the whole site, as does a
change to any site setting.
"""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core.bilingual import current_language, language_codes
from core.pagecache import purge_site, purge_urls

from .feeds import FEED_LENGTH
from .models import ArticleAuthor, ArticlePage, ArticlePageTag, Author, BlogIndexPage, BlogTag
from .navigation import build_navigation


def in_languages(build):
    """``build()`` called once per site language, with that language active."""
    urls = set()
    for language in language_codes():
        with translation.override(language):
            urls.update(url for url in build() if url)
    return urls


def site_root(page):
    site = page.get_site()
    return site.root_url if site else None


def newer_live_count(article):
    """How many live articles sort before ``article`` in every list."""
    newer = Q(publication_date__gt=article.publication_date)
    if article.first_published_at:
        newer |= Q(publication_date=article.publication_date, first_published_at__gt=article.first_published_at)
    return ArticlePage.objects.live().public().filter(newer).exclude(pk=article.pk).count()


def article_urls(article, *, comments_only=False, neighbours=True):
    """Every URL whose HTML shows ``article``, in each language.

    ``comments_only`` keeps those that show its comments or their count:
    the sitemap and the articles feed show neither. ``neighbours=False``
    leaves out the articles that link to it by title (previous, next,
    related), for a change that leaves its title alone.
    """
    index = article.blog_index
    home = index.get_parent().specific if index else None
    newer = newer_live_count(article)
    tags = article.tag_list()
    authors = article.byline_authors()
    root = site_root(article)
    date = article.publication_date

    def build():
        yield article.get_full_url()
        if root:
            yield root + reverse("comments:feed", args=[article.pk])
        if index is not None:
            base = index.get_full_url()
            if base:
                yield base
                page_number = newer // getattr(settings, "BLOG_PAGE_SIZE", 10) + 1
                if page_number > 1:
                    yield f"{base}?page={page_number}"
                yield base + index.reverse_subpage("year", args=[date.year])
                yield base + index.reverse_subpage("month", args=[date.year, date.month])
                for tag in tags:
                    yield base + index.reverse_subpage("tag", args=[tag.url_slug])
                for author in authors:
                    yield base + index.reverse_subpage("author", args=[author.slug])
                if not comments_only and newer < FEED_LENGTH * 2:
                    yield base + index.reverse_subpage("feed")
                    yield base + index.reverse_subpage("atom")
                if not comments_only:
                    yield from feed_urls(index, base, tags, authors)
            if neighbours and not comments_only:
                # Its neighbours' pages link to it (previous, next, related).
                navigation = build_navigation(article, current_language())
                for item in [navigation["previous"], navigation["next"], *navigation["related"]]:
                    if item and root:
                        yield item["url"] if "://" in item["url"] else root + item["url"]
        if home is not None and getattr(home, "shows_article", None) and home.shows_article(article, newer):
            yield home.get_full_url()

    urls = in_languages(build)
    if not comments_only and root:
        urls.add(root + reverse("sitemap"))
        urls.add(root + reverse("news_sitemap"))
    return urls


def feed_urls(index, base, tags, authors):
    """The RSS and Atom feeds of ``tags`` and ``authors``, in the active language."""
    for tag in tags:
        for name in ("tag_feed", "tag_atom"):
            yield base + index.reverse_subpage(name, kwargs={"slug": tag.url_slug})
    for author in authors:
        for name in ("author_feed", "author_atom"):
            yield base + index.reverse_subpage(name, kwargs={"slug": author.slug})


def index_urls(index, route, args, language):
    """The full URL of one of ``index``'s sub-pages in ``language``."""
    with translation.override(language):
        base = index.get_full_url()
        return {base + index.reverse_subpage(route, args=args)} if base else set()


def articles_urls(articles, *, neighbours=True):
    urls = set()
    for article in articles:
        urls |= article_urls(article, neighbours=neighbours)
    return urls


def site_urls():
    """Every public URL of every site, in each language: for a whole-site purge."""
    pages = list(Page.objects.live().public().specific())
    indexes = [page for page in pages if isinstance(page, BlogIndexPage)]
    articles = [page for page in pages if isinstance(page, ArticlePage)]
    tags = list(BlogTag.objects.filter(tagged_articles__isnull=False).distinct())
    author_slugs = list(Author.objects.values_list("slug", flat=True))
    months = {(a.publication_date.year, a.publication_date.month) for a in articles}

    def build():
        for page in pages:
            yield page.get_full_url()
        for article in articles:
            root = site_root(article)
            if root:
                yield root + reverse("comments:feed", args=[article.pk])
        for index in indexes:
            base = index.get_full_url()
            if not base:
                continue
            yield base + index.reverse_subpage("feed")
            yield base + index.reverse_subpage("atom")
            yield from feed_urls(index, base, tags, Author.objects.all())
            for year in {year for year, _month in months}:
                yield base + index.reverse_subpage("year", args=[year])
            for year, month in months:
                yield base + index.reverse_subpage("month", args=[year, month])
            yield from (base + index.reverse_subpage("tag", args=[tag.url_slug]) for tag in tags)
            yield from (base + index.reverse_subpage("author", args=[slug]) for slug in author_slugs)

    urls = in_languages(build)
    urls.update(site.root_url + reverse("sitemap") for site in Site.objects.all())
    urls.update(site.root_url + reverse("news_sitemap") for site in Site.objects.all())
    return urls


def purge_whole_site():
    purge_site(site_urls())


# Pages


@receiver(pre_save)
def remember_article_urls(sender, instance, update_fields=None, **kwargs):
    """Before a full save of a live article, note the URLs its old version showed on."""
    if not issubclass(sender, ArticlePage) or update_fields is not None or instance.pk is None:
        return
    before = ArticlePage.objects.live().filter(pk=instance.pk).first()
    instance._purge_before = article_urls(before) if before is not None else set()


@receiver(page_published)
@receiver(page_unpublished)
def purge_page(sender, instance, **kwargs):
    instance = instance.specific
    if isinstance(instance, ArticlePage):
        purge_urls(article_urls(instance) | getattr(instance, "_purge_before", set()))
        instance._purge_before = set()
    else:
        purge_whole_site()


@receiver(pre_page_move)
def purge_before_move(sender, instance, **kwargs):
    instance = instance.specific
    if isinstance(instance, ArticlePage) and instance.live:
        purge_urls(article_urls(instance))


@receiver(post_page_move)
def purge_after_move(sender, instance, **kwargs):
    instance = instance.specific
    if not instance.live:
        return
    if isinstance(instance, ArticlePage):
        purge_urls(article_urls(instance))
    else:
        purge_whole_site()


# Tags and authors


@receiver(pre_save, sender=BlogTag)
@receiver(pre_save, sender=Author)
def remember_slug(sender, instance, **kwargs):
    instance._before = sender.objects.filter(pk=instance.pk).first()


def slugs_by_language(instance):
    """The slugs ``instance`` (a tag or an author) has in each language's addresses."""
    slug_in = getattr(instance, "slug_in", lambda language: instance.slug)
    return {language: slug_in(language) for language in language_codes()}


def live_articles_with(sender, instance):
    if sender is BlogTag:
        ids = ArticlePageTag.objects.filter(tag=instance).values("content_object_id")
    else:
        ids = ArticleAuthor.objects.filter(author=instance).values("page_id")
    return ArticlePage.objects.live().public().filter(pk__in=ids)


@receiver(post_save, sender=BlogTag)
@receiver(post_save, sender=Author)
@receiver(pre_delete, sender=BlogTag)
@receiver(pre_delete, sender=Author)
def purge_label(sender, instance, **kwargs):
    """A tag or author: its own page (old and new slug) and every article that shows it."""
    articles = list(live_articles_with(sender, instance))
    # The articles show the label; their neighbours link to them by title only.
    urls = articles_urls(articles, neighbours=False)
    route = "tag" if sender is BlogTag else "author"
    versions = [instance, getattr(instance, "_before", None)]
    for index in BlogIndexPage.objects.live():
        for version in filter(None, versions):
            for language, slug in slugs_by_language(version).items():
                for name in (route, f"{route}_feed", f"{route}_atom") if slug else ():
                    urls |= index_urls(index, name, [slug], language)
    purge_urls(urls)


# Site settings


@receiver(post_save)
def purge_on_site_setting(sender, instance, created=False, raw=False, **kwargs):
    # Settings are created with their defaults on first read: nothing shown changes.
    if isinstance(instance, BaseSiteSetting) and not created and not raw:
        purge_whole_site()
