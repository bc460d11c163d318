from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.translation import gettext_lazy as _

from iomsite.publishing.forms import filter_form_helper

from .models import Article, TranslationGroup


class ArticleFilterForm(forms.Form):
    """Base form of ``ArticleFilter``: its fields come from the filters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = filter_form_helper(
            self,
            form_id="article-filter",
            label=_("Filter news"),
            fields=["q", "programme", "country", "kind", "year", "language"],
            column_class="col-md-6 col-lg-4",
            clear_url="articles:list",
        )


class ArticleAdminForm(forms.ModelForm):
    """The article form of the admin, with "translation of": the article whose
    translation group this one joins (a group is made for the two when that
    article has none)."""

    translation_of = forms.ModelChoiceField(
        Article.objects.all(),
        label=_("Translation of"),
        required=False,
        to_field_name="slug",
        widget=forms.TextInput,
        help_text=_(
            "The slug of the same story in another language: this article joins "
            "its translation group. Readers switching language go from one to "
            "another."
        ),
        error_messages={"invalid_choice": _("No article has this slug.")},
    )

    class Meta:
        model = Article
        # The admin's fieldsets decide the layout; this is what may be edited.
        fields = [
            "title",
            "slug",
            "kind",
            "language",
            "needs_translation",
            "summary",
            "body",
            "status",
            "published_at",
            "date_source",
            "dateline",
            "image",
            "image_alt",
            "image_caption",
            "image_credit",
            "programmes",
            "countries",
            "offices",
            "contacts",
            "correction",
            "corrected_at",
        ]
        widgets = {
            # Two filterable boxes instead of one list of 250 countries.
            "countries": FilteredSelectMultiple(_("countries"), is_stacked=False),
        }
        help_texts = {
            "slug": _(
                "The last part of the article’s address. Changing it breaks links "
                "to the article."
            ),
            "kind": _("Press releases and statements are official positions."),
            "status": _(
                "Drafts are hidden from visitors; staff can preview them with "
                "“View on site”."
            ),
            "date_source": _(
                "Where the publication date comes from. “Inferred” and “Unknown” "
                "dates are flagged for review."
            ),
            "summary": _(
                "One or two sentences shown in lists, search results and to search "
                "engines. Published articles without one are flagged for review."
            ),
            "body": _(
                "HTML. Paragraphs, headings, lists, links, tables and images are "
                "kept; scripts, styles and event handlers are removed on save."
            ),
            "language": _("The language the article is written in."),
            "countries": _("Countries the article is about."),
            "offices": _("Offices the article concerns."),
        }

    def clean(self):
        cleaned = super().clean()
        other = cleaned.get("translation_of")
        language = cleaned.get("language")
        if other is None or language is None:
            return cleaned
        if self.instance.pk is not None and other.pk == self.instance.pk:
            self.add_error(
                "translation_of", _("An article cannot be a translation of itself.")
            )
        elif other.translation_group_id is None:
            if other.language == language:
                self.add_error("translation_of", same_language_error(other))
        else:
            clash = (
                Article.objects.filter(
                    translation_group_id=other.translation_group_id,
                    language=language,
                )
                .exclude(pk=self.instance.pk)
                .first()
            )
            if clash is not None:
                self.add_error("translation_of", same_language_error(clash))
        return cleaned

    def save(self, commit=True):
        other = self.cleaned_data.get("translation_of")
        if other is not None:
            if other.translation_group_id is None:
                other.translation_group = TranslationGroup.objects.create()
                other.save(update_fields=["translation_group"])
            self.instance.translation_group = other.translation_group
        return super().save(commit=commit)


def same_language_error(article):
    return _(
        "“%(title)s” is in this language already: choose an article in another "
        "language."
    ) % {"title": article.title}
