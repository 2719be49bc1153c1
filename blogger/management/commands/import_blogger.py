"""manage.py import_blogger FILE: bring a Blogger blog across, old addresses included."""

import collections
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from blog.models import BlogIndexPage
from blogger.feed import NotBloggerExport, SeveralBlogs, open_export, read_entries
from blogger.images import fetch_images
from blogger.importer import Importer


class Command(BaseCommand):
    help = (
        "Import a Blogger export (Google Takeout .zip or feed.atom, or the classic blog-MM-DD-YYYY.xml): "
        "posts, pages, labels, authors, threaded comments and redirects from every old address."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="The export: a Takeout .zip, its feed.atom, or a classic .xml.")
        parser.add_argument(
            "--language",
            choices=["en", "es", "detect"],
            default="detect",
            help="The language the blog is written in; 'detect' decides post by post (default).",
        )
        parser.add_argument("--index", help="Id or slug of the blog index to import posts under (default: the first).")
        parser.add_argument("--blog", help="Which blog of a Takeout zip holding several (its folder name).")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change, and change nothing.")
        parser.add_argument(
            "--fetch-images",
            action="store_true",
            help="Fetch the images imported bodies still link to (needs the network), after any import.",
        )
        parser.add_argument(
            "--image-host",
            action="append",
            default=[],
            help="Another host --fetch-images may fetch from, besides Blogger's image servers (repeatable).",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if not options["file"] and not options["fetch_images"]:
            raise CommandError("Name the export file to import, or pass --fetch-images.")
        if options["file"]:
            self.import_file(options)
        if options["fetch_images"] and not options["dry_run"]:
            fetched, failed = fetch_images(
                report=self.report_image, extra_hosts={host.lower() for host in options["image_host"]}
            )
            self.stdout.write(
                f"Images fetched: {fetched}; not reachable (kept as links, tried again next time): {failed}"
            )

    def find_index(self, reference):
        indexes = BlogIndexPage.objects.order_by("path")
        if reference:
            index = indexes.filter(pk=int(reference)).first() if reference.isdigit() else None
            index = index or indexes.filter(slug_en=reference).first() or indexes.filter(slug_es=reference).first()
        else:
            index = indexes.first()
        if index is None:
            raise CommandError(f"No blog index {reference or ''} to import into: create one in the admin first.")
        return index

    def import_file(self, options):
        index = self.find_index(options["index"])
        started = time.monotonic()
        problems = []
        importer = Importer(index, options["language"], progress=self.progress)
        try:
            stream = open_export(options["file"], options["blog"])
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror or error}") from error
        except NotBloggerExport as error:
            raise CommandError(f"{options['file']} is not a Blogger export: {error}.") from error
        except SeveralBlogs as error:
            raise CommandError(f"In {options['file']}, {error}.") from error
        try:
            with stream, transaction.atomic():
                # In a dry run everything happens inside one transaction that is rolled back.
                importer.import_entries(read_entries(stream, problems))
                importer.finish()
                if options["dry_run"]:
                    transaction.set_rollback(True)
        except NotBloggerExport as error:
            raise CommandError(f"{options['file']} is not a Blogger export: {error}.") from error
        for problem in problems:
            importer.skip(problem.blogger_id, problem.reason, "malformed entries skipped")
        self.summary(importer, time.monotonic() - started, options["dry_run"])
        broken = [problem for problem in problems if problem.fatal]
        if broken:
            raise CommandError(f"{options['file']} is damaged: {broken[0].reason}.")

    def progress(self, importer):
        if self.verbosity < 1:
            return
        done = collections.Counter()
        for key, value in importer.counts.items():
            kind, _space, outcome = key.partition(" ")
            if outcome not in ("skipped", "read"):
                done[kind] += value
        self.stderr.write(
            f"posts {done['posts']} · pages {done['pages']} · comments read {importer.counts['comments read']}"
            f" · comments threaded {done['comments']}",
            ending="\r" if self.stderr.isatty() else "\n",
        )

    def report_image(self, pending, error):
        if self.verbosity >= 2:
            self.stderr.write(f"  not fetched: {pending.url} ({error})")

    def summary(self, importer, seconds, dry_run):
        if self.verbosity < 1:
            return
        if self.stderr.isatty():
            self.stderr.write("")
        heading = "Dry run: nothing was saved. This is what would change." if dry_run else "Blogger import finished."
        self.stdout.write(self.style.SUCCESS(heading) + f" ({seconds:.1f} s)")
        for name, value in importer.timings.items():
            self.stdout.write(f"  {name} in {value:.1f} s")
        for key in sorted(importer.counts):
            self.stdout.write(f"  {key}: {importer.counts[key]}")
        if importer.skipped:
            self.stdout.write(f"Skipped ({len(importer.skipped)}):")
            for blogger_id, reason in importer.skipped:
                self.stdout.write(f"  {blogger_id}: {reason}")
