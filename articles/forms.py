from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.translation import gettext_lazy as _

from iomsite.publishing.forms import filter_form_helper

from .models import Article


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
    class Meta:
        model = Article
        # The admin's fieldsets decide the layout; this is what may be edited.
        fields = [
            "title",
            "slug",
            "kind",
            "language",
            "translation_of",
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
