from django.views.generic import DetailView
from django_filters.views import FilterView

from iomsite.views import ForgivingPaginationMixin, PreviewMixin

from .filters import ContactFilter
from .models import Contact, Office


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
                "programmes": office.programmes.published(),
                "contacts": office.contacts.published(),
            }
        )
        return context
