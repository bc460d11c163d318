"""News in the site search: each article searched in its own language."""

from django.utils.translation import gettext_lazy as _

from iomsite.search.types import ARTICLE_LANGUAGES, ResultType

from .models import Article

NEWS = ResultType(
    slug="news",
    label=_("News"),
    label_plural=_("news"),
    model=Article,
    weighted_fields=(("title",), ("summary",), ("body",)),
    snippet_fields=("summary", "body"),
    html_fields=("body",),
    languages=ARTICLE_LANGUAGES,
    language_field="language",
    suggests=True,
)
