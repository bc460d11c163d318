from datetime import timedelta
from itertools import combinations

import pytest
from bs4 import BeautifulSoup
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from articles.admin import ArticleAdmin
from articles.models import Article
from contacts.models import Contact, Office
from programmes.models import Programme

from ..factories import (
    ArticleFactory,
    ContactFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")

DRAFT = Article.Status.DRAFT
PUBLISHED = Article.Status.PUBLISHED


def changelist_objects(response):
    return set(response.context["cl"].result_list)


@pytest.fixture
def varied():
    programme = ProgrammeFactory(slug="varied")
    office = OfficeFactory()
    items = {
        "good": ArticleFactory(
            countries=["BO"], image=make_image_file(), image_alt="A boat"
        ),
        "no_summary": ArticleFactory(summary="  "),
        "draft_no_summary": ArticleFactory(status=DRAFT, summary=""),
        "no_alt": ArticleFactory(image=make_image_file(), image_alt=""),
        "inferred": ArticleFactory(date_source=Article.DateSource.INFERRED),
        "unknown": ArticleFactory(
            published_at=None, date_source=Article.DateSource.UNKNOWN
        ),
    }
    items["good"].programmes.add(programme)
    items["good"].offices.add(office)
    return {"programme": programme, "office": office, **items}


def test_article_admin_is_registered():
    assert isinstance(admin.site._registry[Article], ArticleAdmin)
    # autocomplete_fields needs these admins, with search_fields.
    for model in (Programme, Office, Contact):
        assert admin.site._registry[model].search_fields


def test_changelist_columns(admin_client, varied):
    response = admin_client.get(CHANGELIST)

    assert response.status_code == 200
    assert len(changelist_objects(response)) == 6
    html = response.text
    good = varied["good"]
    assert f'<img src="{good.image.url}" alt="A boat" width="80"' in html
    assert 'alt="True"' in html  # the is_published boolean icon
    assert f'href="{reverse("admin:articles_article_change", args=[good.pk])}"' in html


FILTER_QUERIES = [
    "status__exact=draft",
    "status__exact=published",
    "kind__exact=news",
    "language__exact=es",
    "dated=yes",
    "dated=no",
    "review=any",
    "review=summary",
    "review=alt",
    "review=date",
    "countries__contains=BO",
    "published_at__year=2024",
    "published_at__year=2024&published_at__month=2",
]


@pytest.mark.parametrize("query", FILTER_QUERIES)
def test_changelist_loads_with_each_filter(admin_client, varied, query):
    response = admin_client.get(f"{CHANGELIST}?{query}")
    assert response.status_code == 200


def test_changelist_loads_with_relation_filters(admin_client, varied):
    for query in (
        f"programmes__id__exact={varied['programme'].pk}",
        f"offices__id__exact={varied['office'].pk}",
    ):
        response = admin_client.get(f"{CHANGELIST}?{query}")
        assert response.status_code == 200
        assert changelist_objects(response) == {varied["good"]}


def test_changelist_loads_with_filters_combined(admin_client, varied):
    relation_queries = [
        f"programmes__id__exact={varied['programme'].pk}",
        f"offices__id__exact={varied['office'].pk}",
    ]
    queries = FILTER_QUERIES + relation_queries + ["q=news"]
    for pair in combinations(queries, 2):
        response = admin_client.get(f"{CHANGELIST}?{'&'.join(pair)}")
        assert response.status_code == 200, pair
    response = admin_client.get(
        f"{CHANGELIST}?status__exact=published&kind__exact=news&language__exact=en"
        f"&dated=yes&review=any&countries__contains=BO&q=item&{relation_queries[0]}"
        f"&{relation_queries[1]}"
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "dated=maybe",
        "review=bogus",
        "status__exact=nonsense",
        "published_at__year=abc",
        "published_at__year=0",
        "programmes__id__exact=abc",
        "programmes__id__exact=999999",
        "offices__id__exact=abc",
        "countries__contains=",
        "o=99",
        "p=99",
        "unknown_field=1",
    ],
)
def test_changelist_never_fails_on_odd_parameters(admin_client, varied, query):
    response = admin_client.get(f"{CHANGELIST}?{query}")
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("review=summary", {"no_summary"}),
        ("review=alt", {"no_alt"}),
        ("review=date", {"inferred", "unknown"}),
        ("review=any", {"no_summary", "no_alt", "inferred", "unknown"}),
        ("dated=no", {"unknown"}),
        ("countries__contains=BO", {"good"}),
    ],
)
def test_review_date_and_country_filters(admin_client, varied, query, expected):
    response = admin_client.get(f"{CHANGELIST}?{query}")
    assert changelist_objects(response) == {varied[key] for key in expected}


