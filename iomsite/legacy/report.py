"""The JSON report of an import, written file by file so that memory stays flat
however many pages are imported."""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path


class ImportStatus:
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"

    ALL = (CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED)


@dataclass
class FileResult:
    source: str
    status: str = ImportStatus.UNCHANGED
    kind: str | None = None
    objects: list[dict] = field(default_factory=list)
    # What the import could not place or had to guess, one line each.
    warnings: list[str] = field(default_factory=list)
    # Why a failed or skipped file was refused.
    error: str = ""
    # Why the page got its kind: the features found.
    kind_reason: str = ""
    # Tags and objects the page names but does not state, for staff to
    # decide: never made by the import.
    suggestions: list[str] = field(default_factory=list)
    # What staff should know: contacts hidden until reviewed, drafts.
    notes: list[str] = field(default_factory=list)

    def as_dict(self):
        return {
            "source": self.source,
            "status": self.status,
            "kind": self.kind,
            "kind_reason": self.kind_reason,
            "objects": self.objects,
            "suggestions": self.suggestions,
            "notes": self.notes,
            "warnings": self.warnings,
            "error": self.error,
        }


class ReportWriter:
    """``{"dry_run", "files": [...], "summary": {...}}`` written to ``path``;
    the file appears complete or not at all."""

    def __init__(self, path, *, dry_run):
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.stream = self.partial.open("w", encoding="utf-8")
        self.stream.write(f'{{\n  "dry_run": {json.dumps(dry_run)},\n  "files": [')
        self.separator = "\n"

    def add(self, result):
        entry = json.dumps(result.as_dict(), ensure_ascii=False)
        self.stream.write(f"{self.separator}    {entry}")
        self.separator = ",\n"

    def finish(self, summary, chrome=()):
        """``chrome``: the lines learnt as the template's, with their number
        of files."""
        learnt = json.dumps(
            [{"line": line, "files": files} for line, files in chrome],
            ensure_ascii=False,
        )
        self.stream.write(
            f'\n  ],\n  "learnt_chrome": {learnt},\n'
            f'  "summary": {json.dumps(summary)}\n}}\n'
        )
        self.stream.close()
        os.replace(self.partial, self.path)

    def abandon(self):
        self.stream.close()
        self.partial.unlink(missing_ok=True)


class NoReport:
    def add(self, result):
        pass

    def finish(self, summary, chrome=()):
        pass

    def abandon(self):
        pass
