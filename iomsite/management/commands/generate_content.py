"""Fill a development or benchmark database with realistic fake content
(``iomsite.demo.generator``)."""

import time

from django.core.management.base import BaseCommand, CommandError

from iomsite.demo.generator import RealContentFound, generate


class Command(BaseCommand):
    help = (
        "Create realistic fake content for development and benchmarks: articles "
        "in English and Spanish over 20 years, offices and contacts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=1000,
            metavar="N",
            help="Number of articles to create (default: 1000).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=0,
            help="Seed of the random content; the same seed gives the same content.",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="First delete everything this command generated before.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though the database holds real (not generated) content.",
        )

    def handle(self, *args, articles, seed, clear, force, **options):
        if articles < 0:
            raise CommandError("--articles must be zero or more", returncode=2)
        started = time.monotonic()
        try:
            languages, offices, contacts, deleted = generate(
                articles=articles, seed=seed, clear=clear, force=force
            )
        except RealContentFound as error:
            (real,) = error.args
            found = ", ".join(f"{count} {name}" for name, count in real.items())
            raise CommandError(
                f"This database holds real content ({found} not made by "
                "generate_content). Refusing to add fake content to it; use "
                "--force to do it anyway."
            ) from None
        elapsed = time.monotonic() - started
        if clear:
            self._say(options, f"Deleted {deleted} generated articles.")
        self._say(
            options,
            self.style.SUCCESS(
                f"Generated {articles} articles ({languages['en']} in English, "
                f"{languages['es']} in Spanish), {len(offices)} offices and "
                f"{len(contacts)} contacts in {elapsed:.1f} s."
            ),
        )

    def _say(self, options, message):
        if options["verbosity"] >= 1:
            self.stdout.write(message)
