from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from iomsite.content.images import picture_for

from ..factories import (
    ArticleFactory,
    ContactFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/news/"


def aware(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture(autouse=True)
def english():
    """A request to /es/ leaves Spanish active in the thread; keep it in here."""
    with translation.override("en"):
        yield


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    return user


@pytest.fixture
def staff_without_permission(django_user_model):
    return django_user_model.objects.create_user("reader", password="pw", is_staff=True)


def draft_and_future():
    return {
        "draft": ArticleFactory(slug="draft-item", status=Article.Status.DRAFT),
        "future": ArticleFactory(
            slug="future-item", published_at=timezone.now() + timedelta(days=2)
        ),
    }


# Detail: who sees what


def test_contract_urls():
    assert reverse("articles:list") == LIST_URL
    assert reverse("articles:detail", kwargs={"slug": "a-b"}) == "/news/a-b/"


@pytest.mark.parametrize("which", ["draft", "future"])
def test_unpublished_detail_is_404_for_visitors(client, which):
    article = draft_and_future()[which]
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("which", ["draft", "future"])
def test_unpublished_detail_is_404_for_staff_without_permission(
    client, staff_without_permission, which
):
    article = draft_and_future()[which]
    client.force_login(staff_without_permission)
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("which", ["draft", "future"])
def test_editor_previews_unpublished_detail_uncached(client, editor, which):
    article = draft_and_future()[which]
    client.force_login(editor)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert response.context["article"] == article
    assert response.context["preview"] is True
    assert '<div class="preview-banner' in response.text
    assert 'role="status"' in response.text
    assert "Preview — not published" in response.text
    edit_url = reverse("admin:articles_article_change", args=[article.pk])
    assert f'href="{edit_url}"' in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    cache_control = response["Cache-Control"]
    for directive in ("no-cache", "no-store", "private"):
        assert directive in cache_control


def test_published_detail_has_no_banner(client, editor):
    article = ArticleFactory()
    for user in (None, editor):
        if user:
            client.force_login(user)
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert response.context["preview"] is False
        assert "preview-banner" not in response.text
        assert "noindex" not in response.text
        assert "no-store" not in response.get("Cache-Control", "")


def test_unknown_slug_is_404(client):
    assert client.get("/news/no-such-item/").status_code == 404


# Detail: the page


def test_detail_shows_date_dateline_kind_and_body(client, settings):
    settings.TIME_ZONE = "America/Argentina/Buenos_Aires"
    published_at = aware(2024, 3, 12, 10, 30)
    article = ArticleFactory(
        kind=Article.Kind.PRESS_RELEASE,
        published_at=published_at,
        dateline="La Paz",
        body="<p>First <strong>paragraph</strong>.</p>",
        title="Hope & <b>help</b>",
        summary="In short.",
    )

    response = client.get(article.get_absolute_url())

    assert '<time datetime="2024-03-12T10:30:00-0300">' in response.text
    assert '<span class="dateline">La Paz</span>' in response.text
    assert "Press release" in response.text
    assert "<p>First <strong>paragraph</strong>.</p>" in response.text
    # Titles are never marked safe.
    assert "Hope &amp; &lt;b&gt;help&lt;/b&gt;</h1>" in response.text
    assert "<title>Hope &amp; &lt;b&gt;help&lt;/b&gt; ·" in response.text
    assert '<meta name="description" content="In short.">' in response.text
    assert "Date not recorded" not in response.text


def test_detail_without_date_says_so(client):
    article = ArticleFactory(published_at=None)
    response = client.get(article.get_absolute_url())
    assert "Date not recorded" in response.text
    assert "<time" not in response.text.split('class="article"')[1].split("</h1>")[1]


def test_detail_figure_with_alt_caption_and_credit(client):
    article = ArticleFactory(
        image=make_image_file("boat.jpg"),
        image_alt="A boat on Lake Titicaca",
        image_caption="Fishermen at dawn.",
        image_credit="IOM / Ana Pérez",
    )

    response = client.get(article.get_absolute_url())

    image = BeautifulSoup(response.text, "html.parser").select_one("figure img")
    assert image["alt"] == "A boat on Lake Titicaca"
    assert image["src"] == picture_for(article.image).src  # a rendition
    figcaption = response.text.split("<figcaption")[1].split("</figcaption>")[0]
    assert "Fishermen at dawn." in figcaption
    assert "Photo: IOM / Ana Pérez" in figcaption


def test_detail_without_image_has_no_figure(client):
    article = ArticleFactory()
    assert "<figure" not in client.get(article.get_absolute_url()).text


def test_detail_links_programmes_and_countries_to_the_filtered_list(client):
    programme = ProgrammeFactory(slug="counter-smuggling", title="Smuggling")
    hidden = ProgrammeFactory(slug="hidden-programme", is_published=False)
    article = ArticleFactory(countries=["BO", "PE"])
    article.programmes.add(programme, hidden)

    response = client.get(article.get_absolute_url())

    assert response.context["programmes"] == [programme]
    assert 'href="/news/?programme=counter-smuggling"' in response.text
    assert "hidden-programme" not in response.text
    assert 'href="/news/?country=BO">Bolivia' in response.text
    assert 'href="/news/?country=PE">Peru</a>' in response.text


def test_detail_contacts_block(client):
    office = OfficeFactory(slug="iom-bolivia", name="IOM Bolivia")
    shown = ContactFactory(
        name="Ana Pérez",
        role="Press officer",
        office=office,
        phone="+591 2 278 7000, +591 2 278 7001",
        extension="123",
        mobile="+591 700 12345",
        email="aperez@iom.int",
    )
    private_email = ContactFactory(
        name="Luis Gómez", email="lgomez@iom.int", show_email=False
    )
    no_phones = ContactFactory(
        name="Eva Ruiz", phone="+591 2 111 2222", mobile="+591 799", show_phones=False
    )
    not_public = ContactFactory(name="Hidden Person", is_public=False)
    article = ArticleFactory()
    article.contacts.add(shown, private_email, no_phones, not_public)

    response = client.get(article.get_absolute_url())
    html = response.text

    assert set(response.context["contacts"]) == {shown, private_email, no_phones}
    assert "For more information" in html
    assert f'href="{office.get_absolute_url()}">IOM Bolivia</a>' in html
    assert 'href="/contacts/iom-bolivia/"' in html
    # Dialled with the extension (RFC 3966), shown as written.
    assert 'href="tel:+59122787000;ext=123">+591 2 278 7000</a>' in html
    assert 'href="tel:+59122787001;ext=123">+591 2 278 7001</a>' in html
    assert "ext. 123" in html
    assert 'href="tel:+59170012345">+591 700 12345</a>' in html
    assert 'href="mailto:aperez@iom.int">aperez@iom.int</a>' in html
    assert "Luis Gómez" in html
    assert "lgomez@iom.int" not in html
    assert "Eva Ruiz" in html
    assert "tel:+59121112222" not in html
    assert "tel:+591799" not in html
    assert "Hidden Person" not in html


def test_detail_contact_of_a_hidden_office_is_not_linked_nor_named(client):
    office = OfficeFactory(slug="closed-office", name="Closed office", is_public=False)
    article = ArticleFactory()
    article.contacts.add(ContactFactory(office=office, name="Ana Lima"))

    html = client.get(article.get_absolute_url()).text

    assert "Ana Lima" in html
    assert "Closed office" not in html
    assert 'href="/contacts/closed-office/"' not in html


def test_related_news_share_a_programme_or_a_country(client):
    programme = ProgrammeFactory()
    article = ArticleFactory(countries=["BO"])
    article.programmes.add(programme)
    now = timezone.now()
    by_programme = ArticleFactory(published_at=now - timedelta(days=3))
    by_programme.programmes.add(programme)
    by_country = ArticleFactory(published_at=now - timedelta(days=2), countries=["BO"])
    by_other_country = ArticleFactory(
        published_at=now - timedelta(hours=1), countries=["PE"]
    )
    draft = ArticleFactory(status=Article.Status.DRAFT, countries=["BO"])
    older = ArticleFactory(published_at=now - timedelta(days=10), countries=["BO"])

    response = client.get(article.get_absolute_url())

    related = response.context["related_articles"]
    assert related == [by_country, by_programme, older]
    assert by_other_country not in related
    assert draft not in related
    assert f'href="{by_country.get_absolute_url()}"' in response.text


def test_related_news_fall_back_to_the_latest(client):
    now = timezone.now()
    article = ArticleFactory(countries=["BO"], published_at=now - timedelta(days=5))
    sharing = ArticleFactory(countries=["BO"], published_at=now - timedelta(days=9))
    latest = ArticleFactory(published_at=now - timedelta(hours=1))
    second = ArticleFactory(published_at=now - timedelta(hours=2))
    ArticleFactory(published_at=now - timedelta(hours=3))

    related = client.get(article.get_absolute_url()).context["related_articles"]

    assert related == [sharing, latest, second]
    assert article not in related


def test_detail_query_count_is_small(client, django_assert_max_num_queries):
    programme = ProgrammeFactory()
    article = ArticleFactory(countries=["BO"])
    article.programmes.add(programme)
    article.contacts.add(ContactFactory(), ContactFactory())
    for _ in range(5):
        ArticleFactory(countries=["BO"]).programmes.add(programme)

    # 6 for the page, 2 for the footer's offices and about pages, and 4 small
    # indexed ones for the page cache's schedule, read once after each change
    # of content (iomsite/publishing/cache.py).
    with django_assert_max_num_queries(12):
        assert client.get(article.get_absolute_url()).status_code == 200


# List


def test_list_hides_drafts_and_future_items(client):
    public = ArticleFactory()
    undated = ArticleFactory(published_at=None)
    draft_and_future()

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert list(response.context["article_list"]) == [public, undated]
    assert response.context["paginator"].count == 2
    assert "2 articles" in response.text
    assert "draft-item" not in response.text
    assert "future-item" not in response.text


@pytest.fixture
def catalogue():
    """Articles that differ in one filtered attribute at a time."""
    programme = ProgrammeFactory(slug="labour")
    other_programme = ProgrammeFactory(slug="health")
    items = {
        "base": ArticleFactory(
            title="Workers arrive",
            countries=["BO"],
            kind=Article.Kind.NEWS,
            language="en",
            published_at=aware(2023, 6, 1, 12),
        ),
        "country": ArticleFactory(
            countries=["PE"],
            kind=Article.Kind.NEWS,
            language="en",
            published_at=aware(2023, 6, 2, 12),
        ),
        "kind": ArticleFactory(
            countries=["BO"],
            kind=Article.Kind.STATEMENT,
            language="en",
            published_at=aware(2023, 6, 3, 12),
        ),
        "language": ArticleFactory(
            countries=["BO"],
            kind=Article.Kind.NEWS,
            language="es",
            published_at=aware(2023, 6, 4, 12),
        ),
        "year": ArticleFactory(
            countries=["BO"],
            kind=Article.Kind.NEWS,
            language="en",
            published_at=aware(2021, 6, 5, 12),
        ),
        "programme": ArticleFactory(
            countries=["BO"],
            kind=Article.Kind.NEWS,
            language="en",
            published_at=aware(2023, 6, 6, 12),
        ),
    }
    for key, article in items.items():
        article.programmes.add(other_programme if key == "programme" else programme)
    ArticleFactory(
        status=Article.Status.DRAFT,
        countries=["BO"],
        published_at=aware(2023, 6, 7, 12),
    ).programmes.add(programme)
    return items


def listed(response):
    return set(response.context["article_list"])


ALL_KEYS = {"base", "country", "kind", "language", "year", "programme"}


@pytest.mark.parametrize(
    ("query", "excluded"),
    [
        ("programme=labour", "programme"),
        ("country=BO", "country"),
        ("kind=news", "kind"),
        ("language=en", "language"),
        ("year=2023", "year"),
    ],
)
def test_each_filter_alone(client, catalogue, query, excluded):
    response = client.get(f"{LIST_URL}?{query}")

    assert response.status_code == 200
    assert not response.context["filter"].errors
    assert listed(response) == {catalogue[key] for key in ALL_KEYS - {excluded}}


def test_filters_combined(client, catalogue):
    response = client.get(
        LIST_URL,
        {
            "programme": "labour",
            "country": "BO",
            "kind": "news",
            "language": "en",
            "year": "2023",
        },
    )
    assert listed(response) == {catalogue["base"]}
    assert "1 article" in response.text


def test_two_filters_combined(client, catalogue):
    response = client.get(LIST_URL, {"country": "BO", "year": "2021"})
    assert listed(response) == {catalogue["year"]}


def test_empty_filter_values_filter_nothing(client, catalogue):
    response = client.get(
        LIST_URL,
        {
            "q": "",
            "programme": "",
            "country": "",
            "kind": "",
            "year": "",
            "language": "",
        },
    )
    assert listed(response) == set(catalogue.values())


def test_search_looks_in_title_summary_and_body(client):
    in_title = ArticleFactory(title="Climate displacement in the Andes")
    in_summary = ArticleFactory(summary="Drought and CLIMATE change.")
    in_body = ArticleFactory(body="<p>A climate report on the altiplano.</p>")
    ArticleFactory(title="Labour", summary="Other", body="<p>Other</p>")
    ArticleFactory(status=Article.Status.DRAFT, title="Climate draft")

    response = client.get(LIST_URL, {"q": "climate"})
    assert listed(response) == {in_title, in_summary, in_body}

    response = client.get(LIST_URL, {"q": "climate andes"})
    assert listed(response) == {in_title}


def test_search_combines_with_filters(client, catalogue):
    response = client.get(LIST_URL, {"q": "workers", "country": "BO"})
    assert listed(response) == {catalogue["base"]}
    response = client.get(LIST_URL, {"q": "workers", "country": "PE"})
    assert listed(response) == set()


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=2020.5",
        "year=0",
        "year=99999",
        "programme=nope",
        "country=XX",
        "country=B",
        "kind=null",
        "language=fr",
        "q=" + "x" * 300,
    ],
)
def test_invalid_filter_values_show_errors_and_no_list(client, catalogue, query):
    response = client.get(f"{LIST_URL}?{query}")

    assert response.status_code == 200
    assert response.context["filter"].errors
    assert list(response.context["article_list"]) == []
    assert "Some filters could not be applied" in response.text
    assert 'class="invalid-feedback' in response.text


