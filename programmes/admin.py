import reversion
from django.contrib import admin, messages
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from iomsite.editorial.base import EditorialAdmin
from iomsite.editorial.compare import text_diff, text_of_html
from iomsite.editorial.filters import (
    ContentCheckFilter,
    RelatedOnlyFilter,
    missing_alt_filter,
    translated_texts_filter,
)
from iomsite.editorial.forms import (
    TRANSLATIONS,
    EnglishFieldsForm,
    translated_fieldsets,
)
from iomsite.editorial.freshness import ReviewAdminMixin, ReviewDueFilter
from iomsite.editorial.review import ContentCheckAdmin
from iomsite.editorial.richtext import rich_text_formfield

from .models import OfficeProgrammeText, Programme

TRANSLATED_FIELDS = ["title", "summary", "body", "image_alt"]
TEXTS_FILTER = translated_texts_filter(["title", "summary", "body"])


@admin.register(Programme)
class ProgrammeAdmin(ReviewAdminMixin, ContentCheckAdmin, EditorialAdmin):
    form = EnglishFieldsForm
    list_display = ["title", "order", "is_published", "thumbnail"]
    list_editable = ["order"]
    list_filter = [
        "is_published",
        ("offices", RelatedOnlyFilter),
        TEXTS_FILTER,
        # The English alt text is the one shown when the Spanish is empty.
        missing_alt_filter("image", "image_alt_en", "image_decorative"),
        ContentCheckFilter,
        ReviewDueFilter,
    ]
    # Both languages' columns: "title" would mean the admin language's only.
    search_fields = ["title_en", "title_es", "title_pt", "summary_en", "summary_es"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["offices", "focal_points"]
    readonly_fields = ["image_preview", "created", "updated"]
    actions = ["publish", "unpublish", "mark_reviewed"]
    rich_text_fields = ["body", "body_es", "body_pt"]
    publication_fields = ["is_published"]
    hidden_values = {"is_published": False}
    publish_refused_message = _(
        "Only publishers can publish or unpublish a programme. Save it unpublished "
        "and ask a publisher."
    )
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "summary", "body", "order", "is_published"]},
        ),
        (
            _("Image"),
            {"fields": ["image_preview", "image", "image_alt", "image_decorative"]},
        ),
        TRANSLATIONS,
        (_("Where and who"), {"fields": ["offices", "focal_points"]}),
        ReviewAdminMixin.review_fieldset(),
        (_("History"), {"classes": ["collapse"], "fields": ["created", "updated"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return translated_fieldsets(
            fieldsets, ["title", "summary", "body", "image_alt"]
        )

    def is_public(self, values):
        return values["is_published"]

    def protecting_articles(self, programme):
        return programme.articles.all()

    @admin.display(description=_("image"))
    def thumbnail(self, programme):
        if not programme.image:
            return ""
        return format_html(
            '<img src="{}" alt="{}" width="80" loading="lazy">',
            programme.image.url,
            programme.image_alt_text,
        )

    @admin.action(description=_("Publish the selected programmes"))
    def publish(self, request, queryset):
        if self.refuse_unless_publisher(request):
            return
        queryset = queryset.filter(is_published=True) | self.without_failing(
            request, queryset.filter(is_published=False)
        )
        # Counted like update() did: every selected programme is published now.
        count = queryset.count()
        self.save_each(
            request,
            queryset.filter(is_published=False),
            gettext("Published with the “publish” action."),
            is_published=True,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d programme was published.",
                "%(count)d programmes were published.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected programmes"))
    def unpublish(self, request, queryset):
        if self.refuse_unless_publisher(request):
            return
        count = queryset.count()
        self.save_each(
            request,
            queryset.filter(is_published=True),
            gettext("Unpublished with the “unpublish” action."),
            is_published=False,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d programme was unpublished.",
                "%(count)d programmes were unpublished.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class OfficeProgrammeTextFormSet(BaseInlineFormSet):
    """Saving an office's text about a programme the office is not listed in
    adds the office to the programme's offices (as the importer does with an
    old page's areas of action): the office page shows the texts of the
    programmes that run there."""

    request = None

    def save(self, commit=True):
        texts = super().save(commit)
        if commit and texts:
            self.join_programmes(texts)
        return texts

    def join_programmes(self, texts):
        office = self.instance
        joined = list(
            Programme.objects.filter(
                pk__in=[text.programme_id for text in texts]
            ).exclude(offices=office)
        )
        for programme in joined:
            programme.offices.add(office)
            if reversion.is_active():
                reversion.add_to_revision(programme)
        if joined and self.request is not None:
            messages.info(
                self.request,
                ngettext(
                    "“%(office)s” was added to the offices of the programme "
                    "%(programmes)s, so that its text shows on the office’s page.",
                    "“%(office)s” was added to the offices of the programmes "
                    "%(programmes)s, so that its texts show on the office’s page.",
                    len(joined),
                )
                % {
                    "office": office,
                    "programmes": ", ".join(f"“{p}”" for p in joined),
                },
            )


class OfficeProgrammeTextInline(admin.StackedInline):
    """On the office's change form (contacts.admin.OfficeAdmin): the office's
    own text about each programme, in every language as the office's other
    texts. The texts have no visibility of their own (they show when the
    office and the programme are public), so, like the key figures, they need
    no publisher."""

    model = OfficeProgrammeText
    form = EnglishFieldsForm
    formset = OfficeProgrammeTextFormSet
    extra = 0
    verbose_name = _("programme text")
    verbose_name_plural = _("What the office does in each programme")
    fieldsets = [(None, {"fields": ["programme", "body"]}), TRANSLATIONS]
    rich_text_fields = ["body", "body_es", "body_pt"]

    def get_fieldsets(self, request, obj=None):
        return translated_fieldsets(super().get_fieldsets(request, obj), ["body"])

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.rich_text_fields:
            kwargs.pop("widget", None)
            # The office page shows each programme under an h3.
            return rich_text_formfield(db_field, heading_levels=[4], **kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Published programmes, and those the office already has a text about
        # (one unpublished since must not make the office's form invalid).
        offered = Q(is_published=True)
        if obj is not None and obj.pk is not None:
            offered |= Q(pk__in=obj.programme_texts.values("programme"))
        field = formset.form.base_fields["programme"]
        field.queryset = Programme.objects.filter(offered)
        field.label_from_instance = programme_choice_label
        return type(formset.__name__, (formset,), {"request": request})


def programme_choice_label(programme):
    if programme.is_published:
        return str(programme)
    return format_lazy("{} ({})", programme, _("not published"))


class OfficeTextsHistoryMixin:
    """For the office's admin: "History" compares a changed text about a
    programme line by line, below the list of the texts changed, added and
    removed (which names them only). Versions hold the English text: like
    the other translated fields, the Spanish and Portuguese columns are not
    serialised (modeltranslation's fields are not)."""

    def compare_ManyToOneRel(self, obj_compare):
        html = super().compare_ManyToOneRel(obj_compare)
        if obj_compare.field.related_model is not OfficeProgrammeText:
            return html
        rows = [
            (new, text_diff(text_of_html(old.field_dict["body"]), text_of_html(body)))
            for old, new in obj_compare.get_m2o_change_info()["changed_items"]
            if (body := new.field_dict["body"]) != old.field_dict["body"]
        ]
        return html + format_html_join("\n", "<p>{}</p>{}", rows)
