import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from iomsite.content.images import make_renditions, normalize_images, validate_image
from iomsite.content.problems import codes_of, object_problems
from iomsite.content.sanitize import clean_html
from iomsite.content.slugs import reserved_slug_errors
from iomsite.content.text import clean_text_fields


class ArticleQuerySet(models.QuerySet):
    def live(self):
        return self.filter(status=Article.Status.PUBLISHED, needs_translation=False)

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
        """What visitors may see: published, not dated in the future, not past
        its unpublish date, and not a copy waiting for its translation."""
        now = now or timezone.now()
        return self.live().due(now).not_expired(now)

    def with_translation(self, now=None):
        """Each article with the published articles of its translation group,
        read by ``Article.counterparts()`` without a query of its own: one
        query for the whole list."""
        translations = Article.objects.published(now).only(
            *TRANSLATION_FIELDS, "translation_group"
        )
        return self.select_related("translation_group").prefetch_related(
            models.Prefetch(
                "translation_group__articles",
                queryset=translations,
                to_attr="published_articles",
            )
        )


# What ArticleQuerySet.with_translation() reads of an article's translations.
TRANSLATION_FIELDS = ("id", "slug", "title", "language")


class TranslationGroup(models.Model):
    """The same story in several languages: at most one article per language
    (``Article.translation_group``). Readers switching language go from one
    article of the group to another."""

    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("translation group")
        verbose_name_plural = _("translation groups")

    def __str__(self):
        return _("Translation group %(id)s") % {"id": self.pk}


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
        PORTUGUESE = "pt", _("Portuguese")

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
    translation_group = models.ForeignKey(
        TranslationGroup,
        verbose_name=_("translation group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_(
            "The same story in other languages: readers switching language go "
            "from one to another."
        ),
    )
    needs_translation = models.BooleanField(
        _("needs translation"),
        default=False,
        help_text=_(
            "A copy started from another language, still to be translated: it "
            "is never shown to visitors until this box is cleared."
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
                fields=["translation_group", "language"],
                name="article_one_translation_per_language",
                violation_error_message=_(
                    "The translation group already has an article in this language."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"], name="article_status_date"),
            # The sitemap's date: the newest change, read from the end.
            models.Index(fields=["updated"], name="article_updated"),
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
        clean_text_fields(self)
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

    def translation(self, language):
        """This article in ``language``: itself when it is written in it, else
        the published article of its translation group in that language, else
        None."""
        if self.language == language:
            return self
        return self.counterparts().get(language)

    def counterparts(self):
        """{language: article} of the other published articles of its
        translation group, in the order of settings.LANGUAGES."""
        if self.translation_group_id is None:
            return {}
        group = (
            self.translation_group
            if Article.translation_group.is_cached(self)
            else None
        )
        if group is not None and hasattr(group, "published_articles"):
            # Prefetched by ArticleQuerySet.with_translation().
            others = group.published_articles
        else:
            others = Article.objects.published().filter(
                translation_group_id=self.translation_group_id
            )
        found = {
            other.language: other
            for other in others
            if other.pk != self.pk and other.language != self.language
        }
        return {
            code: found[code] for code, _name in settings.LANGUAGES if code in found
        }

    @property
    def is_published(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and not self.needs_translation
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
