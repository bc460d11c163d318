from django.views.generic import DetailView, ListView

from iomsite.publishing.views import PreviewMixin

from .models import Programme


class ProgrammeListView(ListView):
    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        return Programme.objects.published()


class ProgrammeDetailView(PreviewMixin, DetailView):
    model = Programme
    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = self.object
        context.update(
            {
                "offices": programme.offices.published(),
                "focal_points": programme.focal_points.published().select_related(
                    "office"
                ),
            }
        )
        return context
