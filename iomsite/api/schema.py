"""The OpenAPI schema (drf-spectacular) of the API."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter

from .base import LANGUAGE_PARAMETER

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# A ValidationError: the messages of each parameter that was refused.
FIELD_ERRORS = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def json_body(schema, description):
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


def error_responses(is_list):
    """The answers other than 200 that every operation may give."""
    responses = {
        "304": {
            "description": _(
                "Not Modified: nothing changed since the If-Modified-Since or "
                "If-None-Match of the request. No body."
            )
        },
        "400": json_body(
            FIELD_ERRORS,
            _("A parameter was refused: its name, with what was wrong with it."),
        ),
        "404": json_body(
            DETAIL,
            _("No such page of the list.")
            if is_list
            else _("No published object with this address."),
        ),
        "406": json_body(
            DETAIL, _("The Accept header of the request does not allow JSON.")
        ),
        "429": {
            **json_body(DETAIL, _("Too many requests from this client address.")),
            "headers": {
                "Retry-After": {
                    "description": _("Seconds to wait before asking again."),
                    "schema": {"type": "integer", "minimum": 0},
                    "required": True,
                }
            },
        },
    }
    return responses


class PublicAutoSchema(AutoSchema):
    """Every operation takes ``?lang=`` and may answer 304, 400, 404, 406 and
    429 as well as 200."""

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
                    "names and labels. An article is in its own language, given "
                    "by its language field."
                ),
            ),
        ]

    def _get_parameters(self):
        # A filter left empty filters nothing, as in the site's own lists
        # ("All types"): the empty value is one of the choices.
        parameters = super()._get_parameters()
        for parameter in parameters:
            schema = parameter.get("schema", {})
            if (
                parameter.get("in") == "query"
                and parameter["name"] != LANGUAGE_PARAMETER
                and "enum" in schema
                and "" not in schema["enum"]
            ):
                parameter["schema"] = {**schema, "enum": ["", *schema["enum"]]}
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, response in error_responses(self._is_list_view()).items():
            responses.setdefault(code, response)
        return responses
