from django.views.generic import DetailView, ListView

from .models import Contact, Office


class ContactListView(ListView):
    model = Contact


class OfficeDetailView(DetailView):
    model = Office
