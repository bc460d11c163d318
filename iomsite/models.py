from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegacyRecord(models.Model):
    """What the legacy importer last wrote into one object.

    Comparing it with the object as it is now tells which fields staff edited
    after the import, so that a re-import never silently overwrites them.
    """

    model = models.CharField(_("model"), max_length=100)
    object_pk = models.BigIntegerField(_("object id"))
    source_file = models.CharField(_("source file"), max_length=500)
    values = models.JSONField(_("imported values"), default=dict)
    # Tags the page names but does not state, for staff to add or dismiss:
    # {"countries": [ISO codes], "programmes": [programme ids]}.
    suggestions = models.JSONField(_("suggested tags"), default=dict, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("legacy import record")
        verbose_name_plural = _("legacy import records")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "object_pk"], name="legacy_record_unique_object"
            )
        ]

    def __str__(self):
        return f"{self.model} #{self.object_pk} ← {self.source_file}"


def staff_language_choices():
    """The site's languages, read when a form is shown (not at import)."""
    return [("", _("The browser’s language")), *settings.LANGUAGES]


class StaffPreference(models.Model):
    """What a staff member chose for themselves: the language the admin
    speaks to them (iomsite.editorial.language.StaffLanguageMiddleware)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_preference",
    )
    language = models.CharField(
        _("admin language"),
        max_length=10,
        blank=True,
        choices=staff_language_choices,
        help_text=_("Empty: the language of your browser."),
    )

    class Meta:
        verbose_name = _("staff preference")
        verbose_name_plural = _("staff preferences")

    def __str__(self):
        return str(self.user)
