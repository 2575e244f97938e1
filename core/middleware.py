"""Failing well, and the headers every response carries."""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 10
# Nothing here uses a camera, a microphone, a location, payments or the like: say so to the browser.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """A database that is briefly unavailable (a restart, a failover) gives a 503 with Retry-After, not a 500.

    Django opens a fresh connection on the next request (CONN_HEALTH_CHECKS), so the app recovers by
    itself. The page is drawn without the request (its context processors would ask the database again),
    and gives back whatever the person had typed, so a write that could not be committed loses nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        typed = [
            (name, value)
            for name, value in request.POST.items()
            if name not in ("csrfmiddlewaretoken", "version", "seen_at") and value.strip()
        ]
        body = render_to_string("503.html", {"typed": typed, "was_post": request.method == "POST"})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
