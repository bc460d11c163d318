"""Tags a page names but does not state: never added by the import, listed on
Needs attention, added or dismissed there by staff."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from programmes.models import Programme

pytestmark = pytest.mark.django_db

NEEDS_ATTENTION = reverse("needs-attention")
PAGE = """Press Release
Global

Border Officials Trained to Spot Trafficking Victims

Lima – IOM trained forty border officials in Tacna this week to identify
victims of human trafficking and refer them to shelters.

The course drew on cases seen at the border crossings. Counter-trafficking
work at the border will continue next year.

Participants agreed to share referral forms with their counterparts in Chile,
Bolivia and Ecuador.
"""


@pytest.fixture
def imported(tmp_path):
    # The programmes the site starts with (a data migration) include it.
    counter_trafficking = Programme.objects.get(title_en="Counter-trafficking")
    page = tmp_path / "training.txt"
    page.write_text(PAGE, encoding="utf-8")
    call_command("import_legacy", str(page), stdout=StringIO(), stderr=StringIO())
    return page, Article.objects.get(), counter_trafficking


def listed(client):
    response = client.get(NEEDS_ATTENTION)
    assert response.status_code == 200
    return {
        suggestion.article.pk: (
            sorted(str(country.code) for country in suggestion.countries),
            [str(programme) for programme in suggestion.programmes],
        )
        for suggestion in response.context["suggested_tags"]
    }


def test_the_import_tags_what_the_page_states_and_suggests_the_rest(
    admin_client, imported
):
    _page, article, _programme = imported
    assert [str(code) for code in article.countries] == ["PE"]
    assert not article.programmes.exists()
    assert listed(admin_client) == {
        article.pk: (["BO", "CL", "EC"], ["Counter-trafficking"])
    }
    page = admin_client.get(NEEDS_ATTENTION).content.decode()
    assert 'id="suggested-tags"' in page
    assert reverse("suggested-tags", args=[article.pk]) in page


def test_adding_the_suggested_tags(admin_client, imported):
    _page, article, counter_trafficking = imported
    response = admin_client.post(
        reverse("suggested-tags", args=[article.pk]), {"action": "accept"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert sorted(str(code) for code in article.countries) == ["BO", "CL", "EC", "PE"]
    assert list(article.programmes.all()) == [counter_trafficking]
    assert listed(admin_client) == {}
    assert Version.objects.get_for_object(article).count() == 1


def test_a_tag_staff_added_is_no_longer_suggested(admin_client, imported):
    _page, article, _programme = imported
    article.countries = [*article.countries, "CL"]
    article.save()
    assert listed(admin_client) == {article.pk: (["BO", "EC"], ["Counter-trafficking"])}


def test_dismissed_suggestions_stay_dismissed_when_the_page_is_imported_again(
    admin_client, imported
):
    page, article, _programme = imported
    admin_client.post(
        reverse("suggested-tags", args=[article.pk]), {"action": "dismiss"}
    )
    article.refresh_from_db()
    assert [str(code) for code in article.countries] == ["PE"]
    assert listed(admin_client) == {}

    call_command("import_legacy", str(page), stdout=StringIO(), stderr=StringIO())
    assert listed(admin_client) == {}


def test_only_staff_who_may_change_articles_decide(client, django_user_model, imported):
    _page, article, _programme = imported
    staff = django_user_model.objects.create_user("staff", is_staff=True)
    client.force_login(staff)
    url = reverse("suggested-tags", args=[article.pk])
    assert client.post(url, {"action": "accept"}).status_code == 403
    assert client.get(url).status_code == 405
    article.refresh_from_db()
    assert [str(code) for code in article.countries] == ["PE"]
