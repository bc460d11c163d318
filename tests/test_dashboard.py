"""The "Needs attention" page: who sees it, what it counts, that each count
links to a changelist of exactly those rows, and a constant query count."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from iomsite.dashboard import Figure
from programmes.models import Programme

from .editorial.conftest import editor, editor_client, roles  # noqa: F401
from .factories import (
    ArticleFactory,
    ContactFactory,
    KeyFigureFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db

URL = reverse("needs-attention")
FAILING = "<h2>A</h2><h4>B</h4><p><a href='https://robuenosaires.iom.int/'>aquí</a></p>"


def figures(context):
    """Every Figure (count and link) on the page."""
    found = []

    def walk(value):
        if isinstance(value, Figure):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for name in (
        "key_figures",
        "translations",
        "schedule",
        "freshness",
        "unreviewed_contacts",
        "accessibility",
        "redirects",
    ):
        walk(context[name])
    return found


def make_content(count):
    """``count`` items of every kind the page counts."""
    now = timezone.now()
    office = OfficeFactory()
    for number in range(count):
        KeyFigureFactory(office=office, label="" if number % 2 else "Migrants")
        KeyFigureFactory(office=OfficeFactory(), source_name="", source_url="")
        original = ArticleFactory(language="en")
        ArticleFactory(language="es", translation_of=original)
        ArticleFactory(language="es", body=FAILING)
        ArticleFactory(published_at=now + timedelta(days=number + 1))
        with time_machine.travel(now - timedelta(days=40)):
            ArticleFactory(status=Article.Status.DRAFT)
        ArticleFactory(image=make_image_file(), image_alt="")
        ArticleFactory(image=make_image_file(), image_alt="", image_decorative=True)
        ProgrammeFactory(title_es=None, body="<table><tr><td>1</td></tr></table>")
        ProgrammeFactory(
            title_es=f"Programa {number}-{count}",
            summary_es="Qué hace.",
            body_es="<p>Cómo.</p>",
        )
        ContactFactory(photo=make_image_file(), photo_alt="")
        article = ArticleFactory(status=Article.Status.DRAFT)
        Redirect.objects.create(
            site_id=Site.objects.get_current().pk,
            old_path=f"/old/{Redirect.objects.count()}/",
            new_path=article.get_absolute_url(),
        )
        Redirect.objects.create(
            site_id=Site.objects.get_current().pk,
            old_path=f"/gone/{Redirect.objects.count()}/",
            new_path=f"/no-such-page/{number}/",
        )


def test_editors_publishers_and_superusers_see_it(
    client,
    editor_client,  # noqa: F811
    admin_client,
    django_user_model,
):
    assert editor_client.get(URL).status_code == 200
    assert admin_client.get(URL).status_code == 200
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{URL}"' in index

    other = django_user_model.objects.create_user("staff", is_staff=True)
    client.force_login(other)
    assert client.get(URL).status_code == 403
    assert f'href="{URL}"' not in client.get(reverse("admin:index")).content.decode()
    client.logout()
    assert client.get(URL).status_code == 302


def test_every_count_links_to_exactly_those_rows(admin_client):
    make_content(3)
    page = admin_client.get(URL)
    shown = figures(page.context)
    assert len(shown) > 20
    for figure in shown:
        if not figure.url:
            assert figure.count == 0
            continue
        changelist = admin_client.get(figure.url)
        assert changelist.status_code == 200, figure.url
        # A filter the admin does not know sends the page to ?e=1.
        assert "?e=1" not in changelist.get("Location", ""), figure.url
        assert changelist.context["cl"].result_count == figure.count, figure.url


def test_what_it_counts(admin_client):
    Programme.objects.all().delete()  # those of the data migration
    make_content(3)
    context = admin_client.get(URL).context

    by_office = sorted(figure.count for figure in context["key_figures"])
    assert by_office == [1, 1, 1, 1]  # one office with 1 of 3, three with 1 each
    rows = context["translations"]
    [into_en, into_es, programmes, offices, into_pt, programmes_pt, offices_pt] = rows
    # Into Spanish: the 9 published English articles, 3 of them translated;
    # into English: the 6 Spanish ones, 3 of them translations.
    assert (into_es[1].count, into_es[2].count) == (3, 6)
    assert (into_en[1].count, into_en[2].count) == (3, 3)
    assert (into_pt[1].count, into_pt[2].count) == (0, 15)
    assert (programmes[1].count, programmes[2].count) == (3, 3)
    assert (programmes_pt[1].count, programmes_pt[2].count) == (0, 6)
    schedule = context["schedule"]
    assert (schedule["scheduled"].count, schedule["stale"].count) == (3, 3)
    assert len(schedule["upcoming"]) == 3
    images = {figure.url: figure.count for figure in context["accessibility"]["images"]}
    assert list(images.values()) == [3, 0, 3]
    checks = {
        str(label): (any.count, [row.count for row in rows])
        for label, any, rows in context["accessibility"]["checks"]
    }
    assert checks["articles"] == (3, [3, 0, 3, 3, 0, 0])
    assert checks["programmes"] == (3, [0, 0, 0, 0, 0, 3])
    redirects = context["redirects"]
    assert redirects["count"].count == 6
    assert redirects["checked"] == 6


def test_scheduled_times_in_the_site_time_zone_and_language(admin_client, settings):
    settings.TIME_ZONE = "America/Lima"
    going_live = datetime(2031, 3, 5, 14, 30, tzinfo=ZoneInfo("UTC"))
    ArticleFactory(title="Later", published_at=going_live)
    html = admin_client.get(URL).content.decode()
    assert "March 5, 2031, 9:30 a.m." in html
    assert "times in America/Lima" in html
    # The admin speaks the site's default language.
    settings.LANGUAGE_CODE = "es"
    spanish = admin_client.get(URL)
    assert "5 de marzo de 2031 a las 09:30" in spanish.content.decode()


def test_a_redirect_to_an_unpublished_object_or_no_page_is_broken(admin_client):
    site = Site.objects.get_current()
    live = ArticleFactory()
    hidden = ProgrammeFactory(is_published=False)
    targets = {
        "/a/": live.get_absolute_url(),
        "/b/": "/es" + live.get_absolute_url(),
        "/c/": hidden.get_absolute_url(),
        "/d/": "/news/missing-slug/",
        "/e/": "/nowhere/",
        "/f/": "https://www.iom.int/elsewhere",
        "/g/": "",  # 410 Gone, on purpose
        "/h/": reverse("programmes:list"),
    }
    for old, new in targets.items():
        Redirect.objects.create(site=site, old_path=old, new_path=new)
    redirects = admin_client.get(URL).context["redirects"]
    assert sorted(redirect.old_path for redirect, _url in redirects["shown"]) == [
        "/c/",
        "/d/",
        "/e/",
    ]
    assert redirects["checked"] == 7


def test_the_query_count_does_not_grow_with_the_rows(admin_client):
    make_content(1)
    admin_client.get(URL)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(URL)
    make_content(6)
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(URL)
    assert response.status_code == 200
    assert len(many) == len(few)
    # Two counts per row of the translation table: it has a row per content
    # type and language (7 with three languages); one for the staff member's
    # admin language; the reviews due (one query a model), the undated
    # articles, the imported contacts not reviewed yet and the import's
    # suggested tags.
    assert len(few) <= 37


def test_imported_contacts_not_reviewed_yet_are_counted(admin_client):
    office = OfficeFactory()
    ContactFactory(office=office, is_public=False, imported_unreviewed=True)
    ContactFactory(office=office, is_public=False, imported_unreviewed=True)
    ContactFactory(office=office, is_public=False)  # hidden by a person
    ContactFactory(office=office)

    page = admin_client.get(URL)
    unreviewed = page.context["unreviewed_contacts"]
    assert unreviewed.count == 2
    assert admin_client.get(unreviewed.url).context["cl"].result_count == 2
    assert 'id="unreviewed-contacts"' in page.content.decode()
