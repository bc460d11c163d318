"""What articles use cannot be deleted: a clear page in the admin, an error
everywhere else."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from contacts.models import Office
from programmes.models import Programme

from ..factories import ArticleFactory, OfficeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def used():
    programme = ProgrammeFactory(title="Fair Labour Migration", slug="fair-labour")
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")
    article = ArticleFactory(title="Fair recruitment in Lima")
    article.programmes.add(programme)
    article.offices.add(office)
    return {"programme": programme, "office": office, "article": article}


def article_link(article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    return f'Article: <a href="{url}">{article.title}</a>'


@pytest.mark.parametrize(
    ("key", "url_name"),
    [
        ("programme", "admin:programmes_programme_delete"),
        ("office", "admin:contacts_office_delete"),
    ],
)
def test_the_delete_page_names_the_articles_using_it(admin_client, used, key, url_name):
    obj = used[key]
    url = reverse(url_name, args=[obj.pk])

    page = admin_client.get(url)
    attempt = admin_client.post(url, {"post": "yes"})

    assert page.status_code == 200
    assert page.context["protected"] == [article_link(used["article"])]
    assert f"Cannot delete {obj._meta.verbose_name}" in page.text
    assert article_link(used["article"]) in page.text
    assert attempt.status_code == 200
    assert attempt.context["protected"] == [article_link(used["article"])]
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_the_bulk_delete_action_is_refused_too(admin_client, used):
    unused = ProgrammeFactory()

    response = admin_client.post(
        reverse("admin:programmes_programme_changelist"),
        {
            "action": "delete_selected",
            ACTION_CHECKBOX_NAME: [used["programme"].pk, unused.pk],
            "post": "yes",
        },
    )

    assert response.status_code == 200
    assert response.context["protected"] == [article_link(used["article"])]
    assert (
        Programme.objects.filter(pk__in=[used["programme"].pk, unused.pk]).count() == 2
    )


def test_unused_programmes_and_offices_are_deleted(admin_client):
    programme = ProgrammeFactory()
    office = OfficeFactory()

    for url in (
        reverse("admin:programmes_programme_delete", args=[programme.pk]),
        reverse("admin:contacts_office_delete", args=[office.pk]),
    ):
        assert admin_client.post(url, {"post": "yes"}).status_code == 302

    assert not Programme.objects.filter(pk=programme.pk).exists()
    assert not Office.objects.filter(pk=office.pk).exists()


def test_deleting_in_code_raises_protected_error(used):
    with pytest.raises(ProtectedError) as programme_error, transaction.atomic():
        used["programme"].delete()
    with pytest.raises(ProtectedError) as office_error, transaction.atomic():
        Office.objects.filter(pk=used["office"].pk).delete()

    assert programme_error.value.protected_objects == {used["article"]}
    assert str(programme_error.value.args[0]) == (
        "The programme “Fair Labour Migration” is used by 1 article."
    )
    assert office_error.value.protected_objects == {used["article"]}
    assert Programme.objects.filter(pk=used["programme"].pk).exists()
    assert Office.objects.filter(pk=used["office"].pk).exists()
