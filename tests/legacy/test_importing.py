"""The importer writes real files into the real database."""

import shutil
from pathlib import Path

import pytest
from django.contrib.redirects.models import Redirect

from articles.models import Article
from contacts.models import Contact, KeyFigure, Office
from iomsite.legacy.importing import LegacyImporter
from programmes.models import Programme

from ..factories import ContactFactory, OfficeFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"
OFFICE_PAGE = FIXTURES / "000_36b7b844e1140420.txt"
POLICIES_PAGE = FIXTURES / "001_4dcdd40475431c58.txt"
NETWORK_PAGE = FIXTURES / "002_db0905a231be9f70.txt"
COURSE_PAGE = FIXTURES / "003_95162cf8c09813fe.txt"
STATEMENTS_PAGE = FIXTURES / "004_49ae305a080655f7.txt"
REAL_PAGES = [OFFICE_PAGE, POLICIES_PAGE, NETWORK_PAGE, COURSE_PAGE, STATEMENTS_PAGE]


def import_files(*paths, **options):
    importer = LegacyImporter(**options)
    return [importer.import_file(path) for path in paths]


@pytest.fixture
def editable_copy(tmp_path):
    def copy(path):
        target = tmp_path / path.name
        shutil.copy(path, target)
        return target

    return copy


def test_the_five_real_pages_import():
    results = import_files(*REAL_PAGES)

    assert [(r.status, r.kind) for r in results] == [
        ("created", "office"),
        ("created", "news"),
        ("created", "news"),
        ("created", "news"),
        ("created", "statements"),
    ]
    assert Article.objects.filter(kind=Article.Kind.STATEMENT).count() == 3
    assert Article.objects.exclude(kind=Article.Kind.STATEMENT).count() == 3


def test_a_news_page_becomes_a_published_article_with_its_contacts():
    import_files(NETWORK_PAGE)

    article = Article.objects.get()
    assert article.title == "Regional Network to Combat Human Trafficking"
    assert article.source == "/news/regional-network-combat-human-trafficking"
    assert article.slug == "regional-network-combat-human-trafficking"
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at is None
    assert article.date_source == Article.DateSource.UNKNOWN
    assert article.language == "en"
    assert article.body.startswith(
        "<p>Experts and government officials from Argentina, Bolivia, Brazil, "
        "Chile, Paraguay and Peru have agreed to create a regional network to "
        "combat human trafficking and migrant smuggling.</p>"
    )
    assert "For further information" not in article.body
    assert "Who we are" not in article.body
    assert {str(code) for code in article.countries} >= {"AR", "BO", "PE"}
    # Issue 17: the page states no theme, so no programme is tagged (the
    # report suggests them), and no office is made from the signatures.
    assert not article.programmes.exists()
    assert article in Article.objects.published()

    contacts = {contact.email: contact for contact in article.contacts.all()}
    assert set(contacts) == {"dcortes@iom.int", "osandoval@iom.int"}
    assert contacts["dcortes@iom.int"].name == "Dolores Cortés"
    assert contacts["dcortes@iom.int"].office is None
    # Not in the directory until reviewed; on its article, as on the old page.
    assert not contacts["dcortes@iom.int"].is_public
    assert contacts["dcortes@iom.int"].imported_unreviewed
    assert contacts["osandoval@iom.int"].phone == "+51 1 221 76 98"
    assert not Office.objects.exists()
    assert not article.offices.exists()


def test_contact_offices_are_found_by_what_the_page_names_never_made():
    import_files(OFFICE_PAGE, POLICIES_PAGE, COURSE_PAGE)

    bolivia = Office.objects.get(name="IOM Bolivia")
    assert Contact.objects.get(email="warce@iom.int").office == bolivia  # IOM La Paz
    # Issue 17: "IOM Washington" and the regional office are named by
    # signatures only: not made, the contacts keep no office.
    assert list(Office.objects.all()) == [bolivia]
    lujan = Contact.objects.get(email="ldelatorre@iom.int")
    assert lujan.office is None
    assert lujan.phone == "+54 11 5219-2033, +54 11 5219-2034, +54 11 5219-2035"
    niurka = Contact.objects.get(email="npineiro@iom.int")
    assert niurka.office is None
    assert (niurka.extension, niurka.mobile) == ("225", "1 202 684 0559")


def run(*paths):
    return list(LegacyImporter().import_files(paths))


def test_a_contact_joins_an_office_imported_later_in_the_run():
    news, _ = run(POLICIES_PAGE, OFFICE_PAGE)

    assert news.suggestions[0].startswith(
        "office (not created, not on the site): IOM La Paz"
    )
    bolivia = Office.objects.get(name="IOM Bolivia")
    assert Contact.objects.get(email="warce@iom.int").office == bolivia
    article = Article.objects.get()
    assert list(article.offices.all()) == [bolivia]
    # As if the office had come first: the next run changes nothing.
    assert [result.status for result in run(POLICIES_PAGE, OFFICE_PAGE)] == [
        "unchanged",
        "unchanged",
    ]


