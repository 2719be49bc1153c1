"""``manage.py translations status|export|import|check``: translation sync from the shell."""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from translations import catalogue, files
from translations.actions import record_baseline
from translations.snippets import reference as snippet_reference
from translations.snippets import snippets_for
from translations.status import all_statuses, snippet_statuses


class Progress:
    """A one-line progress bar on stderr for long runs (more than a few items)."""

    def __init__(self, stream, total=0, minimum=5, width=30):
        self.stream, self.total, self.width, self.minimum = stream, total, width, minimum

    def __call__(self, done, total=None):
        total = total or self.total
        if total < self.minimum:
            return
        filled = int(self.width * done / max(total, 1))
        # Each frame overwrites the last: no line ending until the bar is full.
        ending = "\n" if done >= total else ""
        self.stream.write(f"\r[{'#' * filled}{' ' * (self.width - filled)}] {done}/{total}", ending=ending)
        self.stream.flush()


class Command(BaseCommand):
    help = "Translation status, translator file export and import, and the interface catalogue check."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        status = commands.add_parser("status", help="One line per page and language: id, title, language, status.")
        status.add_argument("--language", help="Only this target language.")
        status.add_argument("--status", help="Only this status (missing, stale, conflict, machine, up_to_date).")

        export = commands.add_parser("export", help="Write a PO or XLIFF file of pages' segments.")
        export.add_argument("--page", type=int, action="append", default=[], dest="pages", metavar="ID")
        export.add_argument("--snippets", action="store_true", help="Author biographies and tag names too.")
        export.add_argument("--format", choices=files.FORMATS, default=files.PO)
        export.add_argument("--all", action="store_true", help="Every segment, not only missing or stale ones.")
        export.add_argument("--language", help="Target language (default: each page's translation).")
        export.add_argument("--output", required=True, help="File to write, or - for standard output.")

        imported = commands.add_parser("import", help="Apply a translated PO or XLIFF file as draft revisions.")
        imported.add_argument("file")
        imported.add_argument(
            "--partial", action="store_true", help="Apply what matches even if other segments conflict."
        )
        imported.add_argument("--dry-run", action="store_true", help="Validate and report; change nothing.")
        imported.add_argument("--user", help="Username recorded on the new revisions.")

        commands.add_parser(
            "baseline",
            help="Confirm translations made before this app recorded any state (once, after installing it).",
        )

        check = commands.add_parser("check", help="Fail when locale/es lacks or fuzzes an interface string.")
        check.add_argument("--catalogue", help="Catalogue to check (default: locale/es/LC_MESSAGES/django.po).")
        check.add_argument("--no-extract", action="store_true", help="Only check the catalogue's own entries.")

    def handle(self, *args, subcommand, **options):
        getattr(self, "handle_" + subcommand)(**options)

    def handle_status(self, language=None, status=None, **options):
        languages = [language] if language else None
        for row in all_statuses(languages=languages) + snippet_statuses(snippets_for(), languages):
            if status and row.status != status:
                continue
            subject = row.page.pk if isinstance(row.page, Page) else snippet_reference(row.page)
            self.stdout.write(f"{subject}\t{row.title}\t{row.language}\t{row.status}")

    def handle_export(self, pages, format, all, language, output, snippets=False, **options):
        if not pages and not snippets:
            raise CommandError("Name pages (--page ID) or --snippets to export.")
        found = Page.objects.filter(pk__in=pages).specific()
        missing = set(pages) - {page.pk for page in found}
        if missing:
            raise CommandError(f"No page with id {', '.join(str(pk) for pk in sorted(missing))}.")
        try:
            content, _extension, count = files.export(
                found, format, include_all=all, language=language, snippets=snippets_for() if snippets else ()
            )
        except files.FileError as error:
            raise CommandError(str(error)) from error
        if output == "-":
            sys.stdout.buffer.write(content)
        else:
            Path(output).write_bytes(content)
            self.stdout.write(f"Exported {count} segments from {len(pages)} pages to {output}.")

    def handle_import(self, file, partial, dry_run, user, **options):
        path = Path(file)
        if not path.exists():
            raise CommandError(f"{file} does not exist.")
        account = None
        if user:
            account = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: user}).first()
            if account is None:
                raise CommandError(f"No user {user}.")
        try:
            result = files.import_file(
                path.read_bytes(),
                path.name,
                user=account,
                partial=partial,
                dry_run=dry_run,
                progress=Progress(self.stderr),
            )
        except files.FileError as error:
            raise CommandError(str(error)) from error
        for page_id, key in result.applied:
            self.stdout.write(f"applied\t{page_id}\t{key}")
        for page_id, key in result.confirmed:
            self.stdout.write(f"confirmed\t{page_id}\t{key}")
        for page_id, key, reason in result.conflicts:
            self.stdout.write(f"conflict\t{page_id}\t{key}\t{reason}")
        for page_id, key, reason in result.errors:
            self.stdout.write(f"error\t{page_id}\t{key}\t{reason}")
        self.stdout.write(
            f"{len(result.applied)} applied, {len(result.confirmed)} confirmed unchanged, "
            f"{len(result.conflicts)} conflicts, {len(result.errors)} errors, {len(result.skipped)} skipped; "
            f"{len(result.revisions)} draft revisions."
        )
        if not result.ok and dry_run:
            # A dry run is how a script checks a file: its answer is the exit status.
            raise CommandError("The file has the conflicts or errors listed above; nothing was changed (dry run).")
        if not result.ok and not partial:
            raise CommandError("Nothing applied: fix the conflicts and errors listed above, or use --partial.")

    def handle_baseline(self, **options):
        count = record_baseline()
        self.stdout.write(f"Recorded {count} existing translations as up to date.")

    def handle_check(self, no_extract=False, **options):
        found = catalogue.problems(options.get("catalogue"), extract=not no_extract)
        labels = {
            "missing": "missing from the catalogue",
            "untranslated": "untranslated",
            "fuzzy": "fuzzy",
        }
        failures = 0
        for problem, label in labels.items():
            for msgctxt, msgid in found[problem]:
                failures += 1
                context = f" [{msgctxt}]" if msgctxt else ""
                self.stdout.write(f"{label}{context}: {msgid}")
        if failures:
            raise CommandError(
                f"{failures} interface strings are not translated; run `make makemessages` and translate them."
            )
        self.stdout.write("Every interface string has a Spanish translation.")
