"""Turn a stream of Blogger entries into pages, tags, authors, comments and redirects.

Posts and pages are created as they are read. Comments are staged in the
database and threaded once the whole file is in, post by post, because an
export may list a reply before the comment it answers. Every object is
recorded against its Blogger id (``ImportedItem``), which is what makes a
second run change nothing.
"""

import collections
import hashlib
import itertools
import json
import time
import uuid
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import reset_queries, router, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.encoding import uri_to_iri
from django.utils.text import slugify
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from blog.models import ArticleAuthor, ArticlePage, ArticlePageTag, Author, BlogTag
from comments.language import detect_language
from comments.models import Comment, CommentSettings
from comments.threads import MAX_STORED_DEPTH, SEGMENT_WIDTH, segment
from home.models import StandardPage

from .html import body_blocks, plain_text
from .indexing import index_pages
from .models import ImportedItem, PendingImage, StagedComment
from .tasks import index_imported_pages

BATCH = 200
COMMENT_BATCH = 2000
# Slugs the blog index answers itself (feed/, tag/…, 2023/): an article
# with one of them would be unreachable.
RESERVED_SLUGS = {"feed", "tag", "author"}
TITLE_WORDS = 8


def fingerprint(*values):
    return hashlib.sha256(json.dumps(values, default=str, ensure_ascii=False).encode()).hexdigest()


