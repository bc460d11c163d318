import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from iomsite.editorial.roles import EDITOR, PUBLISHER, sync_roles

from ..factories import ArticleFactory, ContactFactory, OfficeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

EDITOR_PERMISSIONS = {
    f"{app_label}.{action}_{model}"
    for app_label, model in [
        ("articles", "article"),
        ("programmes", "programme"),
        ("contacts", "office"),
        ("contacts", "keyfigure"),
        ("contacts", "contact"),
        ("programmes", "officeprogrammetext"),
    ]
    for action in ("add", "change", "view")
}
PUBLISHER_PERMISSIONS = EDITOR_PERMISSIONS | {
    "articles.publish_article",
    "programmes.publish_programme",
    "contacts.publish_office",
    "contacts.publish_contact",
    "articles.delete_article",
    "programmes.delete_programme",
    "contacts.delete_office",
    "contacts.delete_keyfigure",
    "contacts.delete_contact",
    "programmes.delete_officeprogrammetext",
}


def group_permissions(name):
    return {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in Group.objects.get(name=name).permissions.all()
    }


def test_the_data_migration_created_both_roles():
    assert group_permissions(EDITOR) == EDITOR_PERMISSIONS
    assert group_permissions(PUBLISHER) == PUBLISHER_PERMISSIONS


def test_sync_roles_puts_the_permissions_back():
    editor = Group.objects.get(name=EDITOR)
    editor.permissions.add(Permission.objects.get(codename="publish_article"))
    Group.objects.get(name=PUBLISHER).delete()

    sync_roles()

    assert group_permissions(EDITOR) == EDITOR_PERMISSIONS
    assert group_permissions(PUBLISHER) == PUBLISHER_PERMISSIONS


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:articles_article_add",
        "admin:programmes_programme_add",
        "admin:contacts_office_add",
        "admin:contacts_keyfigure_add",
        "admin:contacts_contact_add",
    ],
)
def test_an_editor_may_add_everything(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 200


def test_an_editor_may_not_delete(editor_client):
    article = ArticleFactory()

    response = editor_client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert type(article).objects.filter(pk=article.pk).exists()


def test_a_publisher_may_delete(publisher_client):
    contact = ContactFactory(office=OfficeFactory())

    response = publisher_client.post(
        reverse("admin:contacts_contact_delete", args=[contact.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not type(contact).objects.filter(pk=contact.pk).exists()


def test_an_editor_gets_no_delete_link_in_the_change_form(editor_client):
    programme = ProgrammeFactory()

    response = editor_client.get(
        reverse("admin:programmes_programme_change", args=[programme.pk])
    )

    assert response.status_code == 200
    assert response.context["has_delete_permission"] is False
    delete_url = reverse("admin:programmes_programme_delete", args=[programme.pk])
    assert f'href="{delete_url}"' not in response.text