def test_unpublished_programme_is_not_a_filter_choice(client, catalogue):
    ProgrammeFactory(slug="secret", is_published=False)
    response = client.get(LIST_URL, {"programme": "secret"})
    assert response.context["filter"].errors
    assert 'value="secret"' not in response.text


@pytest.fixture
def many_bolivian_news():
    start = timezone.now() - timedelta(days=1)
    articles = [
        ArticleFactory(countries=["BO"], published_at=start - timedelta(hours=n))
        for n in range(30)
    ]
    ArticleFactory(countries=["PE"])
    return articles


def test_pagination_keeps_the_filters(client, many_bolivian_news):
    response = client.get(LIST_URL, {"country": "BO", "kind": "news"})

    assert response.context["paginator"].count == 30
    assert list(response.context["article_list"]) == many_bolivian_news[:12]
    assert 'href="?country=BO&amp;kind=news&amp;page=2" rel="next"' in response.text
    assert 'href="?country=BO&amp;kind=news&amp;page=3">' in response.text

    response = client.get(LIST_URL, {"country": "BO", "kind": "news", "page": "2"})

    assert list(response.context["article_list"]) == many_bolivian_news[12:24]
    assert 'href="?country=BO&amp;kind=news&amp;page=1" rel="prev"' in response.text
    assert 'href="?country=BO&amp;kind=news&amp;page=3" rel="next"' in response.text


