"""Fill an empty site with Frontera's fictional demo newsroom.

Safe to run again: what already exists (matched by slug) is left alone.
"""

import datetime
import io
import json
import secrets
import uuid

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Site

from blog.models import ArticleAuthor, ArticlePage, Author, BlogIndexPage, BlogTag
from core.bilingual import language_codes
from core.models import NewsroomSettings
from demo.comment_threads import seed_demo_comments
from demo.content import DATA_DIR, load_content
from demo.images import hero_image_bytes
from demo.tip_page import seed_tip_page
from demo.translation_states import seed_demo_translation_states
from home.models import HomePage, StandardPage
from tips.permissions import ensure_tip_editors_group

# Alt text of the generated hero illustrations, by motif (data, not code).
HERO_ALT_FILE = DATA_DIR / "hero_alt.json"


class Command(BaseCommand):
    help = "Create the demo newsroom: articles in both languages, authors, tags, pages and an admin login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-admin-password",
            action="store_true",
            help="Give the existing 'admin' user a new random password and print it.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only add content when the site has no articles yet (what 'make run' uses).",
        )
        parser.add_argument(
            "--admin-url", default="http://127.0.0.1:8000/admin/", help="The admin address printed with the login."
        )

    def handle(self, *args, **options):
        if options["if_empty"] and ArticlePage.objects.exists():
            self.stdout.write("The site already has articles; no demo content added.")
        else:
            self.seed_content()
        self.seed_admin(options["reset_admin_password"], options["admin_url"])

    def seed_content(self):
        self.content = load_content()
        with transaction.atomic():
            home = self.seed_home()
            authors = self.seed_authors()
            tags = self.seed_tags()
            blog_index = self.seed_blog_index(home)
            articles = [
                self.seed_article(blog_index, index, data, authors, tags)
                for index, data in enumerate(self.content.articles)
            ]
            self.seed_pages(home)
            seed_demo_comments(articles, self.content.comments, self.stdout)
            seed_demo_translation_states(articles, self.stdout)
            featured = next((a for a, d in zip(articles, self.content.articles, strict=True) if d["featured"]), None)
            if featured and home.lead_story_id != featured.pk:
                home.lead_story = featured
                home.save_revision().publish()
        self.stdout.write(self.style.SUCCESS(f"Demo newsroom ready: {len(articles)} articles."))

    def seed_home(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise SystemExit("The default site's root page is not a HomePage; run migrate on a fresh database.")
        if home.tagline_en != self.content.tagline["en"]:
            home.title_en = self.content.site_name
            home.title_es = self.content.site_name
            home.tagline_en = self.content.tagline["en"]
            home.tagline_es = self.content.tagline["es"]
            home.save_revision().publish()
        if site.site_name != self.content.site_name:
            site.site_name = self.content.site_name
            site.save()
        return home

    def seed_authors(self):
        authors = {}
        for data in self.content.authors:
            author, _created = Author.objects.get_or_create(
                slug=data["slug"],
                defaults={"name": data["name"], "bio_en": data["bio"]["en"], "bio_es": data["bio"]["es"]},
            )
            authors[data["slug"]] = author
        return authors

    def seed_tags(self):
        tags = {}
        for data in self.content.tags:
            tag, _created = BlogTag.objects.get_or_create(
                slug=data["slug"], defaults={"name": data["name"]["en"], "name_es": data["name"]["es"]}
            )
            tags[data["slug"]] = tag
        return tags

    def seed_blog_index(self, home):
        existing = BlogIndexPage.objects.child_of(home).first()
        if existing:
            return existing
        blog_index = BlogIndexPage(
            title_en="Stories",
            title_es="Historias",
            slug_en="stories",
            slug_es="historias",
            intro_en="<p>Every story we have published, newest first.</p>",
            intro_es="<p>Todas nuestras historias, de la más reciente a la más antigua.</p>",
        )
        home.add_child(instance=blog_index)
        blog_index.save_revision().publish()
        return blog_index

    def seed_article(self, blog_index, index, data, authors, tags):
        original = data["original_language"]
        slug = data[original]["slug"]
        existing = ArticlePage.objects.child_of(blog_index).filter(**{f"slug_{original}": slug}).first()
        if existing:
            return existing

        published = timezone.localdate() - datetime.timedelta(days=data["days_ago"])
        hero = data["hero"]
        hero_alt = json.loads(HERO_ALT_FILE.read_text(encoding="utf-8")).get(hero["motif"], {})
        fields = {
            # A draft until published, as in the editor: saving a live article
            # first works out every address its old version showed on.
            "live": False,
            "original_language": original,
            "translation_ready": data["translated"],
            "publication_date": published,
            "translator": data.get("translator") or "",
            "hero_image": self.hero_image(slug, hero, seed=index),
            "hero_credit_en": hero.get("credit", ""),
            "hero_credit_es": hero.get("credit", "").replace("Illustration", "Ilustración"),
        }
        block_ids = [str(uuid.uuid4()) for _block in data[original]["body"]]
        for language in language_codes():
            text = data.get(language)
            if text is None:
                for name in ("title", "slug", "dek", "credit_line", "hero_alt", "hero_caption", "hero_credit"):
                    fields[f"{name}_{language}"] = ""
                fields[f"body_{language}"] = []
                continue
            credit_line = data.get("credit_line") or {}
            fields.update(
                {
                    f"title_{language}": text["title"],
                    f"slug_{language}": text["slug"],
                    f"dek_{language}": text["dek"],
                    f"credit_line_{language}": credit_line.get(language, ""),
                    f"hero_alt_{language}": hero_alt.get(language, ""),
                    f"hero_caption_{language}": hero["caption"][language],
                    # Matching block ids tie each translated block to its source block.
                    f"body_{language}": stream_data(text["body"], block_ids),
                }
            )
        article = ArticlePage(**fields)
        for position, author_slug in enumerate(data["authors"]):
            article.article_authors.add(ArticleAuthor(author=authors[author_slug], sort_order=position))
        article.tags.set([tags[tag_slug] for tag_slug in data["tags"]])
        blog_index.add_child(instance=article)
        revision = article.save_revision()
        revision.publish()
        first_published = timezone.make_aware(datetime.datetime.combine(published, datetime.time(9, 0)))
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=first_published, last_published_at=first_published
        )
        return article

    def hero_image(self, slug, hero, seed):
        image_model = get_image_model()
        title = f"Demo hero: {slug}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            content = hero_image_bytes(hero["palette"], hero["motif"], seed)
            image = image_model(title=title, file=ImageFile(io.BytesIO(content), name=f"{slug}.jpg"))
            image.save()
        return image

    def seed_pages(self, home):
        settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
        for key, setting_name in (("about", "about_page"), ("comment_policy", "comment_policy_page")):
            data = self.content.pages[key]
            page = StandardPage.objects.child_of(home).filter(slug_en=data["en"]["slug"]).first()
            if page is None:
                fields = {"original_language": "en", "translation_ready": True}
                for language in language_codes():
                    block_ids = [str(uuid.uuid4()) for _block in data[language]["body"]]
                    fields.update(
                        {
                            f"title_{language}": data[language]["title"],
                            f"slug_{language}": data[language]["slug"],
                            f"intro_{language}": data[language].get("intro", ""),
                            f"body_{language}": stream_data(data[language]["body"], block_ids),
                        }
                    )
                page = StandardPage(**fields)
                home.add_child(instance=page)
                page.save_revision().publish()
            setattr(settings, setting_name, page)
        settings.tip_page = seed_tip_page(home, self.stdout)
        settings.save()

    def seed_admin(self, reset_password, admin_url):
        user_model = get_user_model()
        user = user_model.objects.filter(username="admin").first()
        if user is not None and not reset_password:
            self.stdout.write(f"Admin login: {admin_url} as 'admin' (password unchanged).")
            return
        password = secrets.token_urlsafe(12)
        if user is None:
            # Wagtail's account settings save only with a name filled in.
            user = user_model.objects.create_superuser(
                "admin", "admin@frontera.invalid", password, first_name="Demo", last_name="Admin"
            )
            # Tips are shown to tip editors only, superusers included; the
            # demo's administrator joins the group openly to show the area.
            user.groups.add(ensure_tip_editors_group())
        else:
            user.set_password(password)
            # An admin seeded before it was given a name.
            user.first_name = user.first_name or "Demo"
            user.last_name = user.last_name or "Admin"
            user.save(update_fields=["password", "first_name", "last_name"])
        self.stdout.write(self.style.SUCCESS(f"Admin login: {admin_url}  user: admin  password: {password}"))


def stream_data(blocks, block_ids):
    """Demo body blocks as StreamField data, with the given block ids."""
    data = []
    for (block_type, value), block_id in zip(blocks, block_ids, strict=True):
        data.append({"type": block_type, "value": value, "id": block_id})
    return data
