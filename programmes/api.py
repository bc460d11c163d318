"""Programmes in the JSON API (iomsite.api)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from contacts.api import ContactSerializer, OfficeLinkSerializer, public_contacts
from contacts.models import Office
from iomsite.api.base import ImageField, PublicViewSet, absolute, api_url

from .models import Programme


class ProgrammeLinkSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("The programme's page."))
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Programme
        fields = ["slug", "title", "url", "api_url"]

    def get_url(self, programme) -> str:
        return absolute(self, programme.get_absolute_url())

    def get_api_url(self, programme) -> str:
        return api_url(self, "programme-detail", slug=programme.slug)


class ProgrammeSerializer(ProgrammeLinkSerializer):
    image = ImageField("image_alt_text")
    offices = OfficeLinkSerializer(source="public_offices", many=True)

    class Meta:
        model = Programme
        fields = ["slug", "title", "summary", "image", "offices", "url", "api_url"]
        extra_kwargs = {"summary": {"help_text": _("One or two sentences.")}}


class ProgrammeDetailSerializer(ProgrammeSerializer):
    body = serializers.CharField(help_text=_("HTML, sanitized."))
    focal_points = ContactSerializer(source="public_focal_points", many=True)

    class Meta(ProgrammeSerializer.Meta):
        fields = [*ProgrammeSerializer.Meta.fields, "body", "focal_points"]


@extend_schema_view(
    list=extend_schema(
        summary=_("Published programmes"),
        description=_("In the order of the programmes page."),
    ),
    retrieve=extend_schema(
        summary=_("One published programme"),
        description=_("The programme with its body and focal points."),
    ),
)
class ProgrammeViewSet(PublicViewSet):
    lookup_field = "slug"

    def get_queryset(self):
        queryset = Programme.objects.published().prefetch_related(
            Prefetch("offices", Office.objects.published(), to_attr="public_offices")
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch(
                    "focal_points", public_contacts(), to_attr="public_focal_points"
                )
            )
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ProgrammeDetailSerializer
        return ProgrammeSerializer
