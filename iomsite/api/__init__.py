"""The read-only JSON API under /api/v1/ (README "API").

Each app describes its own objects in its ``api.py`` (serializers and
viewsets); this package holds what they share: the language, conditional GET,
pagination and throttling (``base``), the OpenAPI schema (``schema``), the
documentation page (``docs``) and the URLs (``urls``).
"""
