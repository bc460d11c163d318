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
        "warnings": 8,
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
    assert network["warnings"] == [
        "date not found: “Regional Network to Combat Human Trafficking”"
    ]
    assert network["kind_reason"] == "news: a media contact block"
    # Its contacts' office is not on the site: named, not made.
    assert network["suggestions"] == [
        "office (not created, not on the site): IOM Lima, named by Dolores "
        "Cortés, Oscar Sandoval",
        "programmes the text speaks of: Counter-trafficking, Policy and Research, "
        "Voluntary Return and Reintegration",
    ]
    assert network["notes"] == [
        f"contact shown on its articles only, until reviewed: {contact}"
        for contact in article.contacts.all()
    ]
    assert data["files"][0]["kind_reason"].startswith(
        "office: key figures “Facts and Figures”, a “Migration in …” text"
    )
    # The global site's menu, in all five pages.
    assert {"line": "Take Action", "files": 4} in data["learnt_chrome"]
    assert out.splitlines() == [
        "5 files: 5 created, 0 updated, 0 unchanged, 0 skipped, 0 failed",
        "Pages read: 3 news, 1 office, 1 statements",
        "Learnt as the template's chrome (dropped where it stands): 13 line(s) "
        "repeated across the run's files",
        "8 suggestion(s) (tags and offices the pages name, not made) and 5 "
        "note(s) (contacts not reviewed, drafts): in the report, and with --verbose",
        "8 warning(s): what the import could not place or had to guess (listed "
        "above and in the report)",
    ]


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


def test_warnings_are_listed_under_their_file_as_it_is_imported():
    _, err = run(REAL_PAGES[0], REAL_PAGES[2])

    assert err.splitlines() == [
        f"{REAL_PAGES[0]} (office):",
        "  warning: section not imported (vacancies are not kept): careers",
        "  warning: figure without label: 11.7 million",
        "  warning: figure without label: -0.4",
        "  warning: figure without label: 1.4 billion",
        "  warning: figure without label: 47.6",
        f"{REAL_PAGES[2]} (news):",
        "  warning: date not found: “Regional Network to Combat Human Trafficking”",
    ]


def test_verbose_prints_each_file_with_what_it_made_as_it_happens(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError):
        call_command(
            "import_legacy",
            str(REAL_PAGES[2]),
            str(empty),
            "--verbose",
            stdout=out,
            stderr=err,
        )

    contacts = ", ".join(
        f"contact “{contact.name}”"
        for contact in Article.objects.get().contacts.order_by("pk")
    )
    assert out.getvalue().splitlines()[0] == (
        f"created: {REAL_PAGES[2]} (news): article “Regional Network to Combat "
        f"Human Trafficking”, {contacts}"
    )
    assert err.getvalue().splitlines() == [
        "  warning: date not found: “Regional Network to Combat Human Trafficking”",
        f"failed: {empty}: empty file",
    ]


def test_a_terminal_sees_a_progress_bar_and_a_pipe_plain_lines(tmp_path):
    """The command in a pseudo-terminal draws tqdm's bar on stderr; through a
    pipe, stderr holds only the warnings."""
    import pty

    command = [sys.executable, "manage.py", "import_legacy", *map(str, REAL_PAGES)]
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=PROJECT,
        env=env,
        check=True,
        timeout=120,
    )
    controller, terminal = pty.openpty()
    completed = subprocess.run(
        command,
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=terminal,
        timeout=120,
    )
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(controller)
    assert completed.returncode == 0
    assert b"5/5" in drawn and b"page" in drawn

    piped = subprocess.run(
        command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120
    )
    assert "5/5" not in piped.stderr
    assert piped.stdout.startswith("5 files: 0 created, 0 updated, 5 unchanged")
