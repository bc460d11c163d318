"""Writes parsed legacy pages into the site's models.

Each file is imported in its own transaction. What the import writes into an
object is remembered in a ``LegacyRecord``; on the next import a field is only
changed when the page changed it *and* nobody edited it on the site since.

``importer`` reads each file and writes what it holds, ``merge`` decides
which fields may change, ``lookups`` finds the offices, contacts and
programmes a page names, ``areas`` writes an office's texts about its
programmes. Nothing else in ``iomsite.legacy`` writes.
"""

from ..report import ImportStatus
from .importer import DEFAULT_MAX_BYTES, LegacyImporter, find_legacy_files, import_file
from .lookups import free_slug

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ImportStatus",
    "LegacyImporter",
    "find_legacy_files",
    "free_slug",
    "import_file",
]
