"""Remove a staff member's authenticator (a lost phone): their next visit to the admin pairs a new one."""

from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, email, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No account has the address {email}.")
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"{removed} authenticator(s) removed for {email}.")
