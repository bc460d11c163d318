from django.views.generic import DetailView, ListView

from .models import Programme


class ProgrammeListView(ListView):
    model = Programme


class ProgrammeDetailView(DetailView):
    model = Programme
