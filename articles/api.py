"""Published articles in the JSON API (iomsite.api)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers

from contacts.api import ContactSerializer, OfficeLinkSerializer, public_contacts
from contacts.models import Office
from iomsite.api.base import (
    PROGRAMME_SLUG,
    AnyCountryField,
    CountrySerializer,
    ImageField,
    PublicViewSet,
    absolute,
    api_url,
    country_parameter,
    published_slug_filter,
)
from iomsite.publishing.languages import url_in
from programmes.api import ProgrammeLinkSerializer
from programmes.models import Programme

from .filters import ArticleFilter
from .models import Article


class ArticleLinkSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(
        help_text=_("The article's page, in the article's language.")
    )
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = ["slug", "title", "language", "url", "api_url"]

    def get_url(self, article) -> str:
        return absolute(self, url_in(article, article.language))

    def get_api_url(self, article) -> str:
        return api_url(self, "article-detail", slug=article.slug)


class ArticleSerializer(ArticleLinkSerializer):
    kind_display = serializers.CharField(source="get_kind_display")
    countries = CountrySerializer(many=True)
    programmes = ProgrammeLinkSerializer(source="public_programmes", many=True)
    image = ImageField("image_alt_text")
    translation = serializers.SerializerMethodField(
        help_text=_(
            "The first of “translations”, or null (kept for the clients that read it)."
        )
    )
    translations = serializers.SerializerMethodField(
        help_text=_(
            "The same story in the other languages, when published, in the "
            "order of the site's languages."
        )
    )

    class Meta:
        model = Article
        extra_kwargs = {
            "published_at": {
                "help_text": _("Null when the date of the story is not known.")
            },
            "dateline": {"help_text": _("Where the story was filed from.")},
        }
        fields = [
            "slug",
            "kind",
            "kind_display",
            "title",
            "summary",
            "language",
            "published_at",
            "dateline",
            "countries",
            "programmes",
            "image",
            "image_caption",
            "image_credit",
            "translation",
            "translations",
            "url",
            "api_url",
        ]

    @extend_schema_field(ArticleLinkSerializer(allow_null=True))
    def get_translation(self, article):
        others = list(article.counterparts().values())
        if not others:
            return None
        return ArticleLinkSerializer(others[0], context=self.context).data

    @extend_schema_field(ArticleLinkSerializer(many=True))
    def get_translations(self, article):
        others = article.counterparts().values()
        return ArticleLinkSerializer(others, many=True, context=self.context).data


class ArticleDetailSerializer(ArticleSerializer):
    body = serializers.CharField(help_text=_("HTML, sanitized."))
    offices = OfficeLinkSerializer(source="public_offices", many=True)
    contacts = ContactSerializer(source="public_contacts", many=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "offices", "contacts"]


class ArticleAPIFilter(ArticleFilter):
    programme = published_slug_filter(
        "programmes", Programme.objects.published, PROGRAMME_SLUG
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any country code, as the offices and contacts take: a country
        # without articles answers an empty list.
        self.filters["country"].field_class = AnyCountryField


@extend_schema_view(
    list=extend_schema(
        summary=_("Published articles"),
        description=_(
            "News, press releases, statements and features, newest first, with "
            "the filters of the news list."
        ),
        parameters=[
            country_parameter(),
            OpenApiParameter(
                "year",
                {"type": "integer", "minimum": 1900, "maximum": 2100},
                description=_("The year of publication, from 1900 to 2100."),
            ),
            OpenApiParameter(
                "language",
                {"type": "string", "enum": Article.Language.values},
                description=_(
                    "Only the articles written in this language. Not to be "
                    "confused with lang, the language of the labels."
                ),
            ),
        ],
    ),
    retrieve=extend_schema(
        summary=_("One published article"),
        description=_("The article with its body, offices and contacts."),
    ),
)
class ArticleViewSet(PublicViewSet):
    lookup_field = "slug"
    filterset_class = ArticleAPIFilter

    def get_queryset(self):
        # Per request: published() and with_translation() read the clock.
        queryset = (
            Article.objects.published()
            .with_translation()
            .prefetch_related(
                Prefetch(
                    "programmes",
                    Programme.objects.published(),
                    to_attr="public_programmes",
                )
            )
        )
        if self.action != "retrieve":
            return queryset.defer("body")
        return queryset.prefetch_related(
            Prefetch("offices", Office.objects.published(), to_attr="public_offices"),
            Prefetch("contacts", public_contacts(), to_attr="public_contacts"),
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ArticleDetailSerializer
        return ArticleSerializer
