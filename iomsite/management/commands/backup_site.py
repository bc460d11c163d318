from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from iomsite.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the whole site (database and uploaded files) to one .tar.gz archive "
        "that restore_site can load."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Where to write, e.g. site.tar.gz.")

    def handle(self, *args, archive, **options):
        try:
            summary = create_backup(archive)
        except (BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Backed up {summary.objects} objects and {summary.files} files "
                    f"({filesizeformat(summary.bytes)}) to {archive}."
                )
            )