def chunks(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Importer:
    """One run of ``import_blogger`` into ``index`` (a BlogIndexPage)."""

    def __init__(self, index, language, *, progress=None):
        self.index = index
        self.home = index.get_parent().specific
        self.site = index.get_site()
        self.language = language
        self.progress = progress or (lambda importer: None)
        self.counts = collections.Counter()
        self.skipped = []
        self.run = uuid.uuid4().hex
        self.max_depth = CommentSettings.for_site(self.site).max_depth if self.site else 3
        self.items = {kind: {} for kind in ImportedItem.Kind.values if kind != ImportedItem.Kind.COMMENT}
        for kind, blogger_id, object_id, print_ in ImportedItem.objects.exclude(
            kind=ImportedItem.Kind.COMMENT
        ).values_list("kind", "blogger_id", "object_id", "fingerprint"):
            self.items[kind][blogger_id] = (object_id, print_)
        self.post_languages = {}
        self.redirects = {}
        self.slugs = {"post": self.sibling_slugs(self.index), "page": self.sibling_slugs(self.home)}
        self.staged = []
        self.timings = {}
        self.pending_pages = []
        self.created = set()
        self.had_comments = ImportedItem.objects.filter(kind=ImportedItem.Kind.COMMENT).exists()
        self.last_child = {}
        self.cache = {"author": {}, "label": {}}

    # Bookkeeping

    def skip(self, blogger_id, reason, counter):
        self.skipped.append((blogger_id, reason))
        self.counts[counter] += 1

    def remember(self, kind, blogger_id, object_id, print_=""):
        ImportedItem.objects.update_or_create(
            kind=kind, blogger_id=blogger_id, defaults={"object_id": object_id, "fingerprint": print_}
        )
        self.items[kind][blogger_id] = (object_id, print_)

    @staticmethod
    def sibling_slugs(parent):
        slugs = {"en": set(), "es": set()}
        for slug_en, slug_es in Page.objects.child_of(parent).values_list("slug_en", "slug_es"):
            slugs["en"].add(slug_en)
            slugs["es"].add(slug_es)
        return slugs

    def unique_slug(self, kind, language, base):
        base = slugify(base)[:200].strip("-") or kind
        if base in RESERVED_SLUGS or base.isdigit():
            base = f"{base}-{kind}"
        used = self.slugs[kind][language]
        slug, number = base, 1
        while slug in used:
            number += 1
            slug = f"{base}-{number}"
        used.add(slug)
        return slug

    # Entries

    def import_entries(self, entries):
        """Import every ``(format, Entry)``, a batch per transaction."""
        started = time.monotonic()
        for batch in chunks(entries, BATCH):
            with transaction.atomic():
                for _format, entry in batch:
                    self.import_entry(entry)
                self.write_pages()
                self.flush_staged()
            # Under DEBUG Django keeps every query; memory must stay flat.
            reset_queries()
            self.progress(self)
        self.timings["entries read"] = time.monotonic() - started

    def import_entry(self, entry):
        if entry.kind == "other":
            self.counts["other entries ignored"] += 1
            return
        if entry.status == "skip":
            self.skip(entry.blogger_id, f"{entry.kind} {entry.skip_reason}", f"{entry.kind}s skipped")
            return
        try:
            if entry.kind == "comment":
                self.stage_comment(entry)
                return
            with transaction.atomic():
                self.import_page(entry)
        # One bad entry must not stop the import; it is reported instead.
        except Exception as error:
            self.skip(entry.blogger_id, f"{entry.kind} could not be imported: {error}", f"{entry.kind}s skipped")

    def entry_language(self, entry, text):
        if self.language != "detect":
            return self.language
        return detect_language(f"{entry.title}\n{text}"[:1000], settings.LANGUAGE_CODE.split("-")[0])

    def import_page(self, entry):
        kind = entry.kind
        print_ = fingerprint(
            entry.title, entry.html, entry.status, entry.labels, entry.author_key, entry.author_name, entry.path,
            entry.description, entry.published,
        )  # fmt: skip
        known = self.items[kind].get(entry.blogger_id)
        if known and known[1] == print_:
            self.counts[f"{kind}s unchanged"] += 1
            page = Page.objects.filter(pk=known[0]).values("id", "live").first()
            if page:
                self.note_redirects(entry, page["id"], page["live"])
                if kind == "post":
                    self.post_languages[entry.blogger_id] = None
            return
        blocks, images = body_blocks(entry.html)
        text = plain_text(entry.html)
        language = self.entry_language(entry, text)
        title = entry.title or " ".join(text.split()[:TITLE_WORDS]) or f"Untitled {entry.blogger_id}"
        if known and (page := Page.objects.filter(pk=known[0]).first()):
            page = page.specific
            language = page.original_language
            self.update_page(page, entry, language, title, blocks)
            self.counts[f"{kind}s updated"] += 1
        else:
            self.create_page(entry, language, title, blocks, images, print_)
            if kind == "post":
                self.post_languages[entry.blogger_id] = language
            return
        PendingImage.objects.filter(page=page, field_name=f"body_{language}").delete()
        for image in images:
            PendingImage.objects.update_or_create(
                page=page,
                field_name=f"body_{language}",
                block_id=image.block_id,
                defaults={"url": image.url[:2000], "caption": image.caption},
            )
            self.counts["images to fetch"] += 1
        self.remember(kind, entry.blogger_id, page.pk, print_)
        if kind == "post":
            self.post_languages[entry.blogger_id] = language
        self.note_redirects(entry, page.pk, page.live)

    def page_fields(self, entry, language, title, blocks):
        fields = {
            f"title_{language}": title[:255],
            f"body_{language}": blocks,
            f"search_description_{language}": entry.description,
        }
        if entry.kind == "post":
            fields["publication_date"] = (
                timezone.localdate(entry.published) if entry.published else timezone.localdate()
            )
        return fields

    def create_page(self, entry, language, title, blocks, images, print_):
        """Build the page in memory; ``flush_pages`` writes a whole batch at once."""
        model = ArticlePage if entry.kind == "post" else StandardPage
        parent = self.index if entry.kind == "post" else self.home
        stem = entry.path.rsplit("/", 1)[-1].removesuffix(".html") if entry.path else title
        other = "es" if language == "en" else "en"
        live = entry.status == "live"
        page = model(
            original_language=language,
            **{
                f"title_{other}": "",
                f"slug_{other}": "",
                f"slug_{language}": self.unique_slug(entry.kind, language, stem),
            },
            **self.page_fields(entry, language, title, blocks),
        )
        page.path = self.next_path(parent)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.content_type = ContentType.objects.get_for_model(model)
        page.draft_title = title[:255]
        page.live = live
        page.has_unpublished_changes = not live
        page.latest_revision_created_at = timezone.now()
        if live:
            page.first_published_at = entry.published
            page.last_published_at = entry.updated or entry.published
        elif entry.status == "scheduled":
            page.go_live_at = entry.published
        page.set_url_path(parent)
        if entry.kind == "post" and entry.author_key:
            author = self.author(entry)
            if author is not None:
                page.article_authors.add(ArticleAuthor(author=author, sort_order=0))
        if entry.kind == "post" and entry.labels:
            page.tags.set([self.tag(label, language) for label in dict.fromkeys(entry.labels)])
        self.pending_pages.append((entry, page, language, images, print_))
        self.counts[f"{entry.kind}s {entry.status}"] += 1

    def next_path(self, parent):
        """The treebeard path of the parent's next child, as ``add_child`` would give it."""
        if parent.pk not in self.last_child:
            last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
            self.last_child[parent.pk] = Page._str2int(last.path[-Page.steplen :]) if last else 0
        self.last_child[parent.pk] += 1
        return Page._get_path(parent.path, parent.depth + 1, self.last_child[parent.pk])

    def write_pages(self):
        try:
            with transaction.atomic():
                self.flush_pages()
        except Exception as error:
            for entry, *_rest in self.pending_pages:
                self.counts[f"{entry.kind}s {entry.status}"] -= 1
                self.skip(entry.blogger_id, f"{entry.kind} could not be written: {error}", f"{entry.kind}s skipped")
            self.pending_pages = []

    def flush_pages(self):
        """Write the batch of new pages: rows, revisions, tags, bylines, search and reference index.

        This does in a few bulk queries what ``add_child`` and ``save_revision``
        do page by page (about 60 queries each): the tree path, url paths and
        revision are computed the same way. Page signals are not sent: the
        search index and the reference index are written here in bulk, and a
        first revision with one language only gives the translation tooling
        nothing to record.
        """
        if not self.pending_pages:
            return
        database = router.db_for_write(Page)
        pages = [page for _entry, page, _language, _images, _print in self.pending_pages]
        base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
        bases = [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages]
        Page.objects.bulk_create(bases)
        for base, page in zip(bases, pages, strict=True):
            page.id = page.page_ptr_id = base.pk
            page._state.adding = False
            page._state.db = database
            for item in page.article_authors.all() if isinstance(page, ArticlePage) else ():
                item.page_id = page.pk
            for item in page.tagged_items.all() if isinstance(page, ArticlePage) else ():
                item.content_object_id = page.pk
        for model in (ArticlePage, StandardPage):
            rows = [page for page in pages if type(page) is model]
            if rows:
                model._base_manager.using(database)._insert(rows, fields=model._meta.local_concrete_fields)
        page_type = ContentType.objects.get_for_model(Page)
        revisions = [
            Revision(
                content_type=page.content_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at,
                object_str=str(page),
                content=page.serializable_data(),
                approved_go_live_at=page.go_live_at,
            )
            for page in pages
        ]
        Revision.objects.bulk_create(revisions)
        for base, page, revision in zip(bases, pages, revisions, strict=True):
            base.latest_revision_id = page.latest_revision_id = revision.pk
            if page.live:
                base.live_revision_id = page.live_revision_id = revision.pk
        Page.objects.bulk_update(bases, ["latest_revision", "live_revision"])
        articles = [page for page in pages if isinstance(page, ArticlePage)]
        ArticleAuthor.objects.bulk_create([item for page in articles for item in page.article_authors.all()])
        ArticlePageTag.objects.bulk_create([item for page in articles for item in page.tagged_items.all()])
        for parent_id, added in collections.Counter(page.path[: -Page.steplen] for page in pages).items():
            Page.objects.filter(path=parent_id).update(numchild=F("numchild") + added)
        self.index_pages(pages)
        items, images = [], []
        for entry, page, language, page_images, print_ in self.pending_pages:
            items.append(
                ImportedItem(kind=entry.kind, blogger_id=entry.blogger_id, object_id=page.pk, fingerprint=print_)
            )
            self.items[entry.kind][entry.blogger_id] = (page.pk, print_)
            self.created.add(entry.blogger_id)
            images.extend(
                PendingImage(
                    page_id=page.pk,
                    field_name=f"body_{language}",
                    block_id=image.block_id,
                    url=image.url[:2000],
                    caption=image.caption,
                )
                for image in page_images
            )
            self.note_redirects(entry, page.pk, page.live)
        ImportedItem.objects.bulk_create(items)
        PendingImage.objects.bulk_create(images)
        self.counts["images to fetch"] += len(images)
        self.pending_pages = []

    @staticmethod
    def index_pages(pages):
        """Search and reference indexing for the new pages.

        With a task worker (the production set-up) one task per batch is
        queued, so the import does not wait for indexing, as a page save
        does not; without one the indexes are written here, in bulk.
        """
        if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], ImmediateBackend):
            index_pages(pages)
        else:
            index_imported_pages.enqueue([page.pk for page in pages])

    def update_page(self, page, entry, language, title, blocks):
        for name, value in self.page_fields(entry, language, title, blocks).items():
            setattr(page, name, value)
        if entry.kind == "post":
            page.tags.set([self.tag(label, language) for label in dict.fromkeys(entry.labels)])
        if page.live:
            page.last_published_at = entry.updated or entry.published
        page.save(clean=False)
        revision = page.save_revision(clean=False, changed=not page.live)
        if page.live:
            Page.objects.filter(pk=page.pk).update(live_revision=revision)

    def author(self, entry):
        """The byline for the entry's author, created once per Blogger profile."""
        if not entry.author_name or entry.anonymous:
            return None
        if entry.author_key in self.cache["author"]:
            return self.cache["author"][entry.author_key]
        known = self.items["author"].get(entry.author_key)
        if known and (author := Author.objects.filter(pk=known[0]).first()):
            self.cache["author"][entry.author_key] = author
            return author
        base = slugify(entry.author_name)[:90] or "author"
        slug, number = base, 1
        while Author.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        author = Author.objects.create(name=entry.author_name[:100], slug=slug)
        self.counts["authors created"] += 1
        self.remember("author", entry.author_key, author.pk)
        self.cache["author"][entry.author_key] = author
        return author

    def tag(self, label, language):
        """The tag for a Blogger label; an existing tag of the same name is reused."""
        label = label[:100]
        if label in self.cache["label"]:
            return self.cache["label"][label]
        known = self.items["label"].get(label)
        if known and (tag := BlogTag.objects.filter(pk=known[0]).first()):
            self.cache["label"][label] = tag
            return tag
        tag = BlogTag.objects.filter(name__iexact=label).first()
        if tag is None:
            base = slugify(label)[:90] or "label"
            slug, number = base, 1
            while BlogTag.objects.filter(slug=slug).exists():
                number += 1
                slug = f"{base}-{number}"
            tag = BlogTag.objects.create(name=label, name_es=label if language == "es" else "", slug=slug)
            self.counts["tags created"] += 1
        self.remember("label", label, tag.pk)
        self.cache["label"][label] = tag
        return tag

    # Old addresses

    def note_redirects(self, entry, page_id, live):
        if entry.path:
            self.redirects[entry.path] = (page_id, "")
        if entry.kind != "post" or not live:
            return
        parts = entry.path.strip("/").split("/")
        if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
            self.redirects.setdefault(f"/{parts[0]}/{parts[1]}/", (self.index.pk, f"/{parts[0]}/{int(parts[1])}/"))
            self.redirects.setdefault(f"/{parts[0]}/", (self.index.pk, f"/{parts[0]}/"))
        for label in entry.labels:
            self.redirects.setdefault(f"/search/label/{label}", ("label", label[:100]))

    def create_redirects(self):
        """Permanent redirects from every old address; existing ones are left alone."""
        wanted = {}
        for old, (target, route) in self.redirects.items():
            if target == "label":
                known = self.items["label"].get(route)
                tag = BlogTag.objects.filter(pk=known[0]).values_list("slug", flat=True).first() if known else None
                if tag is None:
                    continue
                target, route = self.index.pk, f"/tag/{tag}/"
            # Stored the way the redirect middleware looks paths up: letters
            # decoded, reserved characters and spaces still percent-encoded.
            wanted[Redirect.normalise_path(uri_to_iri(quote(old, safe="/:@!$&'()*+,;=-._~")))] = (target, route)
        existing = set()
        for batch in chunks(wanted, 500):
            existing.update(
                Redirect.objects.filter(site=self.site, old_path__in=batch).values_list("old_path", flat=True)
            )
        new = [
            Redirect(site=self.site, old_path=old, redirect_page_id=target, redirect_page_route_path=route)
            for old, (target, route) in wanted.items()
            if old not in existing and len(old) <= 255
        ]
        Redirect.objects.bulk_create(new, batch_size=500)
        self.counts["redirects created"] += len(new)
        self.counts["redirects unchanged"] += len(wanted) - len(new)

    # Comments

    def stage_comment(self, entry):
        body = plain_text(entry.html)
        self.staged.append(
            StagedComment(
                run=self.run,
                blogger_id=entry.blogger_id,
                post_id=entry.post_id,
                reply_to=entry.reply_to if entry.reply_to != entry.blogger_id else "",
                kept=bool(body),
                pending=entry.status == "pending",
                display_name="" if entry.anonymous else entry.author_name[:80],
                body=body,
                published=entry.published,
            )
        )
        if not body:
            self.skip(entry.blogger_id, "comment is empty", "comments skipped")
        self.counts["comments read"] += 1

    def flush_staged(self):
        StagedComment.objects.bulk_create(self.staged, batch_size=500)
        self.staged = []

    def import_comments(self):
        """Thread the staged comments post by post, in bulk, reading them in one pass."""
        self.flush_staged()
        writer = CommentWriter(self)
        staged = StagedComment.objects.filter(run=self.run).order_by("post_id", "published", "pk")
        for post_id, comments in itertools.groupby(staged.iterator(chunk_size=2000), key=lambda row: row.post_id):
            comments = list(comments)
            known = self.items["post"].get(post_id)
            language = self.post_languages.get(post_id)
            if known and language is None:
                language = ArticlePage.objects.filter(pk=known[0]).values_list("original_language", flat=True).first()
            if not known or language is None:
                for comment in comments:
                    if comment.kept:
                        self.skip(comment.blogger_id, f"its post {post_id} was not imported", "comments skipped")
                continue
            writer.add_thread(known[0], language, comments, new_article=post_id in self.created)
            if writer.size >= COMMENT_BATCH:
                writer.flush()
                reset_queries()
                self.progress(self)
        writer.flush()
        StagedComment.objects.filter(run=self.run).delete()

    def finish(self):
        started = time.monotonic()
        with transaction.atomic():
            self.import_comments()
            self.timings["comments threaded"] = time.monotonic() - started
            self.create_redirects()


