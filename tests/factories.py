"""Test data made through the real models (factory_boy)."""

import io
import random
from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from articles.models import Article, TranslationGroup
from contacts.models import Contact, KeyFigure, Office
from programmes.models import OfficeProgrammeText, Programme


def make_image_file(name="photo.jpg", size=(64, 48), image_format="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 51, 160)).save(buffer, format=image_format)
    content_type = f"image/{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_photo(size=(1600, 900), seed=1):
    """A picture that compresses like a photo, the same for the same seed:
    detail at every scale (noise upscaled from 3 to 384 cells, each octave
    weaker, as natural images' spectra fall), a sky's gradient, objects with
    sharp edges, a slight blur and grain."""
    rng = random.Random(seed)
    width, height = size
    clouds, total = None, 0
    for octave, cells in enumerate((3, 6, 12, 24, 48, 96, 192, 384)):
        cells_high = max(2, cells * height // width)
        noise = Image.frombytes(
            "RGB", (cells, cells_high), rng.randbytes(3 * cells * cells_high)
        ).resize(size, Image.Resampling.BICUBIC)
        weight = 1 / (octave + 1)
        total += weight
        clouds = noise if clouds is None else Image.blend(clouds, noise, weight / total)
    sky = ImageOps.colorize(
        Image.linear_gradient("L").resize(size), (120, 170, 255), (40, 60, 30)
    )
    photo = Image.blend(ImageOps.autocontrast(clouds, cutoff=1), sky, 0.35)
    draw = ImageDraw.Draw(photo)
    for _ in range(25):
        x, y = rng.randrange(width), rng.randrange(height // 3, height)
        r = rng.randrange(width // 80, width // 10)
        colour = tuple(rng.randrange(256) for _ in range(3))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x - r, y - r, x + r, y + r // 2), fill=colour)
    photo = photo.filter(ImageFilter.GaussianBlur(1.2))
    grain = Image.frombytes("L", size, rng.randbytes(width * height)).convert("RGB")
    return Image.blend(photo, grain, 0.04)


def make_photo_file(name="photo.jpg", size=(1600, 900), seed=1):
    buffer = io.BytesIO()
    make_photo(size, seed).save(buffer, format="JPEG", quality=90)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"IOM Office {n}")
    slug = factory.Sequence(lambda n: f"iom-office-{n}")
    kind = Office.Kind.COUNTRY
    country = "BO"
    city = "La Paz"
    phones = "+591 2 278 7000"
    email = factory.Sequence(lambda n: f"office{n}@iom.int")


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyFigure

    office = factory.SubFactory(OfficeFactory)
    label = "International migrants"
    value = "1.2"
    unit = "million"
    year = 2020
    source_name = "UN DESA"
    source_url = "https://www.un.org/development/desa/pd/"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    name = factory.Sequence(lambda n: f"Contact Person {n}")
    role = "Communications officer"
    office = factory.SubFactory(OfficeFactory)
    phone = "+591 2 278 7000"
    email = factory.Sequence(lambda n: f"person{n}@iom.int")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    summary = "What the programme does."
    body = "<p>How the programme works.</p>"


class OfficeProgrammeTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeProgrammeText

    office = factory.SubFactory(OfficeFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    body = "<p>What the office does in the programme.</p>"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    kind = Article.Kind.NEWS
    title = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-item-{n}")
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    # Published undated only as an old page whose date is unknown (the
    # publishing rule would date it otherwise).
    date_source = factory.LazyAttribute(
        lambda article: (
            Article.DateSource.UNKNOWN
            if article.published_at is None
            and article.status == Article.Status.PUBLISHED
            else Article.DateSource.STATED
        )
    )
    summary = "A short summary."
    body = "<p>The body of the news item.</p>"
    language = Article.Language.ENGLISH

    @factory.post_generation
    def translation_of(article, create, original):
        """``translation_of=original``: the article joins the translation
        group of ``original`` (made when it has none)."""
        if original is None:
            return
        join_group(original, article, save=create)


def join_group(*articles, save=True):
    """The articles in one translation group: the first one's, or a new one."""
    group_id = articles[0].translation_group_id
    if group_id is None:
        group_id = TranslationGroup.objects.create().pk
    for article in articles:
        article.translation_group_id = group_id
        if save:
            article.save(update_fields=["translation_group"])
    return group_id