def test_contacts_are_merged_by_email_and_staff_details_kept():
    staff_made = ContactFactory(
        name="Dolores Cortés", email="DCortes@iom.int", role="Press officer", phone=""
    )

    import_files(NETWORK_PAGE)

    staff_made.refresh_from_db()
    assert Contact.objects.filter(email="dcortes@iom.int").count() == 1
    assert staff_made.role == "Press officer"
    assert staff_made.phone == "+51 1 221 76 98"  # filled in: it was blank
    assert staff_made in Article.objects.get().contacts.all()


def test_the_office_page_becomes_an_office_with_figures_programmes_and_contacts():
    labour = Programme.objects.get(title="Labour Migration")
    labour.body = "<p>Written by staff.</p>"
    labour.save()

    (result,) = import_files(OFFICE_PAGE)

    office = Office.objects.get(name="IOM Bolivia")
    assert (
        result.objects[0]["url"]
        == office.get_absolute_url()
        == ("/contacts/iom-bolivia/")
    )
    assert (office.country.code, office.city) == ("BO", "La Paz")
    assert office.phone_list == ["+591 2 2770161"]
    assert office.email == "iomlapaz@iom.int"
    assert office.facebook == "https://www.facebook.com/oimbolivia"
    assert office.x_account == "https://twitter.com/OIMBolivia"
    assert "Calacoto Calle 22" in office.street_address
    assert office.migration_context.startswith("<p>Although Bolivia has been")
    assert "Career" not in office.migration_context

    figures = list(office.figures.all())
    assert [figure.value for figure in figures] == [
        "11.7 million",
        "-0.4",
        "1.4 billion",
        "47.6",
    ]
    assert all(figure.label == "" and figure.needs_review for figure in figures)
    assert not KeyFigure.objects.complete().exists()

    # The site's programmes the areas name are linked; the others are only
    # suggested (issue 17: no region-wide programme from one office's page).
    areas = [
        "Emergency Situations",
        "Labour Migration",
        "Migrant Integration",
        "Migration and Development",
        "Voluntary Return and Reintegration",
        "Policy and Research",
        "Migration and Climate Change",
        "Counter-trafficking",
    ]
    assert sorted(p.title for p in office.programmes.all()) == sorted(areas)
    assert not Programme.objects.filter(title="Resettlement Assistance").exists()
    assert result.suggestions == [
        "programme (not created, no programme of that name): Resettlement Assistance"
    ]
    labour.refresh_from_db()
    assert labour.body == "<p>Written by staff.</p>"
    # Each area's text about Bolivia is the office's.
    assert "<h3>Resettlement Assistance</h3>\n<p>To assist the Bolivian" in (
        office.migration_context
    )


def test_the_statements_page_becomes_one_dated_statement_per_item():
    import_files(STATEMENTS_PAGE)

    statements = Article.objects.filter(kind=Article.Kind.STATEMENT)
    assert [s.published_at.date().isoformat() for s in statements] == [
        "2018-03-16",
        "2016-06-08",
        "2011-06-21",
    ]
    assert {s.date_source for s in statements} == {"stated"}
    assert {s.source for s in statements} == {
        f"{STATEMENTS_PAGE.name}#2018-03-16",
        f"{STATEMENTS_PAGE.name}#2016-06-08",
        f"{STATEMENTS_PAGE.name}#2011-06-21",
    }
    assert all("Paragraphs:" not in s.body for s in statements)


def test_importing_again_changes_nothing():
    import_files(*REAL_PAGES)
    before = {a.pk: a.updated for a in Article.objects.all()}
    counts = (Article.objects.count(), Contact.objects.count(), Office.objects.count())

    results = import_files(*REAL_PAGES)

    assert {result.status for result in results} == {"unchanged"}
    assert {a.pk: a.updated for a in Article.objects.all()} == before
    assert counts == (
        Article.objects.count(),
        Contact.objects.count(),
        Office.objects.count(),
    )


def test_a_changed_page_updates_its_article(editable_copy):
    page = editable_copy(NETWORK_PAGE)
    import_files(page)
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            "to combat human trafficking and migrant smuggling.",
            "to end trafficking.",
            1,
        ),
        encoding="utf-8",
    )

    (result,) = import_files(page)

    assert result.status == "updated"
    assert "to end trafficking.</p>" in Article.objects.get().body


def test_staff_edits_are_kept_and_the_file_skipped_unless_forced(editable_copy):
    page = editable_copy(NETWORK_PAGE)
    import_files(page)
    article = Article.objects.get()
    article.body = "<p>Rewritten by staff.</p>"
    article.save()
    text = page.read_text(encoding="utf-8")
    changed = text.replace("more than 150 migration officials", "some 150 officials")
    page.write_text(changed.replace("osandoval@", "osrios@"), encoding="utf-8")

    (result,) = import_files(page)

    assert result.status == "skipped"
    assert "(body)" in result.error and "--force" in result.error
    article.refresh_from_db()
    assert article.body == "<p>Rewritten by staff.</p>"
    # Nothing of the skipped file was written, not even its new contact.
    assert not Contact.objects.filter(email="osrios@iom.int").exists()

    (forced,) = import_files(page, force=True)

    assert forced.status == "updated"
    article.refresh_from_db()
    assert "some 150 officials" in article.body
    # The same name at the same office is the same person: no second record.
    assert Contact.objects.count() == 2


