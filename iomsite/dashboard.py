"""The "Needs attention" page of the admin: what staff should look at, with
counts that link to changelists filtered to exactly the rows counted.

Counts are made with the changelist filters' own ``queryset()``
(``iomsite.editorial.filters`` and the apps' admins), so a count and the list it
links to cannot disagree. Every section costs a fixed number of queries,
whatever the number of rows (``tests/test_dashboard.py`` holds the budget).
"""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from contacts.models import Contact, KeyFigure, Office
from programmes.models import Programme

from .content.problems import CHECKS
from .editorial.roles import can_see_dashboard
from .legacy.importing import suggestions

SCHEDULED_SHOWN = 10
# Redirects are checked newest first, at most this many per view: resolving a
# path costs little, but an import leaves two redirects per old page.
REDIRECTS_CHECKED = 1000
BROKEN_REDIRECTS_SHOWN = 20
# Ids in the link to the filtered changelist: a request line stays short.
BROKEN_REDIRECTS_LINKED = 200
# Views whose page exists only for a published object: {view name: (model,
# URL keyword, field)}.
OBJECT_VIEWS = {
    "articles:detail": (Article, "slug", "slug"),
    "programmes:detail": (Programme, "slug", "slug"),
    "contacts:office": (Office, "slug", "slug"),
}


@dataclass
class Figure:
    """A count on the page, linking to the changelist of its rows."""

    label: str
    count: int
    url: str


