"""The base of the admins of articles, programmes, offices and contacts.

``EditorialAdmin`` keeps every save as a revision (django-reversion, with
django-reversion-compare's readable diff in "History"), edits HTML bodies with
the rich-text editor, and refuses publishing to staff without the model's
``publish_*`` permission (``iomsite.editorial.guard``); a publish action
answers with an error message instead of running, and reverting to an old
version is checked against the object as it is before the revert, not as the
revert left it.
"""

from itertools import chain

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.db import models
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion import set_comment
from reversion.models import Version
from reversion.revisions import _follow_relations_recursive, _get_options
from reversion_compare.admin import CompareVersionAdmin

from ..content.images import NOT_AN_IMAGE
from ..content.queries import query_problem
from .compare import text_diff, text_of_html
from .conflicts import VERSION_FIELD, ConflictCheckForm
from .guard import PublicationGuardMixin, stash_key
from .richtext import rich_text_formfield


class BoundedSearchMixin:
    """The change list's search (and the autocompletes', which use it) within
    ``iomsite.content.queries``' bounds: each word is one more condition on
    every search field, and 900 words took 18 seconds at 50,000 articles."""

    def get_search_results(self, request, queryset, search_term):
        if problem := query_problem(search_term):
            messages.error(request, problem)
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)


class EditorialAdmin(BoundedSearchMixin, PublicationGuardMixin, CompareVersionAdmin):
    change_form_template = "admin/editorial/change_form.html"
    rich_text_fields = ()
    preview_field = "image"
    history_latest_first = True
    # Changes on every save: in a comparison it says nothing the date does not.
    compare_exclude = ["updated"]

    @admin.display(description=_("preview"))
    def image_preview(self, obj):
        """The uploaded image as visitors see it (add ``image_preview`` to
        ``readonly_fields`` and set ``preview_field``)."""
        image = getattr(obj, self.preview_field, None) if obj else None
        if not image:
            return _("No image yet: the preview shows once it is saved.")
        return format_html(
            '<img src="{}" alt="" class="image-preview" loading="lazy">', image.url
        )

    def compare_TextField(self, obj_compare):
        """In "History": texts compared line by line, HTML bodies as the
        paragraphs a reader sees rather than one line of markup."""
        value1, value2 = obj_compare.value1 or "", obj_compare.value2 or ""
        if obj_compare.field.name in self.rich_text_fields:
            return text_diff(text_of_html(value1), text_of_html(value2))
        return text_diff(value1.splitlines(), value2.splitlines())

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.rich_text_fields:
            kwargs.pop("widget", None)
            return rich_text_formfield(db_field, **kwargs)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.ImageField):
            # The form field refuses what Pillow cannot open before the model's
            # validate_image() runs: give both refusals the same words.
            field.error_messages["invalid_image"] = NOT_AN_IMAGE
        return field

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None:
            form = type(form.__name__, (ConflictCheckForm, form), {})
        return self.guarded(form, request)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        form = context["adminform"].form
        conflict = getattr(form, "conflict", None)
        if conflict is not None:
            # Saving again after merging overwrites the newer version.
            opened = form.current_version
        else:
            opened = request.POST.get(VERSION_FIELD) or getattr(
                form, "current_version", ""
            )
        options = self.opts
        context.update(
            {
                "opened_version": opened,
                "conflict": conflict,
                "autosave_key": ":".join(
                    [
                        "iomsite-autosave",
                        str(request.user.pk),
                        options.label_lower,
                        str(obj.pk) if obj is not None else "add",
                    ]
                ),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_changelist_form(self, request, **kwargs):
        return self.guarded(super().get_changelist_form(request, **kwargs), request)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = Version.objects.filter(pk=version_id, object_id=object_id).first()
        if version is not None and (refused := self.undeletable(request, version)):
            # A revert deletes what was added to the object since (its key
            # figures): not for staff who may not delete those.
            messages.error(
                request,
                gettext(
                    "You cannot revert to this version: it would delete %(objects)s, "
                    "added since, and you may not delete them."
                )
                % {"objects": ", ".join(f"“{obj}”" for obj in refused)},
            )
            return redirect(
                f"{self.admin_site.name}:{self.opts.app_label}_"
                f"{self.opts.model_name}_history",
                object_id,
            )
        # django-reversion reverts the object in the database before it builds
        # the form: remember what it was.
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            request.publication_before = {
                stash_key(self.model, obj.pk): self.publication_values(obj)
            }
        return super().revision_view(request, object_id, version_id, extra_context)

    def undeletable(self, request, version):
        """What reverting to ``version`` would delete (as django-reversion's
        ``Revision.revert(delete=True)`` works it out) that the user may not
        delete."""
        old_revision = set()
        for old in version.revision.version_set.all():
            model = old._model
            if model is None:
                continue
            id_field = _get_options(model).object_id_field
            found = model._default_manager.filter(**{id_field: old.object_id}).first()
            if found is not None:
                old_revision.add(found)
        now = chain.from_iterable(_follow_relations_recursive(o) for o in old_revision)
        return [
            obj
            for obj in dict.fromkeys(now)
            if obj not in old_revision
            and not request.user.has_perm(
                f"{obj._meta.app_label}.delete_{obj._meta.model_name}"
            )
        ]

    def recover_view(self, request, version_id, extra_context=None):
        version = Version.objects.filter(pk=version_id).first()
        if version is not None:
            # A deleted object brought back is new: it must come back hidden.
            request.publication_before = {
                stash_key(self.model, version.object_id): None
            }
        return super().recover_view(request, version_id, extra_context)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        protected = list(protected) + [
            self.protected_link(request, article)
            for obj in objs
            for article in self.protecting_articles(obj)
        ]
        return deleted, model_count, perms_needed, protected

    def protecting_articles(self, obj):
        """Articles that keep ``obj`` from being deleted."""
        return []

    def protected_link(self, request, obj):
        """Like the admin's own list of protected objects."""
        options = obj._meta
        label = f"{capfirst(options.verbose_name)}: {obj}"
        try:
            url = reverse(
                f"{self.admin_site.name}:{options.app_label}_{options.model_name}_change",
                args=[quote(obj.pk)],
            )
        except NoReverseMatch:
            return label
        return format_html(
            '{}: <a href="{}">{}</a>', capfirst(options.verbose_name), url, obj
        )

    def save_each(self, request, queryset, comment, **values):
        """Set ``values`` on each object and save it, so that the change is
        kept as a revision (``queryset.update()`` is not). Returns the count."""
        count = 0
        for obj in queryset:
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
            count += 1
        if count:
            set_comment(str(comment))
        return count
