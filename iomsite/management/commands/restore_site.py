from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from iomsite.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Load an archive made by backup_site into an empty, migrated site: its "
        "database rows and its uploaded files."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz made by backup_site.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of a site that is not empty (its database "
            "is emptied first; its files are overwritten, never deleted).",
        )

    def handle(self, *args, archive, force, **options):
        try:
            summary = restore_backup(archive, force=force)
        except (BackupError, OSError) as error:
            raise CommandError(f"Nothing was restored. {error}") from error
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Restored {summary.objects} objects and {summary.files} files "
                    f"({filesizeformat(summary.bytes)}) from {archive}."
                )
            )
