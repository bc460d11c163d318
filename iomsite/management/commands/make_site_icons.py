from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from iomsite.ops.icons import write_icons


class Command(BaseCommand):
    help = (
        "Draw the site's icons (SVG, PNG sizes, favicon.ico) and its web "
        "manifest into static/icons/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "static" / "icons",
            help="The folder to write into (default: static/icons/).",
        )

    def handle(self, *args, output, **options):
        for path in write_icons(output):
            if options["verbosity"] >= 1:
                self.stdout.write(f"Wrote {path}")
