"""An office page's areas of action named like a programme of the site become
the office's own texts about those programmes (iomsite.legacy.importing.areas)."""

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from contacts.models import Office
from iomsite.legacy.importing import LegacyImporter
from programmes.models import OfficeProgrammeText, Programme

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"
OFFICE_PAGE = FIXTURES / "000_36b7b844e1140420.txt"
LABOUR_TEXT = (
    "<p>IOM provides specialized assistance to governments in facilitating "
    "regulated labor migration processes and direct assistance to migrants."
)
MATCHED = [
    "Emergency Situations",
    "Labour Migration",
    "Migrant Integration",
    "Migration and Development",
    "Voluntary Return and Reintegration",
    "Policy and Research",
    "Migration and Climate Change",
    "Counter-trafficking",
]


def import_files(*paths, **options):
    importer = LegacyImporter(**options)
    return [importer.import_file(path) for path in paths]


@pytest.fixture
def page(tmp_path):
    copy = tmp_path / OFFICE_PAGE.name
    shutil.copy(OFFICE_PAGE, copy)
    return copy


def labour_text():
    return OfficeProgrammeText.objects.get(programme__title_en="Labour Migration")


def test_the_areas_of_the_sites_programmes_become_the_offices_texts(client):
    programmes = Programme.objects.count()

    (result,) = import_files(OFFICE_PAGE)

    assert result.status == "created"
    office = Office.objects.get(name="IOM Bolivia")
    texts = office.programme_texts.select_related("programme")
    assert sorted(text.programme.title for text in texts) == sorted(MATCHED)
    assert labour_text().body_en.startswith(LABOUR_TEXT)
    assert (labour_text().body_es, labour_text().body_pt) == (None, None)
    assert Programme.objects.count() == programmes
    # Taken out of the migration context; the area without a programme stays.
    context = office.migration_context
    assert "<h2>Main Areas of Action" in context
    assert "<h3>Resettlement Assistance</h3>\n<p>To assist the Bolivian" in context
    assert "Labour Migration" not in context
    assert LABOUR_TEXT not in context

    page = BeautifulSoup(client.get(office.get_absolute_url()).content, "html.parser")
    shown = page.find(id="programme-labour-migration").find(class_="prose")
    assert shown.p.get_text().startswith("IOM provides specialized assistance")
    assert page.get_text().count("IOM provides specialized assistance") == 1


def test_importing_again_changes_nothing():
    import_files(OFFICE_PAGE)
    texts = {text.pk: text.updated for text in OfficeProgrammeText.objects.all()}

    (result,) = import_files(OFFICE_PAGE)

    assert result.status == "unchanged"
    assert {t.pk: t.updated for t in OfficeProgrammeText.objects.all()} == texts


def test_a_changed_area_updates_the_text_and_keeps_the_translations(page):
    import_files(page)
    text = labour_text()
    text.body_es = "<p>Traducido por el personal.</p>"
    text.save()
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "IOM provides specialized assistance", "IOM gives expert help", 1
        ),
        encoding="utf-8",
    )

    (result,) = import_files(page)

    assert result.status == "updated"
    text.refresh_from_db()
    assert text.body_en.startswith("<p>IOM gives expert help to governments")
    assert text.body_es == "<p>Traducido por el personal.</p>"


def test_a_text_staff_edited_is_kept_and_the_file_skipped_unless_forced(page):
    import_files(page)
    text = labour_text()
    text.body_en = "<p>Rewritten by staff.</p>"
    text.save()
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "IOM provides specialized assistance", "IOM gives expert help", 1
        ),
        encoding="utf-8",
    )

    (result,) = import_files(page)

    assert result.status == "skipped"
    assert "“IOM Bolivia: Labour Migration”" in result.error
    assert "(body)" in result.error and "--force" in result.error
    text.refresh_from_db()
    assert text.body_en == "<p>Rewritten by staff.</p>"

    (forced,) = import_files(page, force=True)

    assert forced.status == "updated"
    text.refresh_from_db()
    assert text.body_en.startswith("<p>IOM gives expert help")


def test_a_programme_made_later_takes_its_area_on_the_next_import():
    import_files(OFFICE_PAGE)
    Programme.objects.create(title="Resettlement Assistance", slug="resettlement")

    (result,) = import_files(OFFICE_PAGE)

    assert result.status == "updated"
    office = Office.objects.get(name="IOM Bolivia")
    text = office.programme_texts.get(programme__slug="resettlement")
    assert text.body_en.startswith("<p>To assist the Bolivian")
    # No area is left: nor is their heading.
    assert "Main Areas of Action" not in office.migration_context
    assert office.migration_context.startswith("<p>Although Bolivia has been")


def test_a_dry_run_writes_no_text():
    (result,) = import_files(OFFICE_PAGE, dry_run=True)

    assert result.status == "created"
    assert not OfficeProgrammeText.objects.exists()