@pytest.mark.parametrize(
    ("page", "number"),
    [("999", 3), ("abc", 1), ("0", 3), ("-1", 3), ("", 1), ("last", 1)],
)
def test_odd_page_numbers_show_the_first_or_last_page(
    client, many_bolivian_news, page, number
):
    response = client.get(LIST_URL, {"country": "BO", "page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == number


def test_page_past_the_end_of_an_empty_list(client):
    response = client.get(LIST_URL, {"page": "5"})
    assert response.status_code == 200
    assert list(response.context["article_list"]) == []
    assert "No news matches these filters." in response.text


def test_empty_list_says_nothing_is_published(client):
    response = client.get(LIST_URL)
    assert "No news has been published yet." in response.text


def test_filter_form_is_a_labelled_get_form(client, catalogue):
    html = client.get(LIST_URL).text
    form = BeautifulSoup(html, "html.parser").find("form", id="article-filter")
    assert form["method"] == "get"
    assert form["role"] == "search"
    for name in ("q", "programme", "country", "kind", "year", "language"):
        assert form.find("label", attrs={"for": f"id_{name}"}).get_text(strip=True)
        assert form.find(attrs={"name": name})["id"] == f"id_{name}"
    assert form.find(attrs={"name": "csrfmiddlewaretoken"}) is None
    assert form.find("button", type="submit").get("name") is None
    # Only the countries that published articles name, by name.
    assert '<option value="BO">Bolivia' in html
    assert '<option value="PE">Peru</option>' in html
    assert '<option value="AR">' not in html


def test_list_query_count_does_not_grow_with_the_articles(client):
    programme = ProgrammeFactory(slug="growth")

    def count_queries(query):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST_URL, query).status_code == 200
        return len(queries)

    for _ in range(5):
        ArticleFactory(countries=["BO", "PE"]).programmes.add(programme)
    few = count_queries({})
    few_filtered = count_queries({"programme": "growth", "country": "BO"})
    for _ in range(25):
        ArticleFactory(countries=["BO", "PE"]).programmes.add(programme)
    many = count_queries({})
    many_filtered = count_queries({"programme": "growth", "country": "BO"})

    assert few == many
    assert few_filtered == many_filtered


def test_machine_dates_have_no_fraction_of_a_second(client, settings):
    settings.TIME_ZONE = "America/Argentina/Buenos_Aires"
    # HTML allows at most three digits; date:"c" would print six.
    published_at = aware(2024, 3, 12, 10, 30, 5, 123456)
    article = ArticleFactory(published_at=published_at)

    for url in (LIST_URL, article.get_absolute_url()):
        html = client.get(url).text
        assert '<time datetime="2024-03-12T10:30:05-0300">' in html


def test_cards_show_published_programmes_only(client):
    shown = ProgrammeFactory(title="Shown programme")
    hidden = ProgrammeFactory(title="Hidden programme", is_published=False)
    ArticleFactory().programmes.add(shown, hidden)

    html = client.get(LIST_URL).text

    assert "Shown programme" in html
    assert "Hidden programme" not in html


def test_spanish_list_links_stay_in_spanish(client):
    article = ArticleFactory(slug="en-bolivia", countries=["BO"])
    response = client.get("/es/news/")
    assert list(response.context["article_list"]) == [article]
    assert 'href="/es/news/en-bolivia/"' in response.text


# The latest_articles widget


def render_widget(source, **context):
    template = Template("{% load articles_tags %}" + source)
    return template.render(Context(context))


def test_latest_articles_widget_renders_cards():
    now = timezone.now()
    articles = [
        ArticleFactory(published_at=now - timedelta(hours=n)) for n in range(1, 5)
    ]
    ArticleFactory(status=Article.Status.DRAFT)

    html = render_widget("{% latest_articles 2 %}")

    assert html.count('<article class="card') == 2
    assert f'href="{articles[0].get_absolute_url()}"' in html
    assert f'href="{articles[1].get_absolute_url()}"' in html
    assert f'href="{articles[2].get_absolute_url()}"' not in html


def test_latest_articles_widget_by_programme_and_office():
    programme = ProgrammeFactory(slug="trafficking", title="Trafficking")
    office = OfficeFactory()
    of_programme = ArticleFactory()
    of_programme.programmes.add(programme)
    of_both = ArticleFactory()
    of_both.programmes.add(programme)
    of_both.offices.add(office)
    ArticleFactory()

    html = render_widget("{% latest_articles 5 programme=p %}", p=programme)
    assert html.count('<article class="card') == 2
    assert 'href="/news/?programme=trafficking">All news about Trafficking' in html

    html = render_widget(
        "{% latest_articles 5 programme=p office=o %}", p=programme, o=office
    )
    assert html.count('<article class="card') == 1
    assert f'href="{of_both.get_absolute_url()}"' in html

    by_slug = render_widget('{% latest_articles 5 programme="trafficking" %}')
    assert by_slug.count('<article class="card') == 2
    by_pk = render_widget("{% latest_articles 5 office=pk %}", pk=office.pk)
    assert by_pk.count('<article class="card') == 1


@pytest.mark.parametrize(
    ("source", "cards"),
    [
        ('{% latest_articles "2" %}', 2),
        ('{% latest_articles "many" %}', 3),
        ("{% latest_articles missing %}", 3),
        ("{% latest_articles -1 %}", 0),
        ("{% latest_articles %}", 3),
        ("{% latest_articles 4 programme=missing office=None %}", 4),
    ],
)
def test_latest_articles_widget_is_forgiving(source, cards):
    for _ in range(5):
        ArticleFactory()
    assert render_widget(source).count('<article class="card') == cards


def test_latest_articles_widget_when_empty():
    html = render_widget("{% latest_articles 3 %}")
    assert "No news has been published yet." in html
    assert "<article" not in html


def test_latest_articles_widget_queries_do_not_grow(django_assert_num_queries):
    programme = ProgrammeFactory()
    for _ in range(6):
        ArticleFactory().programmes.add(programme)
    # The articles, then their programmes.
    with django_assert_num_queries(2):
        render_widget("{% latest_articles 6 programme=p %}", p=programme)


@pytest.mark.django_db
def test_summary_is_not_repeated_when_the_body_opens_with_it(client):
    repeated = ArticleFactory(
        summary="Officials met in Lima.",
        body="<p>Officials met in Lima. They agreed on a plan.</p>",
    )
    distinct = ArticleFactory(
        summary="A plan against trafficking.",
        body="<p>Officials met in Lima. They agreed on a plan.</p>",
    )

    assert client.get(repeated.get_absolute_url()).context["show_summary"] is False
    response = client.get(distinct.get_absolute_url())
    assert response.context["show_summary"] is True
    assert '<p class="lead" lang="en">A plan against trafficking.</p>' in response.text
