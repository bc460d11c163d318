from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iomsite.sanitize import clean_html


class ProgrammeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Programme(models.Model):
    title = models.CharField(_("title"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    body = models.TextField(_("body"), blank=True)
    image = models.ImageField(_("image"), upload_to="programmes/%Y/%m/", blank=True)
    image_alt = models.CharField(_("image alt text"), max_length=200, blank=True)
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
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )
