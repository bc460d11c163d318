import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from iomsite.content.images import make_renditions, normalize_images, validate_image
from iomsite.content.problems import codes_of, object_problems
from iomsite.content.sanitize import clean_html
from iomsite.content.slugs import reserved_slug_errors


class ArticleQuerySet(models.QuerySet):
    def live(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(published_at__isnull=True) | Q(published_at__lte=now))

    def not_expired(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))

    def scheduled(self, now=None):
        """Published, but dated in the future: they go live on their own."""
        return self.live().filter(published_at__gt=now or timezone.now())

    def expired(self, now=None):
        """Published, but past their unpublish date: gone from the site."""
        return self.live().filter(unpublish_at__lte=now or timezone.now())

    def undated(self):
        """Published without a date: old pages marked "date unknown", which
        the dashboard lists for staff to date."""
        return self.live().filter(published_at__isnull=True)

    def published(self, now=None):
        """What visitors may see: published, not dated in the future and not
        past its unpublish date."""
        now = now or timezone.now()
        return self.live().due(now).not_expired(now)

    def with_translation(self, now=None):
        """Each article with the id, slug, title and language of its published
        translation (in the other language), or None: ``counterpart_id``…,
        read by ``Article.counterparts()`` without a query of its own."""
        translations = (
            Article.objects.published(now)
            .filter(translation_of=OuterRef("pk"))
            .exclude(language=OuterRef("language"))
            .order_by("language", "pk")
        )
        return self.annotate(
            **{
                f"counterpart_{name}": Subquery(translations.values(name)[:1])
                for name in TRANSLATION_FIELDS
            }
        )


# What ArticleQuerySet.with_translation() reads of an article's translation.
TRANSLATION_FIELDS = ("id", "slug", "title", "language")


