import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from iomsite.content.images import picture_for
from programmes.models import Programme
from tests.factories import (
    ArticleFactory,
    ContactFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammeFactory(
        title="Labour mobility",
        slug="labour-mobility",
        summary="Fair and safe ways to work abroad.",
        body="<p>How <strong>it</strong> works.</p>",
    )


@pytest.fixture
def draft():
    return ProgrammeFactory(title="Secret plan", slug="secret-plan", is_published=False)


def test_list_shows_published_programmes_in_display_order(client, draft):
    Programme.objects.all().delete()
    second = ProgrammeFactory(slug="second", order=20, summary="Second summary.")
    first = ProgrammeFactory(slug="first", order=10)
    hidden = ProgrammeFactory(slug="hidden", is_published=False)

    response = client.get(reverse("programmes:list"))

    assert response.status_code == 200
    assert list(response.context["programmes"]) == [first, second]
    assert response.text.index('href="/programmes/first/"') < response.text.index(
        'href="/programmes/second/"'
    )
    assert "Second summary." in response.text
    assert f'href="{hidden.get_absolute_url()}"' not in response.text


def test_list_shows_the_image_with_its_alt_text(client):
    programme = ProgrammeFactory(
        image=make_image_file("field.jpg"), image_alt="A health worker in Lima"
    )

    response = client.get(reverse("programmes:list"))

    picture = picture_for(programme.image)  # renditions of the image
    assert f'<img src="{picture.src}" srcset="{picture.srcset}"' in response.text
    assert 'alt="A health worker in Lima" class="card-img-top"' in response.text


def test_detail_shows_title_summary_and_body(client, programme):
    response = client.get(programme.get_absolute_url())

    assert response.status_code == 200
    assert response.context["programme"] == programme
    assert "<h1>Labour mobility</h1>" in response.text
    assert "Fair and safe ways to work abroad." in response.text
    assert "<p>How <strong>it</strong> works.</p>" in response.text
    assert "<title>Labour mobility ·" in response.text
    assert 'content="Fair and safe ways to work abroad."' in response.text


def test_detail_title_is_escaped(client):
    programme = ProgrammeFactory(title="<b>Bold</b> plan")

    response = client.get(programme.get_absolute_url())

    assert "<h1>&lt;b&gt;Bold&lt;/b&gt; plan</h1>" in response.text


def test_detail_shows_image_with_alt(client, programme):
    programme.image = make_image_file("camp.jpg")
    programme.image_alt = "Tents in a camp"
    programme.save()

    response = client.get(programme.get_absolute_url())

    picture = picture_for(programme.image)  # renditions of the image
    assert f'<img src="{picture.src}" srcset="{picture.srcset}"' in response.text
    assert 'alt="Tents in a camp" loading="eager"' in response.text


def test_detail_links_the_public_offices_where_it_runs(client, programme):
    lima = OfficeFactory(name="IOM Peru", slug="iom-peru")
    hidden = OfficeFactory(slug="iom-hidden", is_public=False)
    programme.offices.add(lima, hidden)

    response = client.get(programme.get_absolute_url())

    assert list(response.context["offices"]) == [lima]
    assert 'href="/contacts/iom-peru/"' in response.text
    assert 'href="/contacts/iom-hidden/"' not in response.text


def test_detail_lists_public_focal_points_only(client, programme):
    office = OfficeFactory(name="IOM Chile", slug="iom-chile")
    focal = ContactFactory(
        name="Ana Quispe",
        role="Programme officer",
        office=office,
        email="aquispe@iom.int",
        phone="+56 2 2963 3710",
    )
    private = ContactFactory(
        name="Pía Reserved",
        email="pia@iom.int",
        phone="+56 2 0000 0000",
        show_email=False,
        show_phones=False,
    )
    hidden = ContactFactory(name="Hugo Hidden", is_public=False)
    programme.focal_points.add(focal, private, hidden)

    response = client.get(programme.get_absolute_url())

    assert list(response.context["focal_points"]) == [focal, private]
    assert "Programme officer" in response.text
    assert 'href="/contacts/iom-chile/"' in response.text
    assert 'href="mailto:aquispe@iom.int"' in response.text
    assert 'href="tel:+56229633710"' in response.text
    assert f'id="contact-{private.pk}"' in response.text
    assert 'href="mailto:pia@iom.int"' not in response.text
    assert 'href="tel:+56200000000"' not in response.text
    assert f'id="contact-{hidden.pk}"' not in response.text
    assert "Hugo Hidden" not in response.text


def test_detail_lists_the_programme_published_news(client, programme):
    news = ArticleFactory(slug="fair-recruitment")
    news.programmes.add(programme)
    draft_news = ArticleFactory(slug="draft-news", status=Article.Status.DRAFT)
    draft_news.programmes.add(programme)
    ArticleFactory(slug="other-news")

    response = client.get(programme.get_absolute_url())

    assert list(response.context["articles"]) == [news]
    assert 'href="/news/fair-recruitment/"' in response.text
    assert 'href="/news/draft-news/"' not in response.text
    assert 'href="/news/other-news/"' not in response.text


def test_unpublished_programme_is_not_found_for_visitors(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_unpublished_programme_is_not_found_for_staff_without_permission(client, draft):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(user)

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_staff_with_permission_preview_with_a_banner(client, draft):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_programme"))
    client.force_login(user)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert response.context["programme"] == draft
    assert 'class="preview-banner py-2" role="status"' in response.text
    assert f'href="/admin/programmes/programme/{draft.pk}/change/"' in response.text
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_published_programme_has_no_banner_for_staff(admin_client, programme):
    response = admin_client.get(programme.get_absolute_url())

    assert "preview-banner" not in response.text
    assert "no-store" not in response.get("Cache-Control", "")


def test_drafts_stay_out_of_the_list_even_for_staff(admin_client, draft):
    response = admin_client.get(reverse("programmes:list"))

    assert draft not in response.context["programmes"]


def test_detail_query_count_does_not_grow(client, programme):
    def add_related(count):
        for _ in range(count):
            office = OfficeFactory()
            programme.offices.add(office)
            programme.focal_points.add(ContactFactory(office=office))
            ArticleFactory().programmes.add(programme)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(programme.get_absolute_url()).status_code == 200
        return len(queries)

    add_related(5)
    few = count_queries()
    add_related(25)

    assert count_queries() == few


def test_list_query_count_does_not_grow(client):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("programmes:list")).status_code == 200
        return len(queries)

    ProgrammeFactory.create_batch(5)
    few = count_queries()
    ProgrammeFactory.create_batch(25)

    assert count_queries() == few
