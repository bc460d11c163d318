"""The API documentation page: the OpenAPI schema, rendered on our server as
an ordinary accessible page of the site (no script, nothing from elsewhere)."""

import re

from django.conf import settings
from django.urls import reverse
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "head", "post", "put", "patch", "delete", "options")
# drf-spectacular describes choices in Markdown: "* `code` - Label" lines.
CHOICE_LINE = re.compile(r"^\* `(?P<value>[^`]*)` - (?P<label>.*)$")


def split_choices(description):
    """A description as (its text, [(value, label)]) without the Markdown
    list of choices that drf-spectacular appends to it."""
    text, choices = [], []
    for line in (description or "").splitlines():
        match = CHOICE_LINE.match(line.strip())
        if match:
            choices.append((match["value"], match["label"]))
        else:
            text.append(line)
    return "\n".join(text).strip(), choices


def described(node, description):
    """``description`` and the enum's values, with their labels where the
    description has them."""
    text, labelled = split_choices(description)
    labels = dict(labelled)
    values = [value for value in node.get("enum", []) if value not in ("", None)]
    return text, [(value, labels.get(value, "")) for value in values]


def component_name(ref):
    return ref.rsplit("/", 1)[-1]


def describe_type(node):
    """A property's type as parts to show: plain words, and the names of the
    components they link to, as (text, anchor-or-None) pairs."""
    if "$ref" in node:
        name = component_name(node["$ref"])
        parts = [(name, name)]
    elif "allOf" in node or "oneOf" in node:
        parts = []
        for choice in node.get("allOf") or node.get("oneOf"):
            if parts:
                parts.append((" | ", None))
            parts += describe_type(choice)
    elif node.get("type") == "array":
        parts = [("array of ", None), *describe_type(node.get("items", {}))]
    else:
        kind = node.get("type", "object")
        if node.get("format"):
            kind = f"{kind} ({node['format']})"
        parts = [(kind, None)]
    if node.get("nullable"):
        parts.append((" | null", None))
    return parts


def schema_fields(component):
    fields = []
    for name, node in component.get("properties", {}).items():
        description, values = described(node, node.get("description", ""))
        fields.append(
            {
                "name": name,
                "type": describe_type(node),
                "description": description,
                "values": values,
            }
        )
    return fields


def parameter_entry(parameter):
    schema = parameter.get("schema", {})
    description, values = described(schema, parameter.get("description", ""))
    return {
        "name": parameter["name"],
        "location": parameter.get("in", ""),
        "required": parameter.get("required", False),
        "type": describe_type(schema),
        "values": values,
        "description": description,
    }


def returned_component(operation):
    content = operation.get("responses", {}).get("200", {}).get("content", {})
    node = content.get("application/json", {}).get("schema", {})
    return component_name(node["$ref"]) if "$ref" in node else None


def operations(schema):
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            found.append(
                {
                    "id": operation.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        parameter_entry(parameter)
                        for parameter in operation.get("parameters", [])
                    ],
                    "returns": returned_component(operation),
                    "other_answers": [
                        (code, answer.get("description", ""))
                        for code, answer in operation.get("responses", {}).items()
                        if code != "200"
                    ],
                }
            )
    return found


def components(schema):
    found = []
    for name, component in schema.get("components", {}).get("schemas", {}).items():
        description, values = described(component, component.get("description", ""))
        found.append(
            {
                "name": name,
                "description": description,
                "fields": schema_fields(component),
                "values": values,
            }
        )
    return found


class APIDocsView(TemplateView):
    template_name = "api/docs.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        schema = SchemaGenerator().get_schema(request=None, public=True)
        example = self.request.build_absolute_uri(
            reverse("api:article-list") + "?kind=news&lang=es"
        )
        context.update(
            info=schema.get("info", {}),
            operations=operations(schema),
            components=components(schema),
            schema_url=reverse("api:schema"),
            root_url=reverse("api:api-root"),
            curl_example=f"curl -H 'Accept: application/json' '{example}'",
            rate=settings.API_ANON_RATE,
        )
        return context
