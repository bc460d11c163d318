from django.urls import path, reverse
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.views import SpectacularAPIView
from rest_framework import routers

from articles.api import ArticleViewSet
from contacts.api import ContactViewSet, OfficeViewSet
from iomsite.api.base import InRequestedLanguage
from programmes.api import ProgrammeViewSet

app_name = "api"


class APIRootView(InRequestedLanguage, routers.APIRootView):
    """The endpoints, the OpenAPI schema and the documentation page."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.data["schema"] = request.build_absolute_uri(reverse("api:schema"))
        response.data["docs"] = request.build_absolute_uri(reverse("api-docs"))
        return response


class Router(routers.DefaultRouter):
    APIRootView = APIRootView


router = Router()
router.register("articles", ArticleViewSet, basename="article")
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("offices", OfficeViewSet, basename="office")
router.register("contacts", ContactViewSet, basename="contact")


class SchemaView(InRequestedLanguage, SpectacularAPIView):
    # OpenAPI's own media type, and plain JSON for clients that ask for it.
    renderer_classes = [OpenApiJsonRenderer, OpenApiJsonRenderer2]


urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    *router.urls,
]
