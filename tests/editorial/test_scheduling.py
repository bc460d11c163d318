"""Scheduled articles go live, and leave, on their own: no background job."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from ..factories import ArticleFactory
from .test_publishing import article_data, form_errors, split

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # 12:00 in Buenos Aires


def test_published_follows_the_publication_and_unpublish_dates():
    article = ArticleFactory(published_at=NOON, unpublish_at=NOON + timedelta(days=2))
    second = timedelta(seconds=1)

    def published_at(moment):
        with time_machine.travel(moment, tick=False):
            return list(Article.objects.published()), article.is_published

    assert published_at(NOON - second) == ([], False)
    assert published_at(NOON) == ([article], True)
    assert published_at(NOON + timedelta(days=2) - second) == ([article], True)
    assert published_at(NOON + timedelta(days=2)) == ([], False)


def test_published_takes_an_explicit_time():
    scheduled = ArticleFactory(published_at=NOON)
    expired = ArticleFactory(
        published_at=NOON - timedelta(days=9), unpublish_at=NOON - timedelta(days=1)
    )

    assert list(Article.objects.published(NOON - timedelta(days=2))) == [expired]
    assert list(Article.objects.published(NOON)) == [scheduled]
    assert list(Article.objects.scheduled(NOON - timedelta(days=2))) == [scheduled]


def test_a_scheduled_article_appears_on_the_site_at_its_time(client):
    article = ArticleFactory(slug="elections", published_at=NOON)

    with time_machine.travel(NOON - timedelta(minutes=1), tick=False):
        early = client.get(reverse("articles:detail", args=["elections"]))
    with time_machine.travel(NOON + timedelta(minutes=1), tick=False):
        on_time = client.get(reverse("articles:detail", args=["elections"]))

    assert early.status_code == 404
    assert on_time.status_code == 200
    assert on_time.context["article"] == article


def test_an_article_past_its_unpublish_date_leaves_the_site(client):
    ArticleFactory(slug="campaign", unpublish_at=timezone.now() - timedelta(hours=1))
    kept = ArticleFactory(unpublish_at=timezone.now() + timedelta(hours=1))

    detail = client.get(reverse("articles:detail", args=["campaign"]))
    listing = client.get(reverse("articles:list"))

    assert detail.status_code == 404
    assert list(listing.context["article_list"]) == [kept]


def test_the_unpublish_date_must_follow_the_publication_date():
    article = ArticleFactory.build(published_at=NOON, unpublish_at=NOON)

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert error.value.message_dict == {
        "unpublish_at": ["The unpublish date must come after the publication date."]
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()


def test_the_admin_refuses_an_unpublish_date_before_publication(publisher_client):
    article = ArticleFactory()
    day_before = split(article.published_at - timedelta(days=1))

    response = publisher_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_data(
            article, unpublish_at_0=day_before[0], unpublish_at_1=day_before[1]
        ),
    )

    assert form_errors(response) == {
        "unpublish_at": ["The unpublish date must come after the publication date."]
    }


def test_the_changelist_says_when_scheduled_articles_go_live(admin_client):
    with time_machine.travel(NOON, tick=False):
        scheduled = ArticleFactory(published_at=NOON + timedelta(days=2, hours=3))
        live = ArticleFactory(published_at=NOON - timedelta(days=1))
        response = admin_client.get(reverse("admin:articles_article_changelist"))

    model_admin = response.context["cl"].model_admin
    with time_machine.travel(NOON, tick=False):
        assert model_admin.goes_live(scheduled) == "in 2\xa0days, 3\xa0hours"
        assert model_admin.goes_live(live) is None
    assert '<td class="field-goes_live">in 2\xa0days, 3\xa0hours</td>' in response.text


def test_the_change_form_shows_the_state_and_the_time_zone(admin_client):
    with time_machine.travel(NOON, tick=False):
        scheduled = ArticleFactory(published_at=NOON + timedelta(hours=5))
        leaving = ArticleFactory(
            published_at=NOON - timedelta(days=1), unpublish_at=NOON + timedelta(days=1)
        )
        expired = ArticleFactory(
            published_at=NOON - timedelta(days=3), unpublish_at=NOON - timedelta(days=1)
        )
        draft = ArticleFactory(status=Article.Status.DRAFT)
        states = {}
        for name, article in [
            ("scheduled", scheduled),
            ("leaving", leaving),
            ("expired", expired),
            ("draft", draft),
        ]:
            response = admin_client.get(
                reverse("admin:articles_article_change", args=[article.pk])
            )
            states[name] = response.context["adminform"].model_admin.publication_state(
                article
            )
        help_text = response.context["adminform"].form.fields["published_at"].help_text

    assert states == {
        "scheduled": "Scheduled: goes live in 5\xa0hours, on March 2, 2026, 5 p.m. "
        "(America/Argentina/Buenos_Aires).",
        "leaving": "Live: leaves the site in 1\xa0day, on March 3, 2026, noon "
        "(America/Argentina/Buenos_Aires).",
        "expired": "Unpublished on March 1, 2026, noon "
        "(America/Argentina/Buenos_Aires): visitors no longer see it.",
        "draft": "Draft: visitors cannot see it.",
    }
    assert help_text.endswith(
        "Times are in the site’s time zone, America/Argentina/Buenos_Aires."
    )
    assert '<div class="readonly">Draft: visitors cannot see it.</div>' in (
        response.text
    )


def test_the_visibility_filter(admin_client):
    now = timezone.now()
    live = ArticleFactory()
    scheduled = ArticleFactory(published_at=now + timedelta(days=1))
    expired = ArticleFactory(unpublish_at=now - timedelta(minutes=1))
    ArticleFactory(status=Article.Status.DRAFT)
    url = reverse("admin:articles_article_changelist")

    def listed(value):
        response = admin_client.get(url, {"visibility": value})
        return set(response.context["cl"].result_list)

    assert listed("live") == {live}
    assert listed("scheduled") == {scheduled}
    assert listed("expired") == {expired}