@reversion.register()
class Article(models.Model):
    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press release")
        NEWS = "news", _("News")
        STATEMENT = "statement", _("Statement")
        FEATURE = "feature", _("Feature")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class DateSource(models.TextChoices):
        STATED = "stated", _("Stated on the page")
        DATELINE = "dateline", _("From the dateline")
        INFERRED = "inferred", _("Inferred")
        UNKNOWN = "unknown", _("Unknown")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")

    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Empty: publishing dates it with the time of publication (unless the "
            "date source is “Unknown”). A future date schedules the item."
        ),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish date"),
        null=True,
        blank=True,
        help_text=_("Optional: the article leaves the public site at this time."),
    )
    date_source = models.CharField(
        _("date source"),
        max_length=10,
        choices=DateSource.choices,
        default=DateSource.STATED,
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=100,
        blank=True,
        help_text=_("Place the story was filed from, for example “La Paz”."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_(
            "The same story in the other language, when this article translates "
            "it. Readers switching language go from one to the other."
        ),
    )
    image = models.ImageField(
        _("image"),
        upload_to="articles/%Y/%m/",
        blank=True,
        validators=[validate_image],
        help_text=_("A JPEG, PNG or WebP photo, at most 10 MB and 8000 pixels a side."),
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=300,
        blank=True,
        help_text=_("Required with an image, unless it is decorative: what it shows."),
    )
    image_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_(
            "Tick when the image adds nothing to the text: screen readers then "
            "skip it, and it needs no alt text."
        ),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    programmes = models.ManyToManyField(
        "programmes.Programme",
        verbose_name=_("programmes"),
        blank=True,
        related_name="articles",
    )
    offices = models.ManyToManyField(
        "contacts.Office",
        verbose_name=_("offices"),
        blank=True,
        related_name="articles",
    )
    contacts = models.ManyToManyField(
        "contacts.Contact",
        verbose_name=_("contacts"),
        blank=True,
        related_name="articles",
        help_text=_("The “for more information” people."),
    )
    correction = models.TextField(
        _("correction"),
        blank=True,
        help_text=_(
            "A note shown under the article when a published fact was corrected: "
            "what was wrong and what is right now."
        ),
    )
    corrected_at = models.DateTimeField(
        _("correction date"),
        null=True,
        blank=True,
        help_text=_("Set when the correction is first saved; shown with it."),
    )
    source = models.CharField(
        _("legacy source"),
        max_length=500,
        blank=True,
        help_text=_("Address or path of the old page this item was imported from."),
    )
    content_problems = models.CharField(
        _("content problems"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The codes of the content checks the body fails, set on save."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, unpublish and schedule articles")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source"], condition=~Q(source=""), name="article_unique_source"
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(unpublish_at__gt=F("published_at")),
                name="article_unpublish_after_publication",
                violation_error_message=_(
                    "The unpublish date must come after the publication date."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status="published", published_at__isnull=True)
                | Q(date_source="unknown"),
                name="article_undated_only_when_unknown",
                violation_error_message=_(
                    "A published article needs a publication date, unless its "
                    "date source is “Unknown”."
                ),
            ),
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                name="article_one_translation_per_language",
                violation_error_message=_(
                    "That article already has a translation in this language."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"], name="article_status_date"),
            # Few articles fail: the dashboard counts them from this index.
            models.Index(
                fields=["content_problems"],
                condition=~Q(content_problems=""),
                name="article_content_problems",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.date_publication()
        if not self.correction.strip():
            self.corrected_at = None
        elif self.corrected_at is None:
            self.corrected_at = timezone.now()
        self.body = clean_html(self.body)
        self.content_problems = codes_of(object_problems(self))
        uploaded = normalize_images(self, "image")
        super().save(*args, **kwargs)
        if uploaded:
            make_renditions(self, "image", "wide")

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        self.date_publication()
        errors = reserved_slug_errors(self)
        if self.image and not self.image_decorative and not self.image_alt.strip():
            errors["image_alt"] = _(
                "Describe the image for people who cannot see it, or tick "
                "“decorative image”."
            )
        if (
            self.published_at
            and self.unpublish_at
            and self.unpublish_at <= self.published_at
        ):
            errors["unpublish_at"] = _(
                "The unpublish date must come after the publication date."
            )
        errors.update(self.translation_errors())
        if errors:
            raise ValidationError(errors)

    def date_publication(self, now=None):
        """The publishing rule, for every path that publishes (the form, the
        list's action, the importer, the API): a published article without a
        date is dated with the time of publication, unless its date is marked
        unknown (an old page). An explicit date is kept. Returns whether it
        dated the article."""
        if (
            self.status == self.Status.PUBLISHED
            and self.published_at is None
            and self.date_source != self.DateSource.UNKNOWN
        ):
            self.published_at = now or timezone.now()
            return True
        return False

    def translation_errors(self):
        """What is wrong with ``translation_of``: a pair is an original and
        its translation, in two different languages."""
        original = self.translation_of
        if original is None:
            if self.pk is None:
                return {}
            clash = self.translations.filter(language=self.language).first()
            if clash:
                return {
                    "language": _(
                        "“%(title)s”, a translation of this article, is in this "
                        "language already."
                    )
                    % {"title": clash.title}
                }
            return {}
        if self.pk is not None and original.pk == self.pk:
            message = _("An article cannot be a translation of itself.")
        elif original.language == self.language:
            message = _(
                "Choose an article in the other language: “%(title)s” is in the "
                "same language as this one."
            ) % {"title": original.title}
        elif original.translation_of_id is not None:
            message = _(
                "“%(title)s” is itself a translation: choose the article it translates."
            ) % {"title": original.title}
        elif self.pk is not None and self.translations.exists():
            message = _(
                "Other articles are translations of this one, so it cannot be a "
                "translation itself."
            )
        else:
            return {}
        return {"translation_of": message}

    def translation(self, language):
        """This article in ``language``: itself when it is written in it, else
        the published other half of its translation pair, else None."""
        if self.language == language:
            return self
        return self.counterparts().get(language)

    def counterparts(self):
        """{language: article} of the published other half of its translation
        pair: the original it translates, or its translation. The site has two
        languages, so there is one at most."""
        if self.translation_of_id is not None:
            original = self.translation_of
            if original.language != self.language and original.is_published:
                return {original.language: original}
            return {}
        if hasattr(self, "counterpart_id"):
            # Annotated by ArticleQuerySet.with_translation(): an article with
            # only these fields loaded, as .only() would give.
            if self.counterpart_id is None:
                return {}
            names = [
                field.attname
                for field in Article._meta.concrete_fields
                if field.attname in TRANSLATION_FIELDS
            ]
            values = [getattr(self, f"counterpart_{name}") for name in names]
            other = Article.from_db(self._state.db, names, values)
            return {other.language: other}
        translations = (
            Article.objects.published()
            .filter(translation_of=self)
            .exclude(language=self.language)
        )
        return {other.language: other for other in translations}

    @property
    def is_published(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and (self.published_at is None or self.published_at <= now)
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def checked_bodies(self):
        """What iomsite.content.problems checks: (field, level of the heading
        the field sits under on the page)."""
        return [("body", 1)]

    @property
    def image_alt_text(self):
        """The alt attribute: empty for a decorative image."""
        return "" if self.image_decorative else self.image_alt
