from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article
from contacts.models import Contact, Office
from iomsite.demo.generator import GENERATED_EMAIL_DOMAIN
from iomsite.demo.vocabulary import COUNTRIES
from programmes.models import OfficeProgrammeText, Programme

from ..factories import ArticleFactory, ContactFactory, OfficeFactory

pytestmark = pytest.mark.django_db


def generate(**options):
    stdout = StringIO()
    call_command("generate_content", stdout=stdout, **options)
    return stdout.getvalue()


def test_creates_marked_articles_offices_and_contacts():
    output = generate(articles=400, seed=3)

    articles = Article.objects.all()
    assert articles.count() == 400
    assert not articles.exclude(source__startswith="generated:article:").exists()
    assert len(set(articles.values_list("slug", flat=True))) == 400
    assert set(articles.values_list("language", flat=True)) == {"en", "es"}
    offices = Office.objects.all()
    assert set(offices.values_list("country", flat=True)) == set(COUNTRIES)
    assert offices.filter(kind=Office.Kind.REGIONAL).count() == 1
    assert offices.count() == len(COUNTRIES) + 1
    assert not offices.exclude(source__startswith="generated:office:").exists()
    assert not Contact.objects.exclude(
        email__endswith=f"@{GENERATED_EMAIL_DOMAIN}"
    ).exists()
    assert output.startswith("Generated 400 articles (")


def test_content_is_spread_like_a_real_site():
    generate(articles=400, seed=3)
    now = timezone.now()
    articles = Article.objects.all()

    dated = articles.exclude(published_at=None)
    oldest = dated.order_by("published_at").first().published_at
    assert oldest < now - timedelta(days=365 * 15)
    assert articles.filter(published_at=None).exists()
    assert articles.filter(status=Article.Status.DRAFT).exists()
    assert articles.filter(
        status=Article.Status.PUBLISHED, published_at__gt=now
    ).exists()
    assert 0 < Article.objects.published().count() < 400
    used = Programme.objects.filter(articles__isnull=False).distinct()
    assert used.count() == Programme.objects.count() > 0
    countries = {
        code
        for value in articles.values_list("countries", flat=True)
        for code in value.split(",")
    }
    assert countries == set(COUNTRIES)


def test_generated_pages_render(client):
    generate(articles=30, seed=5)
    article = Article.objects.published().first()
    office = Office.objects.first()
    assert client.get("/news/").status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(office.get_absolute_url()).status_code == 200


def test_offices_have_their_own_texts_in_every_language(client):
    generate(articles=0, seed=3)
    texts = OfficeProgrammeText.objects.select_related("office", "programme")
    count = texts.count()

    assert 0 < count < Programme.offices.through.objects.count()
    for text in texts:
        assert text.programme.offices.filter(pk=text.office_id).exists()
        assert all((text.body_en, text.body_es, text.body_pt))
    text = texts.filter(programme__is_published=True).first()
    url = text.office.get_absolute_url()
    for prefix, body in (
        ("", text.body_en),
        ("/es", text.body_es),
        ("/pt", text.body_pt),
    ):
        response = client.get(f"{prefix}{url}")
        [shown] = [p for p in response.context["programmes"] if p == text.programme]
        assert shown.office_text == text
        assert body in response.content.decode()
    generate(articles=0, seed=3)
    assert OfficeProgrammeText.objects.count() == count


def test_the_same_seed_gives_the_same_content():
    generate(articles=25, seed=11)
    first = list(Article.objects.order_by("source").values_list("title", "slug"))
    generate(articles=25, seed=11, clear=True)
    second = list(Article.objects.order_by("source").values_list("title", "slug"))
    assert first == second
    generate(articles=25, seed=12, clear=True)
    assert list(Article.objects.order_by("source").values_list("title", "slug")) != (
        first
    )


def test_a_second_run_adds_articles_and_reuses_offices_and_contacts():
    generate(articles=20, seed=1)
    contacts = Contact.objects.count()
    generate(articles=20, seed=1)
    assert Article.objects.count() == 40
    assert Office.objects.count() == len(COUNTRIES) + 1
    assert Contact.objects.count() == contacts


@pytest.mark.parametrize(
    "make_real",
    [
        lambda: ArticleFactory(source=""),
        lambda: OfficeFactory(),
        lambda: ContactFactory(office=None),
    ],
    ids=["article", "office", "contact"],
)
def test_refuses_a_database_with_real_content(make_real):
    make_real()
    before = Article.objects.count()
    with pytest.raises(CommandError, match="holds real content .* use --force"):
        generate(articles=10)
    assert Article.objects.count() == before
    assert not Office.objects.filter(source__startswith="generated:").exists()


def test_force_adds_beside_real_content_and_clear_keeps_it():
    real = ArticleFactory(title="A real article")
    real_office = OfficeFactory(name="IOM Bolivia")

    generate(articles=10, force=True)
    assert Article.objects.count() == 11
    assert Office.objects.filter(name="IOM Bolivia (generated)").exists()

    generate(articles=0, force=True, clear=True)
    assert list(Article.objects.all()) == [real]
    assert real_office in Office.objects.all()


def test_a_negative_number_is_refused():
    with pytest.raises(CommandError, match="--articles must be zero or more"):
        generate(articles=-1)