def test_country_filter_lists_the_used_countries(admin_client, varied):
    html = admin_client.get(CHANGELIST).text
    assert 'href="?countries__contains=BO"' in html
    assert 'href="?countries__contains=AR"' not in html


def test_search(admin_client):
    by_title = ArticleFactory(title="Floods in Beni")
    by_body = ArticleFactory(body="<p>Beni again</p>")
    by_source = ArticleFactory(source="https://old.example.org/beni.html")
    ArticleFactory(title="Other")

    response = admin_client.get(CHANGELIST, {"q": "beni"})

    assert changelist_objects(response) == {by_title, by_body, by_source}


def test_add_page_loads_with_autocomplete_and_fieldsets(admin_client):
    response = admin_client.get(ADD)

    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    for field in ("programmes", "offices", "contacts"):
        select = page.find("select", attrs={"name": field})
        assert "admin-autocomplete" in select["class"]
        assert select["data-ajax--url"] == "/admin/autocomplete/"
    assert "selectfilter" in page.find("select", attrs={"name": "countries"})["class"]
    headings = [h.get_text(strip=True) for h in page.select("fieldset h2")]
    assert headings == [
        "Content",
        "Publication",
        "Image",
        "Relations",
        "Correction",
        "Legacy source",
    ]
    # The long form: what is less often edited is folded away.
    folded = page.select("fieldset.collapse")
    assert [h.find("h2").get_text(strip=True) for h in folded] == [
        "Image",
        "Relations",
        "Correction",
        "Legacy source",
    ]
    legacy = folded[-1]
    assert legacy.find(class_="field-source")
    assert page.find(attrs={"name": "source"}) is None  # read-only
    assert page.find(id="django-admin-prepopulated-fields-constants")
    assert len(page.select(".submit-row")) == 2  # save_on_top


def test_change_page_shows_source_read_only_and_view_on_site(admin_client):
    article = ArticleFactory(source="legacy/news/2019/a.html", status=DRAFT)

    response = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )

    assert response.status_code == 200
    assert "legacy/news/2019/a.html" in response.text
    assert 'name="source"' not in response.text
    assert "View on site" in response.text


def test_view_on_site_reaches_the_preview(admin_client):
    article = ArticleFactory(status=DRAFT, slug="still-a-draft")
    response = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    view_on_site = response.context["adminform"].model_admin.get_view_on_site_url(
        article
    )

    redirect = admin_client.get(view_on_site)
    assert redirect.status_code == 302
    assert redirect["Location"].endswith("/news/still-a-draft/")
    page = admin_client.get("/news/still-a-draft/")
    assert page.status_code == 200
    assert "preview-banner" in page.text


def form_data(**overrides):
    data = {
        "title": "New shelter opens",
        "slug": "new-shelter-opens",
        "kind": Article.Kind.NEWS,
        "language": "en",
        "summary": "A shelter for 200 people.",
        "body": "",
        "status": DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "date_source": Article.DateSource.STATED,
        "dateline": "Lima",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "_save": "Save",
    }
    data.update(overrides)
    return data