def changelist_url(model, **params):
    options = model._meta
    url = reverse(f"admin:{options.app_label}_{options.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def filtered(request, model, params):
    """The rows the model's changelist shows with ``params`` (its filters)."""
    model_admin = admin.site._registry[model]
    queryset = model_admin.get_queryset(request)
    for list_filter in model_admin.list_filter:
        if isinstance(list_filter, type) and issubclass(
            list_filter, admin.SimpleListFilter
        ):
            if list_filter.parameter_name in params:
                spec = list_filter(
                    request,
                    {list_filter.parameter_name: [params[list_filter.parameter_name]]},
                    model,
                    model_admin,
                )
                queryset = spec.queryset(request, queryset)
    fields = {
        name: value
        for name, value in params.items()
        if name not in filter_parameters(model_admin)
    }
    return queryset.filter(**fields)


def filter_parameters(model_admin):
    return {
        list_filter.parameter_name
        for list_filter in model_admin.list_filter
        if isinstance(list_filter, type)
        and issubclass(list_filter, admin.SimpleListFilter)
    }


def counted(request, label, model, **params):
    return Figure(
        label,
        filtered(request, model, params).order_by().count(),
        changelist_url(model, **params),
    )


def key_figures(request):
    by_office = dict(
        KeyFigure.objects.needing_review()
        .order_by()
        .values_list("office")
        .annotate(count=Count("pk"))
    )
    offices = Office.objects.filter(pk__in=by_office).order_by("name_en")
    return [
        Figure(
            str(office),
            by_office[office.pk],
            changelist_url(KeyFigure, needs_review="yes", office__id__exact=office.pk),
        )
        for office in offices
    ]


def translation_status(request):
    """Rows of (content into a language, translated Figure, missing Figure):
    published articles written in another language, then published
    programmes and offices (their English texts), for each language of
    settings.LANGUAGES. Each count is its changelist filter's."""
    rows = []
    for code, name in settings.LANGUAGES:
        values = {"language": name}
        if can_view(request, Article):
            rows.append(
                (
                    _("Articles into %(language)s") % values,
                    counted(
                        request, _("translated"), Article, translation=f"done-{code}"
                    ),
                    counted(
                        request, _("missing"), Article, translation=f"missing-{code}"
                    ),
                )
            )
        if code == settings.LANGUAGE_CODE:
            continue
        for model, published in ((Programme, "is_published"), (Office, "is_public")):
            if not can_view(request, model):
                continue
            visible = {f"{published}__exact": 1}
            texts = {"done": f"done-{code}", "missing": f"missing-{code}"}
            rows.append(
                (
                    _("Published %(things)s, into %(language)s")
                    % {"things": model._meta.verbose_name_plural, **values},
                    counted(
                        request, _("translated"), model, texts=texts["done"], **visible
                    ),
                    counted(
                        request,
                        _("missing"),
                        model,
                        texts=texts["missing"],
                        **visible,
                    ),
                )
            )
    return rows


def scheduled_section(request):
    now = timezone.now()
    scheduled = Article.objects.scheduled(now).order_by("published_at", "pk")
    return {
        "scheduled": counted(
            request, _("Scheduled articles"), Article, visibility="scheduled"
        ),
        "upcoming": list(
            scheduled.only("pk", "title", "published_at")[:SCHEDULED_SHOWN]
        ),
        "stale": counted(
            request, _("Drafts unchanged for 30 days"), Article, stale="yes"
        ),
        # Old pages whose date is unknown: the only articles published undated.
        "undated": counted(
            request,
            _("Published without a date (date unknown)"),
            Article,
            dated="no",
            status__exact=Article.Status.PUBLISHED,
        ),
        "zone": settings.TIME_ZONE,
    }


def freshness(request):
    """Rows of (content, overdue Figure, due soon Figure): what a person
    should check again, the directory first (it goes stale first)."""
    rows = []
    for model in (Contact, KeyFigure, Office, Programme):
        if not can_view(request, model):
            continue
        # One query a model; the same conditions as ReviewDueFilter's.
        counts = model.objects.review_counts()
        rows.append(
            (
                model._meta.verbose_name_plural,
                Figure(
                    _("overdue"),
                    counts["overdue"],
                    changelist_url(model, review_due="overdue"),
                ),
                Figure(
                    _("due soon"),
                    counts["soon"],
                    changelist_url(model, review_due="soon"),
                ),
            )
        )
    return rows


def accessibility(request):
    images = [
        counted(request, _("Articles"), Article, review="alt"),
        counted(request, _("Programmes"), Programme, alt="missing"),
        counted(request, _("Contacts' photos"), Contact, alt="missing"),
    ]
    checks = []
    for model in (Article, Programme, Office):
        counts = {
            code: Count("pk", filter=Q(content_problems__contains=code))
            for code in CHECKS
        }
        totals = model.objects.exclude(content_problems="").aggregate(
            any=Count("pk"), **counts
        )
        plural = model._meta.verbose_name_plural
        checks.append(
            (
                plural,
                Figure(
                    _("Any check"),
                    totals["any"],
                    changelist_url(model, content_check="any"),
                ),
                [
                    Figure(
                        label, totals[code], changelist_url(model, content_check=code)
                    )
                    for code, label in CHECKS.items()
                ],
            )
        )
    return {"images": images, "checks": checks}


def broken_redirects():
    """(redirects whose target a visitor would find missing, number checked):
    the newest REDIRECTS_CHECKED only. A target on another host is not
    checked (that would need the network); an empty target answers 410 Gone
    on purpose."""
    site = Site.objects.get_current()
    redirects = list(
        Redirect.objects.filter(site=site)
        .exclude(new_path="")
        .order_by("-pk")
        .only("pk", "old_path", "new_path")[:REDIRECTS_CHECKED]
    )
    wanted = {}  # view name: {value: [redirect, …]}
    broken = []
    for redirect in redirects:
        parts = urlsplit(redirect.new_path)
        if parts.netloc and parts.netloc != site.domain:
            continue
        match = _resolve(parts.path or "/")
        if match is None:
            broken.append(redirect)
        elif match.view_name in OBJECT_VIEWS:
            _model, keyword, _field = OBJECT_VIEWS[match.view_name]
            wanted.setdefault(match.view_name, {}).setdefault(
                match.kwargs.get(keyword), []
            ).append(redirect)
    for view_name, by_value in wanted.items():
        model, _keyword, field_name = OBJECT_VIEWS[view_name]
        found = set(
            model.objects.published()
            .filter(**{f"{field_name}__in": list(by_value)})
            .values_list(field_name, flat=True)
        )
        for value, targets in by_value.items():
            if value not in found:
                broken += targets
    broken.sort(key=lambda redirect: -redirect.pk)
    return broken, len(redirects)


def _resolve(path):
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            return resolve(path)
        except Resolver404:
            return None


def redirects_section():
    broken, checked = broken_redirects()
    ids = ",".join(str(redirect.pk) for redirect in broken[:BROKEN_REDIRECTS_LINKED])
    return {
        "count": Figure(
            _("Redirects to a missing page"),
            len(broken),
            changelist_url(Redirect, id__in=ids) if broken else "",
        ),
        "shown": [
            (
                redirect,
                reverse("admin:redirects_redirect_change", args=[quote(redirect.pk)]),
            )
            for redirect in broken[:BROKEN_REDIRECTS_SHOWN]
        ],
        "checked": checked,
        "limit": REDIRECTS_CHECKED,
        "linked": min(len(broken), BROKEN_REDIRECTS_LINKED),
    }


def can_view(request, model):
    """Whether the user may open ``model``'s change list: the page shows no
    row or link of a model they cannot."""
    model_admin = admin.site._registry.get(model)
    return model_admin is not None and model_admin.has_view_or_change_permission(
        request
    )


def viewable_rows(request, rows, models):
    return [
        row for row, model in zip(rows, models, strict=True) if can_view(request, model)
    ]


def needs_attention(request):
    if not can_see_dashboard(request.user):
        raise PermissionDenied
    sees_figures = can_view(request, KeyFigure)
    accessible = accessibility(request)
    accessible["images"] = viewable_rows(
        request, accessible["images"], [Article, Programme, Contact]
    )
    accessible["checks"] = viewable_rows(
        request, accessible["checks"], [Article, Programme, Office]
    )
    sees_articles = can_view(request, Article)
    context = {
        **admin.site.each_context(request),
        "title": _("Needs attention"),
        "key_figures": key_figures(request) if sees_figures else [],
        "key_figures_all": (
            changelist_url(KeyFigure, needs_review="yes") if sees_figures else ""
        ),
        "translations": translation_status(request),
        "schedule": scheduled_section(request) if sees_articles else None,
        "freshness": freshness(request),
        "unreviewed_contacts": (
            counted(
                request,
                _("Imported contacts not reviewed yet"),
                Contact,
                imported_unreviewed__exact=1,
            )
            if can_view(request, Contact)
            else None
        ),
        "suggested_tags": (
            suggestions.open_suggestions()
            if request.user.has_perm("articles.change_article")
            else None
        ),
        "accessibility": accessible,
        "redirects": redirects_section() if can_view(request, Redirect) else None,
    }
    return TemplateResponse(request, "admin/needs_attention.html", context)
