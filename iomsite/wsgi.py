import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iomsite.settings")


def without_head_body(app):
    """The WSGI application, sending no body to a HEAD request (its headers,
    Content-Length included, stay those of the GET): Django leaves that to the
    server, and gunicorn logs a warning for each body it has to drop."""

    def application(environ, start_response):
        result = app(environ, start_response)
        if environ.get("REQUEST_METHOD") != "HEAD":
            return result
        # Closing the response ends the request (request_finished) as usual.
        close = getattr(result, "close", None)
        if close is not None:
            close()
        return []

    return application


application = without_head_body(get_wsgi_application())
