"""What every endpoint of the API shares."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, urlencode
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters.fields import ChoiceField
from django_filters.filters import CharFilter, ChoiceFilter
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from iomsite.publishing.cache import content_changed_at

LANGUAGE_PARAMETER = "lang"


def requested_language(request):
    """The ``?lang=`` of the request, the default language without one, or
    None for a language the site does not have (an empty ``?lang=`` too)."""
    if LANGUAGE_PARAMETER not in request.GET:
        return settings.LANGUAGE_CODE
    language = request.GET.get(LANGUAGE_PARAMETER)
    return language if language in dict(settings.LANGUAGES) else None


class InRequestedLanguage:
    """For API views: answers in the language of ``?lang=`` (400 for one the
    site does not have), says which in Content-Language, and says that the
    answer depends on ``Accept`` (JSON, or 406), so that caches keep one
    answer per ``Accept``."""

    def dispatch(self, request, *args, **kwargs):
        language = requested_language(request) or settings.LANGUAGE_CODE
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
            # Now, while the language is active: lazy texts become strings.
            if hasattr(response, "render"):
                response.render()
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if requested_language(request) is None:
            choices = ", ".join(code for code, _name in settings.LANGUAGES)
            raise ValidationError(
                {
                    LANGUAGE_PARAMETER: [
                        _("Choose one of these languages: %(choices)s.")
                        % {"choices": choices}
                    ]
                }
            )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ["Accept"])
        return response


class PublicViewSet(InRequestedLanguage, viewsets.ReadOnlyModelViewSet):
    """A list and a detail of public objects, in the language of ``?lang=``,
    with the Last-Modified of the site's last change (so that conditional
    requests get a 304 from ConditionalGetMiddleware, cached or not)."""

    # Any address under the list reaches the view set, so that one naming
    # nothing gets the API's JSON 404, not the site's HTML page.
    lookup_value_regex = "[^/]+"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response["Last-Modified"] = http_date(content_changed_at().timestamp())
        return response


class AnyCountryField(ChoiceField):
    """Offers the choices it is given (the countries with something to list)
    but takes any ISO 3166-1 code, as the offices' filter does: a country with
    nothing in it answers an empty list, not a 400."""

    def valid_value(self, value):
        return value in countries or super().valid_value(value)


class AnyCountryFilter(ChoiceFilter):
    field_class = AnyCountryField


PROGRAMME_SLUG = _("The slug of a published programme.")


def published_slug_filter(field_name, queryset, label):
    """A filter on the slug of a related object that takes any slug: one that
    names nothing published answers an empty list, as an unknown country
    does, rather than a 400."""

    def filter_by_slug(queryset_, name, value):
        return queryset_.filter(**{f"{field_name}__in": queryset().filter(slug=value)})

    return CharFilter(method=filter_by_slug, max_length=200, label=label)


def country_parameter():
    return OpenApiParameter(
        "country",
        {"type": "string", "enum": [code for code, _name in countries]},
        description=_(
            "ISO 3166-1 alpha-2 code, in capitals. A country with nothing in it "
            "gives an empty list."
        ),
    )


def absolute(serializer, path):
    return serializer.context["request"].build_absolute_uri(path)


def api_url(serializer, name, **kwargs):
    """The absolute address of an API endpoint, in the language asked for."""
    path = reverse(f"api:{name}", kwargs=kwargs)
    language = translation.get_language()
    if language != settings.LANGUAGE_CODE:
        path += "?" + urlencode({LANGUAGE_PARAMETER: language})
    return absolute(serializer, path)


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code."))
    name = serializers.CharField(help_text=_("In the language asked for."))


class ImageSerializer(serializers.Serializer):
    url = serializers.URLField()
    alt = serializers.CharField(
        help_text=_("Text alternative; empty for a decorative image.")
    )


@extend_schema_field(ImageSerializer(allow_null=True))
class ImageField(serializers.Field):
    """An image as ``{"url", "alt"}`` with an absolute address, or None."""

    def __init__(self, alt_attribute, **kwargs):
        self.alt_attribute = alt_attribute
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        image = getattr(instance, self.source)
        if not image:
            return None
        return {
            "url": absolute(self, image.url),
            "alt": getattr(instance, self.alt_attribute),
        }
