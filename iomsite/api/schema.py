"""The OpenAPI schema (drf-spectacular) of the API."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter

from .base import LANGUAGE_PARAMETER


class PublicAutoSchema(AutoSchema):
    """Every operation takes ``?lang=``."""

    def get_override_parameters(self):
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                LANGUAGE_PARAMETER,
                str,
                enum=[code for code, _name in settings.LANGUAGES],
                default=settings.LANGUAGE_CODE,
                description=_(
                    "Language of the texts: programme and office texts, country "
                    "names and labels. An article is in its own language."
                ),
            ),
        ]
