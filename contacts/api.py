"""Offices and public contacts in the JSON API (iomsite.api)."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from iomsite.api.base import (
    PROGRAMME_SLUG,
    CountrySerializer,
    ImageField,
    PublicViewSet,
    absolute,
    api_url,
    country_parameter,
    published_slug_filter,
)
from programmes.models import Programme

from .filters import ContactFilter
from .models import Contact, KeyFigure, Office


class OfficeLinkSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("The office's page."))
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Office
        fields = ["slug", "name", "url", "api_url"]
        extra_kwargs = {"name": {"help_text": _("For example “IOM Bolivia”.")}}

    def get_url(self, office) -> str:
        return absolute(self, office.get_absolute_url())

    def get_api_url(self, office) -> str:
        return api_url(self, "office-detail", slug=office.slug)


class ContactSerializer(serializers.ModelSerializer):
    """A public contact: the e-mail address and the phones only where the
    contact shows them on the site."""

    office = serializers.SerializerMethodField()
    phones = serializers.SerializerMethodField()
    extension = serializers.SerializerMethodField()
    mobile = serializers.SerializerMethodField()
    email = serializers.SerializerMethodField()
    photo = ImageField("photo_alt_text")
    url = serializers.SerializerMethodField(
        help_text=_("The contact in the staff directory.")
    )
    vcard_url = serializers.SerializerMethodField()

    class Meta:
        model = Contact
        fields = [
            "id",
            "name",
            "role",
            "office",
            "phones",
            "extension",
            "mobile",
            "email",
            "languages",
            "is_media_contact",
            "photo",
            "url",
            "vcard_url",
        ]

    @extend_schema_field(OfficeLinkSerializer(allow_null=True))
    def get_office(self, contact):
        office = contact.office
        if office is None or not office.is_public:
            return None
        return OfficeLinkSerializer(office, context=self.context).data

    def get_phones(self, contact) -> list[str]:
        return contact.phone_list if contact.show_phones else []

    def get_extension(self, contact) -> str | None:
        return (contact.extension or None) if contact.show_phones else None

    def get_mobile(self, contact) -> str | None:
        return (contact.mobile or None) if contact.show_phones else None

    def get_email(self, contact) -> str | None:
        return (contact.email or None) if contact.show_email else None

    def get_url(self, contact) -> str:
        return absolute(self, contact.get_absolute_url())

    def get_vcard_url(self, contact) -> str:
        return absolute(
            self, reverse("contacts:contact-vcard", kwargs={"pk": contact.pk})
        )


class KeyFigureSerializer(serializers.ModelSerializer):
    class Meta:
        model = KeyFigure
        fields = ["label", "value", "unit", "year", "source_name", "source_url"]
        extra_kwargs = {"label": {"help_text": _("What the figure counts.")}}


class OfficeSerializer(OfficeLinkSerializer):
    kind_display = serializers.CharField(source="get_kind_display")
    country = serializers.SerializerMethodField()
    phones = serializers.ListField(source="phone_list", child=serializers.CharField())
    parent = serializers.SerializerMethodField()
    key_figures = KeyFigureSerializer(source="public_figures", many=True)
    vcard_url = serializers.SerializerMethodField()

    class Meta:
        model = Office
        fields = [
            "slug",
            "name",
            "kind",
            "kind_display",
            "country",
            "city",
            "street_address",
            "phones",
            "email",
            "website",
            "facebook",
            "x_account",
            "parent",
            "key_figures",
            "url",
            "api_url",
            "vcard_url",
        ]

    @extend_schema_field(CountrySerializer(allow_null=True))
    def get_country(self, office):
        if not office.country:
            return None
        return {"code": office.country.code, "name": str(office.country.name)}

    @extend_schema_field(OfficeLinkSerializer(allow_null=True))
    def get_parent(self, office):
        parent = office.parent
        if parent is None or not parent.is_public:
            return None
        return OfficeLinkSerializer(parent, context=self.context).data

    def get_vcard_url(self, office) -> str:
        return absolute(
            self, reverse("contacts:office-vcard", kwargs={"slug": office.slug})
        )


class OfficeDetailSerializer(OfficeSerializer):
    contacts = ContactSerializer(source="public_contacts", many=True)

    class Meta(OfficeSerializer.Meta):
        fields = [
            *OfficeSerializer.Meta.fields,
            "introduction",
            "migration_context",
            "contacts",
        ]


class ContactAPIFilter(ContactFilter):
    office = published_slug_filter(
        "office", Office.objects.published, _("The slug of a public office.")
    )
    programme = published_slug_filter(
        "programmes", Programme.objects.published, PROGRAMME_SLUG
    )


def public_contacts():
    return Contact.objects.published().select_related("office")


@extend_schema_view(
    list=extend_schema(
        summary=_("Public offices"),
        description=_(
            "The regional office and the country offices, with their key "
            "figures (only those with a label and a source, as on the site)."
        ),
        parameters=[country_parameter()],
    ),
    retrieve=extend_schema(
        summary=_("One public office"),
        description=_(
            "The office with its introduction, migration context and public staff."
        ),
    ),
)
class OfficeViewSet(PublicViewSet):
    lookup_field = "slug"
    filterset_fields = ["kind", "country"]

    def get_queryset(self):
        queryset = (
            Office.objects.published()
            .select_related("parent")
            .prefetch_related(
                Prefetch(
                    "figures",
                    queryset=KeyFigure.objects.complete(),
                    to_attr="public_figures",
                )
            )
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("contacts", public_contacts(), to_attr="public_contacts")
            )
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return OfficeDetailSerializer
        return OfficeSerializer


@extend_schema_view(
    list=extend_schema(
        summary=_("Public contacts"),
        description=_(
            "The staff directory, with its filters. An e-mail address or phones "
            "that the contact does not show on the site are null or empty."
        ),
        parameters=[country_parameter()],
    ),
    retrieve=extend_schema(
        summary=_("One public contact"),
        description=_(
            "The contact as the staff directory shows it, by its id (see the list)."
        ),
    ),
)
class ContactViewSet(PublicViewSet):
    filterset_class = ContactAPIFilter
    serializer_class = ContactSerializer

    def get_queryset(self):
        return public_contacts()
