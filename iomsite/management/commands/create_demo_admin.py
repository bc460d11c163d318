import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' for a development site, unless one exists. "
        "The password is DJANGO_SUPERUSER_PASSWORD, or a generated one shown once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser exists already: log in at /admin/.")
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(
            12
        )
        User.objects.create_superuser("admin", "admin@example.org", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the superuser 'admin' with the password {password!r}: "
                "log in at http://127.0.0.1:8000/admin/ and change it."
            )
        )
