"""Editors write, publishers publish: every way of publishing is refused to an
editor with a message, never silently ignored."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from contacts.models import Contact, Office
from programmes.models import Programme

from ..factories import ArticleFactory, ContactFactory, OfficeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

DRAFT = Article.Status.DRAFT
PUBLISHED = Article.Status.PUBLISHED
ARTICLES = reverse("admin:articles_article_changelist")
ARTICLE_REFUSED = str(admin.site._registry[Article].publish_refused_message)
PROGRAMME_REFUSED = str(admin.site._registry[Programme].publish_refused_message)
OFFICE_REFUSED = str(admin.site._registry[Office].publish_refused_message)
CONTACT_REFUSED = str(admin.site._registry[Contact].publish_refused_message)


def split(moment):
    if moment is None:
        return "", ""
    local = timezone.localtime(moment)
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")


def article_data(article, **overrides):
    """What the change form posts back for ``article`` as it is."""
    published = split(article.published_at)
    unpublish = split(article.unpublish_at)
    data = {
        "title": article.title,
        "slug": article.slug,
        "kind": article.kind,
        "language": article.language,
        "summary": article.summary,
        "body": article.body,
        "status": article.status,
        "published_at_0": published[0],
        "published_at_1": published[1],
        "unpublish_at_0": unpublish[0],
        "unpublish_at_1": unpublish[1],
        "date_source": article.date_source,
        "dateline": article.dateline,
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "_save": "Save",
    }
    data.update(overrides)
    return data


def change_article(client, article, **overrides):
    return client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_data(article, **overrides),
    )


def form_errors(response):
    return response.context["adminform"].form.errors


# The change form ----------------------------------------------------------------


def test_an_editor_cannot_publish_a_draft(editor_client):
    draft = ArticleFactory(status=DRAFT)

    response = change_article(editor_client, draft, status=PUBLISHED)

    assert response.status_code == 200
    assert form_errors(response) == {"status": [ARTICLE_REFUSED]}
    draft.refresh_from_db()
    assert draft.status == DRAFT


def test_an_editor_cannot_schedule_a_draft(editor_client):
    draft = ArticleFactory(status=DRAFT, published_at=None)
    tomorrow = split(timezone.now() + timedelta(days=1))

    response = change_article(
        editor_client,
        draft,
        status=PUBLISHED,
        published_at_0=tomorrow[0],
        published_at_1=tomorrow[1],
    )

    assert form_errors(response) == {
        "status": [ARTICLE_REFUSED],
        "published_at": [ARTICLE_REFUSED],
    }
    draft.refresh_from_db()
    assert (draft.status, draft.published_at) == (DRAFT, None)


def test_an_editor_cannot_unpublish(editor_client):
    article = ArticleFactory()

    response = change_article(editor_client, article, status=DRAFT)

    assert form_errors(response) == {"status": [ARTICLE_REFUSED]}
    article.refresh_from_db()
    assert article.status == PUBLISHED


def test_an_editor_cannot_move_the_dates_of_a_published_article(editor_client):
    article = ArticleFactory()
    before = article.published_at
    next_week = split(timezone.now() + timedelta(days=7))

    response = change_article(
        editor_client,
        article,
        published_at_0=next_week[0],
        published_at_1=next_week[1],
        unpublish_at_0=next_week[0],
        unpublish_at_1="23:00:00",
    )

    assert form_errors(response) == {
        "published_at": [ARTICLE_REFUSED],
        "unpublish_at": [ARTICLE_REFUSED],
    }
    article.refresh_from_db()
    assert (article.published_at, article.unpublish_at) == (before, None)


def test_an_editor_may_correct_a_published_article(editor_client):
    article = ArticleFactory(title="Floods in Beni")

    response = change_article(editor_client, article, title="Floods in Beni (update)")

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Floods in Beni (update)", PUBLISHED)


def test_an_editor_may_date_a_draft(editor_client):
    draft = ArticleFactory(status=DRAFT, published_at=None)
    monday = split(timezone.now() + timedelta(days=3))

    response = change_article(
        editor_client, draft, published_at_0=monday[0], published_at_1=monday[1]
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert split(draft.published_at) == monday


def test_an_editor_adds_drafts_only(editor_client):
    new = ArticleFactory.build(slug="new-shelter", status=DRAFT, published_at=None)
    add_url = reverse("admin:articles_article_add")

    refused = editor_client.post(add_url, article_data(new, status=PUBLISHED))
    assert form_errors(refused) == {"status": [ARTICLE_REFUSED]}
    assert not Article.objects.filter(slug="new-shelter").exists()

    accepted = editor_client.post(add_url, article_data(new))
    assert accepted.status_code == 302
    assert Article.objects.get(slug="new-shelter").status == DRAFT


def test_a_publisher_publishes_and_schedules(publisher_client):
    draft = ArticleFactory(status=DRAFT)
    other = ArticleFactory(status=DRAFT)
    tomorrow = split(timezone.now() + timedelta(days=1))

    assert change_article(publisher_client, draft, status=PUBLISHED).status_code == 302
    response = change_article(
        publisher_client,
        other,
        status=PUBLISHED,
        published_at_0=tomorrow[0],
        published_at_1=tomorrow[1],
    )

    assert response.status_code == 302
    assert list(Article.objects.published()) == [draft]
    assert list(Article.objects.scheduled()) == [other]


# Actions ------------------------------------------------------------------------


def run_action(client, changelist, action, objects):
    return client.post(
        changelist,
        {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects]},
        follow=True,
    )


def messages_of(response):
    return [
        (message.level_tag, str(message)) for message in response.context["messages"]
    ]


@pytest.mark.parametrize(
    ("action", "status"), [("publish", DRAFT), ("unpublish", PUBLISHED)]
)
def test_an_editor_cannot_use_the_publishing_actions(editor_client, action, status):
    article = ArticleFactory(status=status)

    response = run_action(editor_client, ARTICLES, action, [article])

    assert messages_of(response) == [("error", ARTICLE_REFUSED)]
    article.refresh_from_db()
    assert article.status == status


def test_a_publisher_uses_the_publish_action(publisher_client):
    draft = ArticleFactory(status=DRAFT)

    response = run_action(publisher_client, ARTICLES, "publish", [draft])

    assert messages_of(response) == [("success", "1 article was published.")]
    draft.refresh_from_db()
    assert draft.status == PUBLISHED


def test_an_editor_cannot_publish_programmes_or_show_contacts(editor_client):
    programme = ProgrammeFactory(is_published=False)
    contact = ContactFactory(is_public=False)

    programmes = run_action(
        editor_client,
        reverse("admin:programmes_programme_changelist"),
        "publish",
        [programme],
    )
    contacts = run_action(
        editor_client,
        reverse("admin:contacts_contact_changelist"),
        "make_public",
        [contact],
    )

    assert messages_of(programmes) == [("error", PROGRAMME_REFUSED)]
    assert messages_of(contacts) == [("error", CONTACT_REFUSED)]
    assert not Programme.objects.get(pk=programme.pk).is_published
    assert not Contact.objects.get(pk=contact.pk).is_public


# Bulk edit in the changelist ------------------------------------------------------


def bulk_edit(client, article, status):
    return client.post(
        ARTICLES,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": str(article.pk),
            "form-0-status": status,
            "_save": "Save",
        },
    )


@pytest.mark.parametrize("who", ["editor_client", "publisher_client"])
def test_the_list_does_not_edit_the_status(request, who):
    """One mis-click in the list must not publish: the status is changed on
    the form or with the actions, never edited in the list."""
    client = request.getfixturevalue(who)
    draft = ArticleFactory(status=DRAFT)

    response = bulk_edit(client, draft, PUBLISHED)

    assert response.context is None or response.context["cl"].formset is None
    assert 'name="form-0-status"' not in client.get(ARTICLES).text
    draft.refresh_from_db()
    assert draft.status == DRAFT


# Programmes, offices, contacts -----------------------------------------------------


def programme_data(**overrides):
    data = {
        "title": "Climate mobility",
        "slug": "climate-mobility",
        "summary": "",
        "body": "",
        "order": "100",
        "image_alt": "",
        "_save": "Save",
    }
    data.update(overrides)
    return data


def test_an_editor_adds_unpublished_programmes(editor_client):
    add_url = reverse("admin:programmes_programme_add")

    page = editor_client.get(add_url)
    refused = editor_client.post(add_url, programme_data(is_published="on"))
    accepted = editor_client.post(add_url, programme_data())

    assert page.context["adminform"].form["is_published"].initial is False
    assert form_errors(refused) == {"is_published": [PROGRAMME_REFUSED]}
    assert accepted.status_code == 302
    assert Programme.objects.get(slug="climate-mobility").is_published is False


def test_an_editor_cannot_hide_an_office(editor_client):
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")
    url = reverse("admin:contacts_office_change", args=[office.pk])
    data = {
        "name": office.name,
        "slug": office.slug,
        "kind": office.kind,
        "country": office.country.code,
        "city": office.city,
        "phones": office.phones,
        "email": office.email,
        # "is_public" unticked
        "figures-TOTAL_FORMS": "0",
        "figures-INITIAL_FORMS": "0",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "programme_texts-TOTAL_FORMS": "0",
        "programme_texts-INITIAL_FORMS": "0",
        "_save": "Save",
    }

    response = editor_client.post(url, data)

    assert form_errors(response) == {"is_public": [OFFICE_REFUSED]}
    assert Office.objects.get(pk=office.pk).is_public


def test_an_editor_cannot_add_a_public_contact_in_the_office_page(editor_client):
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")
    data = {
        "name": office.name,
        "slug": office.slug,
        "kind": office.kind,
        "is_public": "on",
        "figures-TOTAL_FORMS": "0",
        "figures-INITIAL_FORMS": "0",
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "programme_texts-TOTAL_FORMS": "0",
        "programme_texts-INITIAL_FORMS": "0",
        "contacts-0-name": "Rosa Quito",
        "contacts-0-role": "Head of office",
        "contacts-0-email": "rquito@iom.int",
        "contacts-0-is_public": "on",
        "_save": "Save",
    }
    url = reverse("admin:contacts_office_change", args=[office.pk])

    refused = editor_client.post(url, data)
    del data["contacts-0-is_public"]
    accepted = editor_client.post(url, data)

    contacts_formset = refused.context["inline_admin_formsets"][1].formset
    assert contacts_formset.errors == [{"is_public": [CONTACT_REFUSED]}]
    assert accepted.status_code == 302
    assert Contact.objects.get(email="rquito@iom.int").is_public is False


def contact_data(contact, **overrides):
    data = {
        "name": contact.name,
        "role": contact.role,
        "office": str(contact.office_id),
        "phone": contact.phone,
        "email": contact.email,
        "photo_alt": "",
        "_save": "Save",
    }
    for flag in ("is_public", "show_email", "show_phones"):
        if getattr(contact, flag):
            data[flag] = "on"
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def test_an_editor_cannot_show_the_email_of_a_public_contact(editor_client):
    public = ContactFactory(show_email=False)
    hidden = ContactFactory(show_email=False, is_public=False)

    refused = editor_client.post(
        reverse("admin:contacts_contact_change", args=[public.pk]),
        contact_data(public, show_email="on"),
    )
    accepted = editor_client.post(
        reverse("admin:contacts_contact_change", args=[hidden.pk]),
        contact_data(hidden, show_email="on"),
    )

    assert form_errors(refused) == {"show_email": [CONTACT_REFUSED]}
    assert Contact.objects.get(pk=public.pk).show_email is False
    assert accepted.status_code == 302
    assert Contact.objects.get(pk=hidden.pk).show_email is True


# Reverting a revision -------------------------------------------------------------


@pytest.fixture
def unpublished_by_a_publisher(publisher_client):
    """An article published, then moved back to draft, both through the admin:
    its first version is a published one."""
    article = ArticleFactory(status=DRAFT)
    change_article(publisher_client, article, status=PUBLISHED)
    change_article(publisher_client, article, status=DRAFT)
    article.refresh_from_db()
    published_version = Version.objects.get_for_object(article).last()
    assert published_version.field_dict["status"] == PUBLISHED
    return article, published_version


def revert(client, article, version):
    url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
    return client.post(url, article_data(article, status=PUBLISHED))


def test_an_editor_cannot_publish_by_reverting(
    unpublished_by_a_publisher, client, editor
):
    article, published_version = unpublished_by_a_publisher
    client.force_login(editor)

    response = revert(client, article, published_version)

    assert form_errors(response) == {"status": [ARTICLE_REFUSED]}
    article.refresh_from_db()
    assert article.status == DRAFT


def test_a_publisher_can_publish_by_reverting(
    unpublished_by_a_publisher, publisher_client
):
    article, published_version = unpublished_by_a_publisher

    response = revert(publisher_client, article, published_version)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == PUBLISHED


def test_an_editor_cannot_bring_back_a_deleted_article_published(
    client, publisher, editor
):
    article = ArticleFactory()
    client.force_login(publisher)
    change_article(client, article)
    client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )
    [version] = Version.objects.get_deleted(Article)
    client.force_login(editor)
    url = reverse("admin:articles_article_recover", args=[version.pk])

    refused = client.post(url, article_data(article))
    accepted = client.post(url, article_data(article, status=DRAFT))

    assert form_errors(refused) == {"status": [ARTICLE_REFUSED]}
    assert accepted.status_code == 302
    assert Article.objects.get(pk=article.pk).status == DRAFT
