"""Reading files into parsed pages: in the importer's process, or for a long run
in a parsing process of its own, with the same pages and the same refusals."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from iomsite.legacy.importing import LegacyImporter, find_legacy_files
from iomsite.legacy.reading import (
    PARALLEL_FROM,
    ParserCrashed,
    parser_processes,
    read_chunk,
    read_pages,
)
from iomsite.legacy.records import LegacyParseError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"


def outcomes(paths, processes):
    """Each path's parsed page, or the refusal it raised, as read_pages gives them."""
    seen = []
    for path, read in read_pages(paths, max_bytes=2_000_000, processes=processes):
        try:
            seen.append((path, read()))
        except LegacyParseError as error:
            seen.append((path, f"refused: {error}"))
    return seen


def test_a_parsing_process_gives_the_pages_and_refusals_read_here(tmp_path):
    (tmp_path / "a folder.txt").mkdir()
    paths = [
        *sorted(FIXTURES.iterdir()),
        tmp_path / "a folder.txt",
        tmp_path / "gone.txt",
    ]

    in_parallel = outcomes(paths, processes=1)

    assert in_parallel == outcomes(paths, processes=0)
    assert [path for path, _ in in_parallel] == paths
    refusals = {path.name: page for path, page in in_parallel if isinstance(page, str)}
    assert refusals["empty.txt"] == "refused: empty file"
    assert refusals["a folder.txt"].startswith("refused: not a file")
    assert refusals["gone.txt"].startswith("refused: not a file")
    assert sum(not isinstance(page, str) for _, page in in_parallel) > 25


def test_an_error_of_the_parsers_own_comes_back_with_its_traceback():
    (outcome,) = read_chunk([None], max_bytes=100)

    with pytest.raises(ParserCrashed) as crashed:
        outcome.page()

    assert str(crashed.value).startswith("TypeError: ")
    assert "in read_page" in crashed.value.traceback


def test_a_file_too_large_is_refused_in_the_parsing_process(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Title\n" + "Body text of the page.\n" * 100, encoding="utf-8")

    ((_, read),) = read_pages([page], max_bytes=1000, processes=1)

    with pytest.raises(LegacyParseError, match="over the 1,000-byte limit"):
        read()


def import_legacy(*args):
    call_command("import_legacy", *map(str, args), stdout=StringIO(), stderr=StringIO())


def many_pages(folder):
    """Every fixture twice over, in first/ and then again in second/: enough
    files for the command to parse them in a process of its own."""
    for copy in ("first", "second"):
        shutil.copytree(FIXTURES, folder / copy)
    files = find_legacy_files(folder)
    assert len(files) >= PARALLEL_FROM
    return files


def described(result):
    return [result["source"], result["status"], result["kind"], result["error"]] + [
        result["warnings"]
    ]


@pytest.mark.django_db
def test_a_long_run_through_the_command_reports_what_parsing_here_does(
    tmp_path,
):
    if not parser_processes():
        pytest.skip("one core: the command parses in its own process")
    folder = tmp_path / "pages"
    folder.mkdir()
    files = many_pages(folder)
    report = tmp_path / "report.json"

    with pytest.raises(CommandError, match="12 file"):  # the refused fixtures
        import_legacy(folder, "--dry-run", "--report", report)

    here = LegacyImporter(dry_run=True, parser_processes=0)
    expected = [result.as_dict() for result in here.import_files(files)]
    files_reported = json.loads(report.read_text(encoding="utf-8"))["files"]
    assert sorted(map(described, files_reported)) == sorted(map(described, expected))


@pytest.mark.django_db
def test_a_long_run_imports_each_old_page_once(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    many_pages(folder)
    report = tmp_path / "report.json"

    with pytest.raises(CommandError):
        import_legacy(folder, "--report", report)

    by_path = {
        Path(entry["source"]).relative_to(folder): entry
        for entry in json.loads(report.read_text(encoding="utf-8"))["files"]
    }
    imported = [
        path.name
        for path, entry in by_path.items()
        if entry["status"] == "created" and path.parent.name == "first"
    ]
    assert len(imported) > 20
    for name in imported:
        again = by_path[Path("second", name)]
        if by_path[Path("first", name)]["kind"] == "office":
            assert again["status"] == "unchanged", again
        else:
            assert again["status"] == "skipped", again
            assert f"as {folder / 'first' / name}, imported above" in again["error"]
