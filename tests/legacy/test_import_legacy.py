"""The import_legacy command: its report, its summary and its exit statuses."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from contacts.models import Office

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"
PROJECT = Path(__file__).resolve().parents[2]
REAL_PAGES = sorted(FIXTURES.glob("00*.txt"))


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_legacy", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_report_lists_every_file_with_its_objects_and_a_summary(tmp_path):
    report = tmp_path / "report.json"

    out, _ = run(*REAL_PAGES, "--report", report)

    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"] == {
        "created": 5,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "failed": 0,
    }
    assert [entry["source"] for entry in data["files"]] == [str(p) for p in REAL_PAGES]
    assert [entry["kind"] for entry in data["files"]] == [
        "office",
        "news",
        "news",
        "news",
        "statements",
    ]
    network = data["files"][2]
    article = Article.objects.get(title="Regional Network to Combat Human Trafficking")
    assert network["objects"][0] == {
        "model": "articles.article",
        "pk": article.pk,
        "title": article.title,
        "url": article.get_absolute_url(),
    }
    assert network["error"] == ""
    assert out.strip() == (
        "5 files: 5 created, 0 updated, 0 unchanged, 0 skipped, 0 failed"
    )


def test_a_second_run_reports_every_file_unchanged(tmp_path):
    run(*REAL_PAGES)
    report = tmp_path / "again.json"

    run(*REAL_PAGES, "--report", report)

    data = json.loads(report.read_text(encoding="utf-8"))
    assert {entry["status"] for entry in data["files"]} == {"unchanged"}
    assert data["summary"]["unchanged"] == 5


def test_a_directory_is_searched_and_failures_do_not_stop_the_others(tmp_path):
    folder = tmp_path / "site"
    (folder / "news").mkdir(parents=True)
    (folder / "news" / "network.txt").write_bytes(REAL_PAGES[2].read_bytes())
    (folder / "empty.htm").write_bytes(b"")
    (folder / "notes.md").write_text("not a page")
    report = tmp_path / "report.json"

    with pytest.raises(CommandError) as failure:
        run(folder, "--report", report)

    assert failure.value.returncode == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    statuses = {Path(e["source"]).name: e["status"] for e in data["files"]}
    assert statuses == {"empty.htm": "failed", "network.txt": "created"}
    assert Article.objects.count() == 1


def test_failures_are_one_line_on_stderr(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_legacy", str(empty), stdout=StringIO(), stderr=err)

    assert err.getvalue() == f"failed: {empty}: empty file\n"


def test_dry_run_writes_nothing_but_reports(tmp_path):
    report = tmp_path / "dry.json"

    out, _ = run(*REAL_PAGES, "--dry-run", "--report", report)

    assert not Article.objects.exists() and not Office.objects.exists()
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["dry_run"] is True
    assert data["summary"]["created"] == 5
    assert out.startswith("Dry run, nothing written: 5 files: 5 created")


def test_max_bytes_caps_the_file_size(tmp_path):
    report = tmp_path / "report.json"

    with pytest.raises(CommandError):
        run(REAL_PAGES[1], "--max-bytes", "100", "--report", report)

    (entry,) = json.loads(report.read_text(encoding="utf-8"))["files"]
    assert entry["status"] == "failed"
    assert "over the 100-byte limit" in entry["error"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["no/such/page.txt"], "No such file or directory: no/such/page.txt"),
        ([str(REAL_PAGES[0]), "--max-bytes", "0"], "--max-bytes must be a positive"),
    ],
)
def test_bad_usage_exits_with_status_2_and_no_traceback(arguments, message):
    completed = subprocess.run(
        [sys.executable, "manage.py", "import_legacy", *arguments],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_DEBUG": "1"},
        timeout=60,
    )

    assert completed.returncode == 2
    assert message in completed.stderr
    assert "Traceback" not in completed.stderr
