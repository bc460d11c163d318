from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iomsite.content.sanitize import clean_html_fields


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Page(models.Model):
    """A page about the office that staff write in the admin: "About us", the
    accessibility statement, privacy, terms of use. Published pages are
    linked from every page's footer."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The page's address: /about/ for “about”, /about/SLUG/ else."),
    )
    body = models.TextField(_("body"), blank=True)
    order = models.PositiveSmallIntegerField(_("order in the footer"), default=100)
    is_published = models.BooleanField(_("published"), default=False)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("about page")
        verbose_name_plural = _("about pages")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Every language's text, cleaned as the articles' are.
        clean_html_fields(self, "body")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.slug == ABOUT:
            return reverse("pages:about")
        return reverse("pages:detail", kwargs={"slug": self.slug})


ABOUT = "about"
