from django.views.generic import DetailView

from .models import ABOUT, Page


class PageView(DetailView):
    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return Page.objects.published()

    def get_object(self, queryset=None):
        if "slug" not in self.kwargs:
            self.kwargs["slug"] = ABOUT
        return super().get_object(queryset)
