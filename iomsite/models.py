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