def test_add_via_post_creates_a_clean_article(admin_client):
    programme = ProgrammeFactory()
    office = OfficeFactory()
    contact = ContactFactory()

    response = admin_client.post(
        ADD,
        form_data(
            body='<p onclick="steal()">Open <a href="javascript:alert(1)">now</a>'
            "</p><script>alert(1)</script>",
            status=PUBLISHED,
            published_at_0="2024-05-02",
            published_at_1="09:00:00",
            programmes=[programme.pk],
            offices=[office.pk],
            contacts=[contact.pk],
            countries=["PE", "BO"],
            image=make_image_file("shelter.jpg"),
            image_alt="The shelter",
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="new-shelter-opens")
    assert article.body == '<p>Open <a rel="noopener noreferrer">now</a></p>'
    assert "script" not in article.body
    assert "onclick" not in article.body
    assert list(article.programmes.all()) == [programme]
    assert list(article.offices.all()) == [office]
    assert list(article.contacts.all()) == [contact]
    assert [country.code for country in article.countries] == ["BO", "PE"]
    assert timezone.localtime(article.published_at).hour == 9
    assert article.image.name.startswith("articles/")


def test_add_with_an_image_requires_alt_text(admin_client):
    response = admin_client.post(ADD, form_data(image=make_image_file()))
    assert response.status_code == 200
    assert "image_alt" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def run_action(admin_client, action, articles):
    return admin_client.post(
        CHANGELIST,
        {
            "action": action,
            ACTION_CHECKBOX_NAME: [article.pk for article in articles],
        },
        follow=True,
    )


def test_publish_action(admin_client):
    past = timezone.now() - timedelta(days=3)
    dated = ArticleFactory(status=DRAFT, published_at=past)
    new = ArticleFactory(status=DRAFT, published_at=None, source="")
    legacy = ArticleFactory(status=DRAFT, published_at=None, source="old/a.html")
    unknown = ArticleFactory(
        status=DRAFT, published_at=None, date_source=Article.DateSource.UNKNOWN
    )
    already = ArticleFactory(status=PUBLISHED, published_at=None)
    untouched = ArticleFactory(status=DRAFT)

    before = timezone.now()
    response = run_action(
        admin_client, "publish", [dated, new, legacy, unknown, already]
    )

    messages = [str(message) for message in response.context["messages"]]
    assert messages == [
        "4 articles were published. 2 of them had no date and are dated now."
    ]
    for article in (dated, new, legacy, unknown, already, untouched):
        article.refresh_from_db()
    assert {dated.status, new.status, legacy.status, unknown.status} == {PUBLISHED}
    assert dated.published_at == past
    assert new.published_at >= before
    # One rule for every path: an imported page is undated only when its date
    # is marked unknown.
    assert legacy.published_at >= before
    assert unknown.published_at is None
    assert already.published_at is None
    assert untouched.status == DRAFT


def test_unpublish_action(admin_client):
    past = timezone.now() - timedelta(days=3)
    published = ArticleFactory(published_at=past)
    other = ArticleFactory()
    draft = ArticleFactory(status=DRAFT)

    response = run_action(admin_client, "unpublish", [published, draft])

    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["1 article was moved back to draft."]
    published.refresh_from_db()
    other.refresh_from_db()
    assert published.status == DRAFT
    assert published.published_at == past
    assert other.status == PUBLISHED


def test_actions_work_on_a_filtered_changelist(admin_client, varied):
    response = admin_client.post(
        f"{CHANGELIST}?review=alt&status__exact=published&q=news",
        {"action": "unpublish", ACTION_CHECKBOX_NAME: [varied["no_alt"].pk]},
        follow=True,
    )
    assert response.status_code == 200
    varied["no_alt"].refresh_from_db()
    assert varied["no_alt"].status == DRAFT


def test_actions_need_the_change_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user(
        "viewer", password="pw", is_staff=True
    )
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    draft = ArticleFactory(status=DRAFT)

    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert 'value="publish"' not in response.text

    run_action(client, "publish", [draft])
    draft.refresh_from_db()
    assert draft.status == DRAFT
