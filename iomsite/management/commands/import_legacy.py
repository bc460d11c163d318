from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from iomsite.legacy.importing import (
    DEFAULT_MAX_BYTES,
    ImportStatus,
    LegacyImporter,
    find_legacy_files,
)
from iomsite.legacy.report import NoReport, ReportWriter


class Command(BaseCommand):
    help = (
        "Import pages of the old website (text dumps or saved HTML) as news, "
        "statements, offices, programmes and contacts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="A file, or a directory to search"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report, but write nothing."
        )
        parser.add_argument("--report", metavar="FILE.json", help="Write a report.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite fields staff edited since the last import.",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=DEFAULT_MAX_BYTES,
            metavar="N",
            help="Refuse files larger than N bytes (default: 2 MiB).",
        )

    def handle(self, *args, paths, dry_run, report, force, max_bytes, **options):
        missing = [path for path in paths if not Path(path).exists()]
        if missing:
            raise CommandError(
                f"No such file or directory: {', '.join(missing)}", returncode=2
            )
        if report and not Path(report).resolve().parent.is_dir():
            raise CommandError(
                f"Cannot write the report: no folder {Path(report).parent}",
                returncode=2,
            )
        if max_bytes < 1:
            raise CommandError("--max-bytes must be a positive number", returncode=2)
        files = list(
            dict.fromkeys(f for path in paths for f in find_legacy_files(path))
        )
        importer = LegacyImporter(dry_run=dry_run, force=force, max_bytes=max_bytes)
        verbosity = options["verbosity"]
        progress = Progress(self.stderr, len(files), enabled=verbosity >= 1)

        summary = Counter({status: 0 for status in ImportStatus.ALL})
        report_writer = ReportWriter(report, dry_run=dry_run) if report else NoReport()
        try:
            for result in importer.import_files(files):
                summary[result.status] += 1
                report_writer.add(result)
                progress.advance()
                if result.status in (ImportStatus.FAILED, ImportStatus.SKIPPED):
                    progress.clear()
                    self.stderr.write(
                        f"{result.status}: {result.source}: {result.error}"
                    )
                elif verbosity >= 2:
                    progress.clear()
                    self.stdout.write(f"{result.status}: {result.source}")
        except BaseException:
            report_writer.abandon()
            raise
        progress.clear()
        report_writer.finish(dict(summary))

        line = ", ".join(f"{summary[status]} {status}" for status in ImportStatus.ALL)
        prefix = "Dry run, nothing written: " if dry_run else ""
        if verbosity >= 1:
            style = self.style.ERROR if summary["failed"] else self.style.SUCCESS
            self.stdout.write(style(f"{prefix}{len(files)} files: {line}"))
        if summary["failed"]:
            raise CommandError(
                f"{summary['failed']} file(s) failed to import", returncode=1
            )


class Progress:
    """A progress bar on stderr, drawn only when stderr is a terminal."""

    WIDTH = 30

    def __init__(self, stream, total, *, enabled):
        self.stream, self.total, self.done = stream, total, 0
        self.enabled = enabled and total > 1 and stream.isatty()

    def advance(self):
        self.done += 1
        if self.enabled:
            filled = self.WIDTH * self.done // self.total
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total}", ending="")
            self.stream.flush()

    def clear(self):
        if self.enabled:
            self.stream.write("\r" + " " * (self.WIDTH + 30) + "\r", ending="")
