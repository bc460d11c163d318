"""Freshness: when a person last checked that an office, a contact, a
programme or a key figure still holds, and when it is due again.

``Reviewed`` is an abstract model the apps' models inherit; ``review_due``
is kept on save, so that the dashboard finds what is overdue or due soon
with one indexed query on any database.
"""

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What the dashboard calls "due soon".
DUE_SOON_DAYS = 30


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def overdue(today):
    """Never reviewed, or past the date of its next review."""
    return Q(review_due__isnull=True) | Q(review_due__lte=today)


def due_soon(today):
    """Reviewed, and due within DUE_SOON_DAYS."""
    return Q(review_due__gt=today, review_due__lte=today + timedelta(DUE_SOON_DAYS))


class ReviewQuerySet(models.QuerySet):
    def review_overdue(self, today=None):
        return self.filter(overdue(today or timezone.localdate()))

    def review_due_soon(self, today=None):
        return self.filter(due_soon(today or timezone.localdate()))

    def review_counts(self, today=None):
        """{"overdue": n, "soon": n} in one query."""
        today = today or timezone.localdate()
        return self.aggregate(
            overdue=Count("pk", filter=overdue(today)),
            soon=Count("pk", filter=due_soon(today)),
        )


def review_interval_field(months):
    return models.PositiveSmallIntegerField(
        _("review every (months)"),
        default=months,
        # Left empty in a form: the default.
        blank=True,
        help_text=_(
            "How often a person should check that this still holds. Left "
            "empty: the default for this kind of item."
        ),
    )


class Reviewed(models.Model):
    """Subclasses may redefine ``review_interval`` with
    ``review_interval_field(months)`` for another default."""

    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    review_interval = review_interval_field(6)
    review_due = models.DateField(
        _("next review"), null=True, blank=True, editable=False, db_index=True
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.review_interval is None:
            self.review_interval = self._meta.get_field("review_interval").default
        self.review_due = self.next_review()
        super().save(*args, **kwargs)

    def next_review(self):
        if self.reviewed_at is None:
            return None
        reviewed = timezone.localdate(self.reviewed_at)
        return add_months(reviewed, self.review_interval or 0)

    def mark_reviewed(self, user, now=None):
        self.reviewed_at = now or timezone.now()
        self.reviewed_by = user if user and user.is_authenticated else None

    @property
    def last_updated(self):
        """What the public page shows as "Last updated": the latest of the
        last edit and the last review."""
        dates = [
            value
            for value in (getattr(self, "updated", None), self.reviewed_at)
            if value is not None
        ]
        return max(dates, default=None)
