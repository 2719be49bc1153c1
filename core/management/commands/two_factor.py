from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user


class Command(BaseCommand):
    help = "Two-factor sign-in: reset an editor who lost their authenticator app."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="action", required=True)
        reset = subcommands.add_parser("reset", help="Remove every authenticator app of one account.")
        reset.add_argument("username")

    def handle(self, *args, action, username, **options):
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        removed = 0
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
        self.stdout.write(f"Removed {removed} authenticator app(s) of {username}; they set one up at the next sign-in.")
