"""Keys, exports and decryption for the tip line.

    manage.py tips generate-key --private-key-file newsroom.key
    manage.py tips export --output tips.zip [--tip 12 --tip 13]
    manage.py tips decrypt --key-file newsroom.key --input tips.zip --output tips/
    manage.py tips notify

Run ``notify`` from the server's scheduler every few hours (cron, a
systemd timer): it writes the files of tips that arrived since the last run
to private storage and, if any tip arrived, emails the tip editors. Nothing
happens when a tip arrives, so no file time, task row or email date tells
the hour a source wrote.

Run ``generate-key`` and ``decrypt`` on an editor's own computer, never on
the web server: the private key must not live where the tips do.
"""

import os
import smtplib
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tips import crypto
from tips.export import ExportError, build_export, decrypt_export
from tips.records import Tip
from tips.submission import notify_editors, settle_rows, write_pending_files


class Command(BaseCommand):
    help = "Generate the newsroom's key pair, export tips, or decrypt an export with the private key."
    requires_system_checks = []

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)

        generate = commands.add_parser("generate-key", help="Create a key pair on this computer.")
        generate.add_argument("--private-key-file", required=True, help="Where to write the private key (mode 600).")

        export = commands.add_parser("export", help="Write tips, still sealed, to a zip file.")
        export.add_argument("--output", required=True, help="The zip file to write ('-' for standard output).")
        export.add_argument("--tip", type=int, action="append", dest="tips", help="Only this tip (repeatable).")

        decrypt = commands.add_parser("decrypt", help="Decrypt an export with the private key, on your own computer.")
        decrypt.add_argument("--key-file", required=True, help="The private key file.")
        decrypt.add_argument("--input", required=True, help="The export zip file.")
        decrypt.add_argument("--output", required=True, help="A folder for the decrypted tips.")

        commands.add_parser(
            "notify",
            help="Store files of new tips and email tip editors if tips arrived. Run it every few hours.",
        )

    def handle(self, *args, **options):
        handler = {
            "generate-key": self.generate_key,
            "export": self.export,
            "decrypt": self.decrypt,
            "notify": self.notify,
        }
        handler[options["subcommand"]](options)

    def generate_key(self, options):
        path = Path(options["private_key_file"])
        if path.exists():
            raise CommandError(f"{path} already exists; refusing to overwrite a key.")
        private, public = crypto.generate_keypair()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as key_file:
            key_file.write("# Frontera tip line private key. Keep it off the web server.\n")
            key_file.write(private + "\n")
        self.stdout.write(f"Private key written to {path}. Give the server this setting:")
        self.stdout.write(f"TIPS_PUBLIC_KEY={public}")

    def export(self, options):
        tips = Tip.objects.order_by("pk").prefetch_related("files")
        if options["tips"]:
            tips = tips.filter(pk__in=options["tips"])
        data = build_export(tips)
        if options["output"] == "-":
            sys.stdout.buffer.write(data)
            return
        descriptor = os.open(options["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as output:
            output.write(data)
        self.stdout.write(f"Exported {tips.count()} tip(s) to {options['output']}.")

    def decrypt(self, options):
        try:
            private_key = crypto.parse_private_key(Path(options["key_file"]).read_text())
        except (OSError, crypto.InvalidKey) as error:
            raise CommandError(f"Cannot read a private key from {options['key_file']}: {error}") from error
        try:
            count = decrypt_export(options["input"], private_key, options["output"])
        except crypto.DecryptionFailed as error:
            raise CommandError("This key does not open these tips.") from error
        except (OSError, ExportError, KeyError, ValueError) as error:
            raise CommandError(f"Cannot read the export: {error}") from error
        self.stdout.write(f"Decrypted {count} tip(s) into {options['output']}.")

    def notify(self, options):
        written = write_pending_files()
        settle_rows()
        try:
            sent = notify_editors()
        except (OSError, smtplib.SMTPException) as error:
            # A non-zero exit lets the scheduler report it; the next run tries again.
            raise CommandError(
                f"Wrote {written} file(s), but emailing tip editors failed ({error.__class__.__name__}); "
                "the next run tries again."
            ) from error
        self.stdout.write(f"Wrote {written} file(s); sent {sent} email(s).")