class CommentWriter:
    """Places comments in their threads exactly as ``comments.threads`` does, then bulk-inserts them.

    A reply below the site's deepest level is filed under its ancestor at
    that level; ``parent`` still names the comment it answers. Comments are
    inserted a generation at a time, so every parent has its key before its
    replies are written.
    """

    def __init__(self, importer):
        self.importer = importer
        self.limit = max(1, min(importer.max_depth, MAX_STORED_DEPTH)) - 1
        self.generations = collections.defaultdict(list)
        self.records = []
        self.updates = []
        self.size = 0

    def add_thread(self, article_id, article_language, staged, new_article=False):
        importer = self.importer
        by_id = {comment.blogger_id: comment for comment in staged}
        known = {}
        # On a first import no comment is known yet: skip the lookups.
        for batch in chunks(list(by_id) if importer.had_comments else [], 500):
            for blogger_id, object_id, print_ in ImportedItem.objects.filter(
                kind=ImportedItem.Kind.COMMENT, blogger_id__in=batch
            ).values_list("blogger_id", "object_id", "fingerprint"):
                known[blogger_id] = (object_id, print_)
        rows = {}
        next_position = collections.defaultdict(int)
        if not new_article:
            # Comments already on the article (imported or written here) keep their places.
            for pk, path, depth in Comment.objects.filter(article_id=article_id).values_list("pk", "path", "depth"):
                rows[pk] = (path, depth)
                prefix, position = path[:-SEGMENT_WIDTH], int(path[-SEGMENT_WIDTH:])
                next_position[prefix] = max(next_position[prefix], position)
        placed = {}

        def kept_parent(comment):
            seen = {comment.blogger_id}
            reply_to = comment.reply_to
            while reply_to and reply_to not in seen:
                seen.add(reply_to)
                parent = by_id.get(reply_to)
                if parent is None:
                    return reply_to if reply_to in known else ""
                if parent.kept:
                    return reply_to
                reply_to = parent.reply_to
            return ""

        def place(comment, visiting):
            if comment.blogger_id in placed:
                return placed[comment.blogger_id]
            parent_id = kept_parent(comment)
            parent = None
            if parent_id and parent_id not in visiting:
                if parent_id in by_id:
                    parent = place(by_id[parent_id], visiting | {comment.blogger_id})
                elif parent_id in known and known[parent_id][0] in rows:
                    pk = known[parent_id][0]
                    parent = {"object": Comment(pk=pk), "path": rows[pk][0], "depth": rows[pk][1], "generation": 0}
            if comment.blogger_id in known:
                pk = known[comment.blogger_id][0]
                if pk in rows:
                    print_ = fingerprint(comment.body, comment.display_name, comment.pending)
                    if known[comment.blogger_id][1] != print_:
                        self.updates.append((pk, comment, print_))
                    else:
                        importer.counts["comments unchanged"] += 1
                    placed[comment.blogger_id] = {
                        "object": Comment(pk=pk), "path": rows[pk][0], "depth": rows[pk][1], "generation": 0,
                    }  # fmt: skip
                    return placed[comment.blogger_id]
            if parent is None:
                under = ""
            elif parent["depth"] <= self.limit:
                under = parent["path"]
            else:
                under = parent["path"][: self.limit * SEGMENT_WIDTH]
            next_position[under] += 1
            path = under + segment(next_position[under])
            status = Comment.Status.PENDING if comment.pending else Comment.Status.APPROVED
            record = Comment(
                article_id=article_id,
                parent=parent["object"] if parent else None,
                path=path,
                depth=len(path) // SEGMENT_WIDTH,
                display_name=comment.display_name,
                body=comment.body,
                # The first few hundred letters say the language as surely as the whole text.
                language=detect_language(comment.body[:400], article_language),
                status=status,
                created_at=comment.published,
            )
            generation = parent["generation"] + 1 if parent else 1
            self.generations[generation].append(record)
            self.records.append(
                (comment.blogger_id, record, fingerprint(comment.body, comment.display_name, comment.pending))
            )
            importer.counts[f"comments {status}"] += 1
            self.size += 1
            placed[comment.blogger_id] = {
                "object": record,
                "path": path,
                "depth": record.depth,
                "generation": generation,
            }
            return placed[comment.blogger_id]

        for comment in staged:
            if comment.kept:
                place(comment, frozenset())

    def flush(self):
        with transaction.atomic():
            for generation in sorted(self.generations):
                Comment.objects.bulk_create(self.generations[generation], batch_size=500)
            ImportedItem.objects.bulk_create(
                [
                    ImportedItem(
                        kind=ImportedItem.Kind.COMMENT, blogger_id=blogger_id, object_id=record.pk, fingerprint=print_
                    )
                    for blogger_id, record, print_ in self.records
                ],
                batch_size=500,
            )
            for pk, comment, print_ in self.updates:
                Comment.objects.filter(pk=pk).update(body=comment.body, display_name=comment.display_name)
                ImportedItem.objects.filter(kind=ImportedItem.Kind.COMMENT, blogger_id=comment.blogger_id).update(
                    fingerprint=print_
                )
                self.importer.counts["comments updated"] += 1
        self.generations.clear()
        self.records = []
        self.updates = []
        self.size = 0
