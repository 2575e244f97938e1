"""What every open-data response shares: CORS for reading, a per-client rate limit, caching headers.

CORS is a decorator of a few lines rather than django-cors-headers: the API is read-only, never uses
cookies (it always answers as the public) and allows every origin, so there is nothing to configure,
and nothing else on the site should ever send CORS headers.
"""

import datetime
import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.http import http_date
from django.views.decorators.http import conditional_page, require_http_methods

EXPOSED = "ETag, Last-Modified, Retry-After"


def client_key(request):
    """One client: its address as the app sees it (set AXES_PROXY_COUNT behind a proxy, see README)."""
    return request.META.get("REMOTE_ADDR", "unknown")


def over_limit(request):
    """Seconds to wait if this client has used up this minute's requests, else 0 (a fixed one-minute window
    in Django's cache: per process with the default local-memory cache, shared with a shared cache)."""
    limit = getattr(settings, "OPEN_DATA_RATE_LIMIT", 120)
    now = time.time()
    window = int(now // 60)
    key = f"opendata-rate:{client_key(request)}:{window}"
    cache.add(key, 0, timeout=61)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=61)
        used = 1
    return 0 if used <= limit else max(1, int(60 - now % 60))


def object_response(data):
    """One object as JSON, with Last-Modified when it carries OParl's `modified` (If-Modified-Since then gets
    304 when unchanged). Lists send only an ETag: an object leaving a list changes no object's `modified`."""
    response = JsonResponse(data)
    if data.get("modified"):
        response["Last-Modified"] = http_date(datetime.datetime.fromisoformat(data["modified"]).timestamp())
    return response


def open_data(view):
    """GET/HEAD for anyone, from any origin, rate limited, with an ETag (304 when unchanged)."""
    conditional = conditional_page(view)

    @functools.wraps(view)
    @require_http_methods(["GET", "HEAD", "OPTIONS"])
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":  # a CORS preflight (If-None-Match is not a simple header)
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        elif wait := over_limit(request):
            response = JsonResponse({"error": "Too many requests: try again shortly."}, status=429)
            response["Retry-After"] = str(wait)
        else:
            response = conditional(request, *args, **kwargs)
            response.setdefault("Cache-Control", "public, max-age=60")
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED
        return response

    return wrapped
