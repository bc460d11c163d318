from collections import Counter
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from iomsite.content.text import visible_controls
from iomsite.legacy.importing import (
    DEFAULT_MAX_BYTES,
    ImportStatus,
    LegacyImporter,
    find_legacy_files,
)
from iomsite.legacy.paths import folder_of
from iomsite.legacy.report import FileResult, NoReport, ReportWriter


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
        parser.add_argument(
            "--status",
            choices=["draft", "published"],
            default="published",
            help="What imported articles become (default: published). Pages in a "
            "language the site does not have stay drafts.",
        )
        parser.add_argument(
            "--contacts",
            choices=["hidden", "public"],
            default="hidden",
            help="Whether new contacts are public or hidden until staff review "
            "them (default: hidden).",
        )
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="Print every file as it is imported, with what it made and its "
            "warnings (the same as -v 2).",
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
        refused = []
        files = list(
            dict.fromkeys(
                f for path in paths for f in find_legacy_files(path, refused=refused)
            )
        )
        importer = LegacyImporter(
            dry_run=dry_run,
            force=force,
            max_bytes=max_bytes,
            status=options["status"],
            contacts_public=options["contacts"] == "public",
            folders=[folder_of(path) for path in paths],
        )
        verbosity = 2 if options["verbose"] else options["verbosity"]
        console = Console(self, verbosity=verbosity, total=len(files) + len(refused))
        summary = Counter({status: 0 for status in ImportStatus.ALL})
        report_writer = ReportWriter(report, dry_run=dry_run) if report else NoReport()
        try:
            for result in chain(refusals(refused), importer.import_files(files)):
                summary[result.status] += 1
                report_writer.add(result)
                console.add(result)
        except BaseException:
            report_writer.abandon()
            raise
        finally:
            console.close()
        summary["warnings"] = console.warning_count
        report_writer.finish(dict(summary), importer.chrome.counts)
        console.finish(summary, dry_run=dry_run, chrome=importer.chrome.counts)
        if summary["failed"]:
            raise CommandError(
                f"{summary['failed']} file(s) failed to import", returncode=1
            )


def refusals(refused):
    """The failed results of the files left out of the run: links out of
    their folder (``iomsite.legacy.paths``)."""
    for path, reason in refused:
        yield FileResult(source=str(path), status=ImportStatus.FAILED, error=reason)


class Console:
    """What the terminal shows of an import, as it happens (nothing is kept, so
    memory stays flat): a progress bar on stderr when it is a terminal;
    refused and skipped files, and each file's warnings, on stderr; at -v 2
    (``--verbose``) every file on stdout with what it made; then the summary."""

    def __init__(self, command, *, verbosity, total):
        self.stdout, self.stderr, self.style = (
            command.stdout,
            command.stderr,
            command.style,
        )
        self.verbosity = verbosity
        self.warning_count = self.suggestion_count = self.note_count = 0
        self.kinds = Counter()
        self.bar_stream = Unterminated(self.stderr)
        self.progress = tqdm(
            total=total,
            file=self.bar_stream,
            unit="page",
            disable=verbosity < 1 or total < 2 or not self.stderr.isatty(),
            dynamic_ncols=True,
        )

    def add(self, result):
        self.progress.update()
        if result.kind:
            self.kinds[result.kind] += 1
        self.warning_count += len(result.warnings)
        self.suggestion_count += len(result.suggestions)
        self.note_count += len(result.notes)
        lines = []
        if result.status in (ImportStatus.FAILED, ImportStatus.SKIPPED):
            lines.append(
                (self.stderr, f"{result.status}: {result.source}: {result.error}")
            )
        elif self.verbosity >= 2:
            lines.append(
                (self.stdout, f"{result.status}: {result.source}{made(result)}")
            )
            lines += [
                (self.stdout, f"  {text}")
                for text in [
                    result.kind_reason,
                    *(f"suggested: {s}" for s in result.suggestions),
                    *(f"note: {n}" for n in result.notes),
                ]
                if text
            ]
        elif result.warnings and self.verbosity >= 1:
            lines.append(
                (self.stderr, WarningLine(f"{result.source} ({result.kind}):"))
            )
        if self.verbosity >= 1:
            lines += [
                (self.stderr, WarningLine(f"  warning: {w}")) for w in result.warnings
            ]
        if lines:
            with tqdm.external_write_mode(file=self.bar_stream):
                # Titles and file names come from the pages: their escape
                # sequences must not reach the terminal as such.
                for stream, line in lines:
                    if isinstance(line, WarningLine):
                        stream.write(
                            visible_controls(line.text), style_func=self.style.WARNING
                        )
                    else:
                        stream.write(visible_controls(line))

    def close(self):
        self.progress.close()

    def finish(self, summary, *, dry_run, chrome=()):
        if self.verbosity < 1:
            return
        files = sum(summary[status] for status in ImportStatus.ALL)
        line = ", ".join(f"{summary[status]} {status}" for status in ImportStatus.ALL)
        prefix = "Dry run, nothing written: " if dry_run else ""
        style = self.style.ERROR if summary["failed"] else self.style.SUCCESS
        self.stdout.write(style(f"{prefix}{files} files: {line}"))
        if self.kinds:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds.items()))
            self.stdout.write(f"Pages read: {kinds}")
        if chrome:
            self.stdout.write(
                f"Learnt as the template's chrome (dropped where it stands): "
                f"{len(chrome)} line(s) repeated across the run's files"
            )
            if self.verbosity >= 2:
                for line, files in chrome:
                    self.stdout.write(f"  {files} files: {line[:100]}")

        if self.suggestion_count or self.note_count:
            self.stdout.write(
                f"{self.suggestion_count} suggestion(s) (tags and offices the "
                f"pages name, not made) and {self.note_count} note(s) (contacts "
                "not reviewed, drafts): in the report, and with --verbose"
            )
        if self.warning_count:
            self.stdout.write(
                self.style.WARNING(
                    f"{self.warning_count} warning(s): what the import could not "
                    "place or had to guess (listed above and in the report)"
                )
            )


@dataclass
class WarningLine:
    """A line of warnings, told apart from a refusal so that it is not drawn in
    red."""

    text: str


def made(result):
    """ " (news): Article “Title”, Contact “Name”" for a file's line."""
    if not result.objects:
        return f" ({result.kind})" if result.kind else ""
    objects = ", ".join(
        f"{entry['model'].split('.')[-1]} “{entry['title']}”"
        for entry in result.objects
    )
    return f" ({result.kind}): {objects}"


class Unterminated:
    """A command's output stream that writes what tqdm gives it as it is
    (``OutputWrapper`` would end every piece of the bar with a new line)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        self.stream.write(text, style_func=str, ending="")

    def flush(self):
        self.stream.flush()

    def isatty(self):
        return self.stream.isatty()
