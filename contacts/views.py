from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.generic import DetailView, View
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView

from iomsite.publishing.views import ForgivingPaginationMixin, PreviewMixin

from .filters import ContactFilter
from .models import Contact, Office
from .vcards import contact_vcard, office_vcard


class ContactListView(ForgivingPaginationMixin, FilterView):
    filterset_class = ContactFilter
    paginate_by = 20
    template_name = "contacts/contact_list.html"

    def get_queryset(self):
        return Contact.objects.published().select_related("office")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["offices"] = Office.objects.published()
        return context


class OfficeDetailView(PreviewMixin, DetailView):
    model = Office
    queryset = Office.objects.select_related("parent")
    template_name = "contacts/office_detail.html"
    context_object_name = "office"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        office = self.object
        parent = office.parent
        context.update(
            {
                "parent": parent if parent and parent.is_public else None,
                "children": office.children.published(),
                "figures": office.figures.complete(),
                "programmes": programmes_of(office),
                "contacts": office.contacts.published(),
            }
        )
        return context


def programmes_of(office):
    """The office's published programmes, each with ``office_text``: the
    office's own text about it when it has one in the active language (or in
    English, as translated texts fall back), else None. Those with one come
    first: they take the section's whole width, the others are tiles."""
    programmes = list(office.programmes.published().with_text_of(office))
    for programme in programmes:
        text = next(iter(programme.texts_of_office), None)
        programme.office_text = text if text is not None and text.body else None
    programmes.sort(key=lambda programme: programme.office_text is None)
    return programmes


def vcard_response(text, name):
    response = HttpResponse(text, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{slugify(name) or 'contact'}.vcf"
    )
    return response


class ContactVCardView(SingleObjectMixin, View):
    """The "add to address book" card of a public contact."""

    def get_queryset(self):
        return Contact.objects.published().select_related("office")

    def get(self, request, *args, **kwargs):
        contact = self.get_object()
        url = request.build_absolute_uri(contact.get_absolute_url())
        return vcard_response(contact_vcard(contact, url=url), contact.name)


class OfficeVCardView(SingleObjectMixin, View):
    """The "add to address book" card of a public office."""

    def get_queryset(self):
        return Office.objects.published()

    def get(self, request, *args, **kwargs):
        office = self.get_object()
        url = request.build_absolute_uri(office.get_absolute_url())
        return vcard_response(office_vcard(office, url=url), office.name)