def test_a_staff_edit_the_page_does_not_touch_stays_without_a_skip():
    import_files(NETWORK_PAGE)
    article = Article.objects.get()
    article.summary = "Written by staff."
    article.save()

    (result,) = import_files(NETWORK_PAGE)

    assert result.status == "unchanged"
    article.refresh_from_db()
    assert article.summary == "Written by staff."


def test_an_existing_staff_made_office_is_filled_in_not_overwritten():
    OfficeFactory(name="IOM Bolivia", slug="bolivia", email="", city="Santa Cruz")

    (result,) = import_files(OFFICE_PAGE)

    assert result.status == "skipped"
    assert "city" in result.error
    office = Office.objects.get(name="IOM Bolivia")
    assert (office.city, office.email) == ("Santa Cruz", "")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("menu.txt", (FIXTURES / "only_navigation.txt").read_bytes(), "navigation"),
        ("blank.html", (FIXTURES / "no_content.html").read_bytes(), "content"),
    ],
)
def test_bad_input_fails_with_a_reason_and_writes_nothing(
    tmp_path, name, content, reason
):
    path = tmp_path / name
    path.write_bytes(content)
    articles, offices = Article.objects.count(), Office.objects.count()

    (result,) = import_files(path)

    assert result.status == "failed"
    assert reason in result.error.lower()
    assert "\n" not in result.error and "Traceback" not in result.error
    assert (Article.objects.count(), Office.objects.count()) == (articles, offices)


def test_a_file_over_the_size_cap_is_refused(tmp_path):
    (result,) = import_files(NETWORK_PAGE, max_bytes=1000)

    assert result.status == "failed"
    assert "limit" in result.error
    assert not Article.objects.exists()


def test_a_dry_run_reports_but_writes_nothing():
    results = import_files(*REAL_PAGES, dry_run=True)

    assert [r.status for r in results] == ["created"] * 5
    assert results[1].objects[0]["title"] == (
        "Migration Policies to Foster Development and Human Rights"
    )
    assert not Article.objects.exists()
    assert not Office.objects.exists()
    assert not Contact.objects.exists()


def test_old_addresses_answer_with_a_permanent_redirect(client, tmp_path):
    page = tmp_path / "moved.html"
    html = (FIXTURES / "drupal_page.html").read_text(encoding="utf-8")
    old = "https://robuenosaires.iom.int/news/seasonal-workers-paraguay-receive-guidance-travelling"
    page.write_text(
        html.replace(
            old, "https://robuenosaires.iom.int/en/press-room/seasonal-workers"
        ),
        encoding="utf-8",
    )

    import_files(page)

    article = Article.objects.get()
    assert article.source == "/en/press-room/seasonal-workers"
    for path in ("/en/press-room/seasonal-workers", "/en/press-room/seasonal-workers/"):
        response = client.get(path)
        assert response.status_code == 301
        assert response["Location"] == article.get_absolute_url()
    assert Redirect.objects.count() == 2


def test_an_old_news_address_reaches_the_same_slug(client):
    import_files(NETWORK_PAGE)

    response = client.get("/news/regional-network-combat-human-trafficking")

    assert response.status_code == 301
    assert response["Location"] == "/news/regional-network-combat-human-trafficking/"
    assert client.get(response["Location"]).status_code == 200


def test_a_regional_office_page_makes_the_regional_office_parent_of_the_others():
    import_files(OFFICE_PAGE, FIXTURES / "en_regional_office.txt")

    regional = Office.objects.get(name="IOM South America")
    assert regional.kind == Office.Kind.REGIONAL
    assert regional.parent is None
    assert regional.phone_list == ["+54 11 4813 3330"]
    bolivia = Office.objects.get(name="IOM Bolivia")
    assert bolivia.parent == regional


def test_a_rolled_back_file_leaves_no_remembered_contact_behind(editable_copy):
    page = editable_copy(NETWORK_PAGE)
    import_files(page)
    article = Article.objects.get()
    article.body = "<p>Rewritten by staff.</p>"
    article.save()
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("more than 150 migration officials", "some 150 officials")
        .replace("Oscar Sandoval", "Rosa Vargas")
        .replace("osandoval@", "rvargas@"),
        encoding="utf-8",
    )
    second = editable_copy(COURSE_PAGE)
    second.write_text(
        second.read_text(encoding="utf-8").replace("npineiro@", "rvargas@"),
        encoding="utf-8",
    )
    importer = LegacyImporter()

    # The first file creates Rosa Vargas, then is skipped and rolled back; the
    # second must create her again, not link a contact that is gone.
    assert importer.import_file(page).status == "skipped"
    assert importer.import_file(second).status == "created"

    rosa = Contact.objects.get(email="rvargas@iom.int")
    course = Article.objects.get(source__contains="37th-edition")
    assert rosa in course.contacts.all()
