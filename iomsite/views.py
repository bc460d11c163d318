from django.shortcuts import render
from django.views.generic import TemplateView

from articles.models import Article
from contacts.models import Office
from programmes.models import Programme


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_articles"] = Article.objects.published().prefetch_related(
            "programmes"
        )[:6]
        context["programmes"] = Programme.objects.published()
        offices = list(Office.objects.published().select_related("parent"))
        context["offices"] = offices
        context["regional_office"] = next(
            (office for office in offices if office.kind == Office.Kind.REGIONAL), None
        )
        return context


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the page must not depend on anything
    # that could be what failed.
    return render(None, "500.html", status=500)
