from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article

from ..factories import ArticleFactory, make_image_file

pytestmark = pytest.mark.django_db

DRAFT = Article.Status.DRAFT
PUBLISHED = Article.Status.PUBLISHED


def test_published_at_its_boundaries():
    now = timezone.now().replace(microsecond=0)
    draft = ArticleFactory(status=DRAFT, published_at=now - timedelta(days=1))
    future = ArticleFactory(published_at=now + timedelta(seconds=1))
    at_now = ArticleFactory(published_at=now)
    past = ArticleFactory(published_at=now - timedelta(days=400))
    undated = ArticleFactory(published_at=None)
    undated_draft = ArticleFactory(status=DRAFT, published_at=None)

    published = set(Article.objects.published(now=now))

    assert published == {at_now, past, undated}
    assert draft not in published
    assert future not in published
    assert undated_draft not in published


def test_published_defaults_to_the_current_time():
    visible = ArticleFactory(published_at=timezone.now() - timedelta(seconds=1))
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(minutes=5))

    assert list(Article.objects.published()) == [visible]
    assert scheduled.is_published is False
    assert visible.is_published is True


def test_is_published_property_matches_the_queryset():
    cases = [
        ArticleFactory(status=DRAFT),
        ArticleFactory(status=DRAFT, published_at=None),
        ArticleFactory(published_at=None),
        ArticleFactory(published_at=timezone.now() + timedelta(days=1)),
        ArticleFactory(),
    ]
    published = set(Article.objects.published())
    for article in cases:
        assert article.is_published is (article in published)


def test_ordering_puts_undated_items_last():
    undated = ArticleFactory(published_at=None)
    old = ArticleFactory(published_at=timezone.now() - timedelta(days=30))
    new = ArticleFactory(published_at=timezone.now() - timedelta(days=1))

    assert list(Article.objects.published()) == [new, old, undated]


def test_body_is_cleaned_on_save():
    article = ArticleFactory(
        body='<p onclick="steal()">Hi<script>alert(1)</script></p>'
    )
    article.refresh_from_db()
    assert article.body == "<p>Hi</p>"


def test_image_needs_alt_text():
    article = ArticleFactory.build(image=make_image_file(), image_alt=" ")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "image_alt" in error.value.message_dict


def test_str_and_absolute_url():
    article = ArticleFactory(title="Migrants in La Paz", slug="migrants-la-paz")
    assert str(article) == "Migrants in La Paz"
    assert article.get_absolute_url() == "/news/migrants-la-paz/"
