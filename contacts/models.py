import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField

from iomsite.content.freshness import Reviewed, ReviewQuerySet, review_interval_field
from iomsite.content.images import make_renditions, normalize_images, validate_image
from iomsite.content.problems import codes_of, object_problems
from iomsite.content.sanitize import clean_html_fields
from iomsite.content.slugs import reserved_slug_errors
from iomsite.content.text import clean_text_fields


def split_phones(phones):
    return [
        number.strip()
        for number in phones.replace(";", ",").split(",")
        if number.strip()
    ]


class OfficeQuerySet(ReviewQuerySet):
    def published(self):
        return self.filter(is_public=True)


# An office's versions include its key figures and its texts about programmes
# (programmes.OfficeProgrammeText), edited on the same page.
@reversion.register(follow=["figures", "programme_texts"])
class Office(Reviewed):
    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regional office")
        COUNTRY = "country", _("Country office")
        LIAISON = "liaison", _("Liaison office")

    name = models.CharField(
        _("name"),
        max_length=200,
        unique=True,
        help_text=_("As the public knows it, for example “IOM Bolivia”."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.COUNTRY
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    street_address = models.TextField(_("street address"), blank=True)
    phones = models.CharField(
        _("phones"),
        max_length=255,
        blank=True,
        help_text=_("Separate several numbers with commas."),
    )
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    facebook = models.URLField(_("Facebook page"), blank=True)
    x_account = models.URLField(_("X (Twitter) account"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("A country office’s regional office."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    migration_context = models.TextField(
        _("migration context"),
        blank=True,
        help_text=_("The “Migration in <country>” text."),
    )
    is_public = models.BooleanField(_("public"), default=True)
    source = models.CharField(
        _("legacy source"),
        max_length=500,
        blank=True,
        help_text=_("Address or file of the old page this office was imported from."),
    )
    content_problems = models.CharField(
        _("content problems"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The codes of the content checks the texts fail, set on save."),
    )
    review_interval = review_interval_field(12)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        # By the English name in both languages: a Spanish name may be empty.
        ordering = ["kind", "name_en"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        permissions = [("publish_office", _("Can make offices public or hide them"))]
        constraints = [
            models.UniqueConstraint(
                fields=["source"], condition=~Q(source=""), name="office_unique_source"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        clean_text_fields(self)
        # In English whatever the active language, so that the untranslated
        # columns (which the search indexes cover) keep the English text.
        with translation.override(settings.LANGUAGE_CODE):
            clean_html_fields(self, "migration_context")
            self.content_problems = codes_of(object_problems(self))
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("contacts:office", kwargs={"slug": self.slug})

    def clean(self):
        if errors := reserved_slug_errors(self):
            raise ValidationError(errors)

    @property
    def is_published(self):
        return self.is_public

    @property
    def checked_bodies(self):
        """What iomsite.content.problems checks: (field, level of the heading
        the field sits under on the page: "Migration in …", an h2)."""
        return [(f"migration_context_{code}", 2) for code, _name in settings.LANGUAGES]

    @property
    def phone_list(self):
        return split_phones(self.phones)


class KeyFigureQuerySet(ReviewQuerySet):
    def complete(self):
        """Figures with a label and a source: the only ones shown publicly."""
        return self.exclude(label="").exclude(source_name="", source_url="")

    def needing_review(self):
        return self.filter(Q(label="") | Q(source_name="", source_url=""))


@reversion.register()
class KeyFigure(Reviewed):
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        related_name="figures",
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_(
            "What the figure counts. Leave it empty rather than guess: the figure "
            "stays hidden until it has a label and a source."
        ),
    )
    value = models.CharField(_("value"), max_length=50)
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.URLField(_("source address"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = KeyFigureQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return " ".join(part for part in (self.value, self.unit, self.label) if part)

    @property
    def needs_review(self):
        return not self.label or not (self.source_name or self.source_url)


class ContactQuerySet(ReviewQuerySet):
    def published(self):
        return self.filter(is_public=True)

    def shown_on_articles(self):
        """Public contacts, and imported ones not reviewed yet: the old page
        named them on its article, so the article still does."""
        return self.filter(Q(is_public=True) | Q(imported_unreviewed=True))


@reversion.register()
class Contact(Reviewed):
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
    )
    phone = models.CharField(
        _("office phone"),
        max_length=100,
        blank=True,
        help_text=_("Separate several numbers with commas."),
    )
    extension = models.CharField(_("extension"), max_length=20, blank=True)
    mobile = models.CharField(_("mobile"), max_length=50, blank=True)
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_(
            "One person, one record: an address can belong to one contact only."
        ),
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        help_text=_("For example “English, Spanish”."),
    )
    is_media_contact = models.BooleanField(_("media contact"), default=False)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick to keep this contact in the admin only."),
    )
    imported_unreviewed = models.BooleanField(
        _("imported, not reviewed yet"),
        default=False,
        help_text=_(
            "Brought in from an old page: shown only on the articles that "
            "named it, as the old page did, and nowhere else (directory, "
            "office pages, vCards, API) until a publisher shows or hides it."
        ),
    )
    show_email = models.BooleanField(_("show email publicly"), default=True)
    show_phones = models.BooleanField(_("show phones publicly"), default=True)
    photo = models.ImageField(
        _("photo"),
        upload_to="contacts/%Y/%m/",
        blank=True,
        validators=[validate_image],
        help_text=_("A JPEG, PNG or WebP photo, at most 10 MB and 8000 pixels a side."),
    )
    photo_alt = models.CharField(
        _("photo alt text"),
        max_length=200,
        blank=True,
        help_text=_("Required with a photo, unless it is decorative: who it shows."),
    )
    photo_decorative = models.BooleanField(
        _("decorative photo"),
        default=False,
        help_text=_(
            "Tick when the photo adds nothing to the name next to it: screen "
            "readers then skip it, and it needs no alt text."
        ),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        permissions = [
            (
                "publish_contact",
                _("Can make contacts and their email and phones public or hide them"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["email"], condition=~Q(email=""), name="contact_unique_email"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.office})" if self.office_id else self.name

    def save(self, *args, **kwargs):
        clean_text_fields(self)
        self.email = self.email.strip().lower()
        uploaded = normalize_images(self, "photo")
        super().save(*args, **kwargs)
        if uploaded:
            make_renditions(self, "photo", "portrait")

    def get_absolute_url(self):
        # The directory is paginated: filter it by the name, then jump.
        query = urlencode({"q": self.name})
        return f"{reverse('contacts:list')}?{query}#contact-{self.pk}"

    @property
    def public_office(self):
        """The office to name beside the contact: none when it is hidden, as
        the API gives ``office: null``."""
        office = self.office
        return office if office is not None and office.is_public else None

    def clean(self):
        if self.photo and not self.photo_decorative and not self.photo_alt.strip():
            raise ValidationError(
                {
                    "photo_alt": _(
                        "Describe the photo for people who cannot see it, or tick "
                        "“decorative photo”."
                    )
                }
            )

    @property
    def photo_alt_text(self):
        """The alt attribute: empty for a decorative photo."""
        return "" if self.photo_decorative else self.photo_alt

    @property
    def phone_list(self):
        return split_phones(self.phone)


@receiver(pre_delete, sender=Office, dispatch_uid="protect_office_with_articles")
def protect_office_with_articles(sender, instance, **kwargs):
    """Articles link to offices through a many-to-many relation, which Django
    would silently unlink: refuse instead, as ``on_delete=PROTECT`` does."""
    articles = list(instance.articles.all())
    if articles:
        message = ngettext(
            "The office “%(office)s” is used by %(count)d article.",
            "The office “%(office)s” is used by %(count)d articles.",
            len(articles),
        ) % {"office": instance, "count": len(articles)}
        raise models.ProtectedError(message, set(articles))
