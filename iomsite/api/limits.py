"""Pagination and throttling of the API, apart from the views: REST framework
imports them while it defines its own view classes."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import AnonRateThrottle


class PublicPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        """A ``page`` that is not a whole number from 1 is a 400, an empty
        one too (REST framework would read it as page 1, and "last" as the
        last page); past the end, a 404."""
        value = request.query_params.get(self.page_query_param)
        if value is not None and not (
            value.isascii() and value.isdigit() and int(value) >= 1
        ):
            message = _("Enter a whole number from 1.")
            raise ValidationError({self.page_query_param: [message]})
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request):
        """The ``page_size`` asked for: a whole number from 1 to 100, or a 400
        (never another size in its place, which ``next`` would repeat)."""
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not (value.isascii() and value.isdigit()) or not (
            1 <= int(value) <= self.max_page_size
        ):
            message = _("Enter a whole number from 1 to %(maximum)d.") % {
                "maximum": self.max_page_size
            }
            raise ValidationError({self.page_size_query_param: [message]})
        return int(value)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {
                "minimum": 1,
                "maximum": self.max_page_size,
                "default": self.page_size,
            },
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters


class AnonymousClientThrottle(AnonRateThrottle):
    """``settings.API_ANON_RATE`` requests per client address, counted in the
    default cache."""

    def get_rate(self):
        return settings.API_ANON_RATE
