"""Every save through the admin is kept: who, when, what changed, and revert."""

import pytest
import reversion
from bs4 import BeautifulSoup
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from contacts.models import KeyFigure

from ..factories import ArticleFactory, OfficeFactory, ProgrammeFactory
from .test_publishing import article_data, change_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited(admin_client, admin_user):
    """An article saved twice through the admin, with a new title the second time."""
    article = ArticleFactory(title="Floods in Beni", status=Article.Status.DRAFT)
    change_article(admin_client, article)
    change_article(admin_client, article, title="Floods in Beni and Pando")
    article.refresh_from_db()
    return article


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def test_each_save_is_a_version_with_its_author(edited, admin_user):
    first, second = versions_of(edited)

    assert first.field_dict["title"] == "Floods in Beni"
    assert second.field_dict["title"] == "Floods in Beni and Pando"
    assert second.revision.user == admin_user
    assert second.revision.get_comment() == "Changed Title."


def test_the_history_lists_the_versions_newest_first(admin_client, edited):
    response = admin_client.get(
        reverse("admin:articles_article_history", args=[edited.pk])
    )

    assert response.status_code == 200
    versions = [action["version"] for action in response.context["action_list"]]
    assert versions == list(reversed(versions_of(edited)))
    page = BeautifulSoup(response.text, "html.parser")
    # Nothing the Content-Security-Policy would refuse (see our template).
    assert page.find_all(style=True) == []
    newest, older = page.select("#change-history tbody tr")
    assert newest.find(attrs={"name": "version_id1"}).has_attr("disabled")
    assert older.find(attrs={"name": "version_id1"}).has_attr("checked")
    assert newest.find(attrs={"name": "version_id2"}).has_attr("checked")


def test_the_compare_view_shows_what_changed(admin_client, edited):
    first, second = versions_of(edited)

    response = admin_client.get(
        reverse("admin:articles_article_compare", args=[edited.pk]),
        {"version_id1": first.pk, "version_id2": second.pk},
    )

    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    assert [ins.get_text() for ins in page.select("ins")] == [" and Pando"]
    compared = [item["field"].verbose_name for item in response.context["compare_data"]]
    assert compared == ["title"]


def test_a_version_is_reverted_through_the_admin(admin_client, edited):
    first, _second = versions_of(edited)
    url = reverse("admin:articles_article_revision", args=[edited.pk, first.pk])

    form = admin_client.get(url)
    assert form.context["adminform"].form.initial["title"] == "Floods in Beni"
    response = admin_client.post(url, article_data(edited, title="Floods in Beni"))

    assert response.status_code == 302
    edited.refresh_from_db()
    assert edited.title == "Floods in Beni"
    latest = versions_of(edited)[-1]
    assert latest.field_dict["title"] == "Floods in Beni"
    assert latest.revision.get_comment().startswith(
        "Reverted to previous version, saved on"
    )


def test_the_publish_action_is_recorded(admin_client, admin_user):
    draft = ArticleFactory(status=Article.Status.DRAFT)

    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", ACTION_CHECKBOX_NAME: [draft.pk]},
    )

    [version] = versions_of(draft)
    assert version.field_dict["status"] == Article.Status.PUBLISHED
    assert version.revision.user == admin_user
    assert version.revision.get_comment() == "Published with the “publish” action."


def test_an_office_version_includes_its_key_figures(admin_client):
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")

    admin_client.post(
        reverse("admin:contacts_office_change", args=[office.pk]),
        {
            "name": office.name,
            "slug": office.slug,
            "kind": office.kind,
            "is_public": "on",
            "figures-TOTAL_FORMS": "1",
            "figures-INITIAL_FORMS": "0",
            "figures-0-order": "0",
            "figures-0-value": "1.5",
            "figures-0-unit": "million",
            "figures-0-label": "Venezuelans in Peru",
            "figures-0-source_name": "R4V",
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
            "programme_texts-TOTAL_FORMS": "0",
            "programme_texts-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )

    [version] = versions_of(office)
    figure = KeyFigure.objects.get(office=office)
    in_revision = {
        (item.content_type.model, item.object_id)
        for item in version.revision.version_set.all()
    }
    assert in_revision == {("office", str(office.pk)), ("keyfigure", str(figure.pk))}


def test_a_version_holds_every_language_and_a_revert_restores_them():
    programme = ProgrammeFactory(
        title_en="Border health",
        title_es="Salud en fronteras",
        title_pt="Saúde nas fronteiras",
    )
    with reversion.create_revision():
        programme.save()
    programme.title_es, programme.title_pt = "Otro título", "Outro título"
    with reversion.create_revision():
        programme.save()

    first = Version.objects.get_for_object(programme).last()
    assert first.field_dict["title_pt"] == "Saúde nas fronteiras"
    first.revision.revert()
    programme.refresh_from_db()
    assert (programme.title_en, programme.title_es, programme.title_pt) == (
        "Border health",
        "Salud en fronteras",
        "Saúde nas fronteiras",
    )
