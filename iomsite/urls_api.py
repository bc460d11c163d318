from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from articles.api import ArticleViewSet
from contacts.api import ContactViewSet, OfficeViewSet
from programmes.api import ProgrammeViewSet

app_name = "api"

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("offices", OfficeViewSet, basename="office")
router.register("contacts", ContactViewSet, basename="contact")


class SchemaView(SpectacularAPIView):
    # JSON only: one renderer, so no "Vary: Accept" and the page cache keeps it.
    renderer_classes = [OpenApiJsonRenderer]


urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    *router.urls,
]
