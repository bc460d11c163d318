import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from iomsite.content.freshness import Reviewed, ReviewQuerySet, review_interval_field
from iomsite.content.images import make_renditions, normalize_images, validate_image
from iomsite.content.problems import codes_of, object_problems
from iomsite.content.sanitize import clean_html_fields
from iomsite.content.slugs import reserved_slug_errors
from iomsite.content.text import clean_text_fields


class ProgrammeQuerySet(ReviewQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_text_of(self, office):
        """Each programme with ``texts_of_office``: a list holding the
        office's own text about it, or empty; one more query for them all."""
        return self.prefetch_related(
            Prefetch(
                "office_texts",
                queryset=OfficeProgrammeText.objects.filter(office=office),
                to_attr="texts_of_office",
            )
        )


@reversion.register()
class Programme(Reviewed):
    title = models.CharField(_("title"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    body = models.TextField(_("body"), blank=True)
    image = models.ImageField(
        _("image"),
        upload_to="programmes/%Y/%m/",
        blank=True,
        validators=[validate_image],
        help_text=_("A JPEG, PNG or WebP photo, at most 10 MB and 8000 pixels a side."),
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=200,
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
    offices = models.ManyToManyField(
        "contacts.Office",
        verbose_name=_("offices"),
        blank=True,
        related_name="programmes",
        help_text=_("Offices where the programme runs."),
    )
    focal_points = models.ManyToManyField(
        "contacts.Contact",
        verbose_name=_("focal points"),
        blank=True,
        related_name="programmes",
    )
    order = models.PositiveSmallIntegerField(_("display order"), default=100)
    is_published = models.BooleanField(_("published"), default=True)
    content_problems = models.CharField(
        _("content problems"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The codes of the content checks the bodies fail, set on save."),
    )
    review_interval = review_interval_field(12)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        # By the English title in both languages: a Spanish title may be empty.
        ordering = ["order", "title_en"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        permissions = [("publish_programme", _("Can publish and unpublish programmes"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        clean_text_fields(self)
        # In English whatever the active language, so that the untranslated
        # columns (which the search indexes cover) keep the English text.
        with translation.override(settings.LANGUAGE_CODE):
            clean_html_fields(self, "body")
            self.content_problems = codes_of(object_problems(self))
            uploaded = normalize_images(self, "image")
            super().save(*args, **kwargs)
        if uploaded:
            make_renditions(self, "image", "wide")

    def get_absolute_url(self):
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = reserved_slug_errors(self)
        if self.image and not self.image_decorative and not self.image_alt.strip():
            errors["image_alt"] = _(
                "Describe the image for people who cannot see it, or tick "
                "“decorative image”."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def checked_bodies(self):
        """What iomsite.content.problems checks: (field, level of the heading
        the field sits under on the page)."""
        return [(f"body_{code}", 1) for code, _name in settings.LANGUAGES]

    @property
    def image_alt_text(self):
        """The alt attribute: empty for a decorative image."""
        return "" if self.image_decorative else self.image_alt


# An office's versions include these texts, edited on the office's page
# (contacts.models.Office follows them).
@reversion.register()
class OfficeProgrammeText(models.Model):
    """What one office does in one programme, in its own words: the office
    page shows it in place of the programme's summary."""

    office = models.ForeignKey(
        "contacts.Office",
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        related_name="programme_texts",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="office_texts",
    )
    body = models.TextField(
        _("the office’s text"),
        blank=True,
        help_text=_(
            "What the office does in this programme, shown on the office’s page "
            "in place of the programme’s summary."
        ),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["programme__order", "programme__title_en", "pk"]
        verbose_name = _("office’s text about a programme")
        verbose_name_plural = _("offices’ texts about programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "programme"], name="office_programme_text_unique"
            ),
        ]

    def __str__(self):
        return f"{self.office}: {self.programme}"

    def save(self, *args, **kwargs):
        clean_text_fields(self)
        # In English whatever the active language, as Programme.save().
        with translation.override(settings.LANGUAGE_CODE):
            clean_html_fields(self, "body")
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.office.get_absolute_url()}#programme-{self.programme.slug}"

    def clean(self):
        if not any(
            getattr(self, f"body_{code}", None) for code, _name in settings.LANGUAGES
        ):
            raise ValidationError(
                {"body": _("Write the text in at least one language.")}
            )


@receiver(pre_delete, sender=Programme, dispatch_uid="protect_programme_with_articles")
def protect_programme_with_articles(sender, instance, **kwargs):
    """Articles link to programmes through a many-to-many relation, which
    Django would silently unlink: refuse instead, as ``on_delete=PROTECT`` does."""
    articles = list(instance.articles.all())
    if articles:
        message = ngettext(
            "The programme “%(programme)s” is used by %(count)d article.",
            "The programme “%(programme)s” is used by %(count)d articles.",
            len(articles),
        ) % {"programme": instance, "count": len(articles)}
        raise models.ProtectedError(message, set(articles))
