"""Pagination and throttling of the API, apart from the views: REST framework
imports them while it defines its own view classes."""

from django.conf import settings
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import AnonRateThrottle


class PublicPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class AnonymousClientThrottle(AnonRateThrottle):
    """``settings.API_ANON_RATE`` requests per client address, counted in the
    default cache."""

    def get_rate(self):
        return settings.API_ANON_RATE
