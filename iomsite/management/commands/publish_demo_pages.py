"""Publish the demo's privacy, terms and accessibility pages
(``iomsite.demo.pages``); ``make run`` runs it after importing the demo's
old pages."""

from django.core.management.base import BaseCommand

from iomsite.demo.pages import publish_demo_pages


class Command(BaseCommand):
    help = (
        "Write and publish the demo's privacy, terms and accessibility pages in "
        "every language, where they are still as the migrations made them (a "
        "page that staff wrote is left alone). For development sites."
    )

    def handle(self, *args, **options):
        written = publish_demo_pages()
        if options["verbosity"] >= 1:
            pages = ", ".join(written) if written else "none (written already)"
            self.stdout.write(f"Demo pages published: {pages}.")
