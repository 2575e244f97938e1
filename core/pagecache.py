"""Whole pages kept for the visitor who asked, until the data they show changes: `@page_cache`.

A cached page must never be stale and never reach anyone else, whatever changed the data: a
verb, the admin, a bulk update, the importer, raw SQL, another worker. So the key holds what the
page is drawn from, not a list of what might change it:

- the database's state, as PostgreSQL's own snapshot (`pg_current_snapshot()`: the transactions
  committed, those in progress, the next id). Any committed write anywhere gives a new snapshot,
  so a page is never served from before a write its visitor could see. The page is drawn after the
  snapshot is read, from data at least that new, so a page kept under a snapshot is never older
  than it. There is nothing to invalidate, and no write path to forget;
- the visitor's cookies: the session and the CSRF cookie (the page holds a token made from it).
  Who a session belongs to, and whether they may still see a thing, is read from the database, so
  with the same session cookie and the same snapshot the answer cannot differ. The one thing that
  changes without a write is time: a session ends at its row's expire_date, so the page is kept
  with that moment and is drawn afresh (as signed out) once it has passed;
- the UK day, which "overdue" and "next meeting" are counted in;
- the address, the host and scheme, and the htmx headers (which choose a partial).

So a page served from here costs one query (the snapshot), not the session's and the user's.

A page is drawn, not served from here, when the request cannot be keyed safely: not a GET; no
CSRF cookie yet (the page would hold a token for a cookie only this visitor is about to get); a
message waiting to be shown (its cookie: django.contrib.messages' default storage keeps a marker
there too when it overflows into the session); inside a transaction that may have written (its
own writes do not change the snapshot); a database other than PostgreSQL. A page is kept only if
it is a plain 200 that set no cookie and did not ask not to be cached.

Each worker keeps its own pages (the "pages" cache, in memory, least recently used dropped first),
so memory is bounded by that cache's MAX_ENTRIES.
"""

import datetime
import hashlib
from functools import wraps
from typing import NamedTuple

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token

from core import clock

DB_SESSIONS = "django.contrib.sessions.backends.db"  # whose expiry _session_ends reads
KEPT_HEADERS = ("Content-Type", "Vary", "HX-Push-Url", "HX-Replace-Url", "HX-Trigger", "HX-Retarget", "HX-Reswap")


def page_cache(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = page_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        pages = caches["pages"]
        kept = pages.get(key)
        if kept is not None and (kept.session_ends is None or clock.now() < kept.session_ends):
            get_token(request)  # the CSRF cookie is refreshed as it is on a page drawn afresh
            return HttpResponse(kept.content, status=kept.status, headers=kept.headers)
        response = view(request, *args, **kwargs)
        if _keepable(response):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            pages.set(key, Kept(response.status_code, headers, response.content, _session_ends(request)))
        return response

    return wrapper


class Kept(NamedTuple):
    status: int
    headers: dict
    content: bytes
    session_ends: datetime.datetime | None


def page_key(request):
    """The key a page for this request is kept under, or None when it must be drawn afresh."""
    csrf_cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    message_waiting = CookieStorage.cookie_name in request.COOKIES
    if not settings.PAGE_CACHE or request.method != "GET" or not csrf_cookie or message_waiting:
        return None
    if connection.vendor != "postgresql" or connection.in_atomic_block or settings.SESSION_ENGINE != DB_SESSIONS:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_snapshot()::text")
        (snapshot,) = cursor.fetchone()
    htmx = sorted((name, value) for name, value in request.headers.items() if name.lower().startswith("hx-"))
    parts = (
        snapshot,
        str(clock.today()),
        request.COOKIES.get(settings.SESSION_COOKIE_NAME, ""),
        csrf_cookie,
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        repr(htmx),
    )
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _session_ends(request):
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return None
    return Session.objects.filter(session_key=session_key).values_list("expire_date", flat=True).first()


def _keepable(response):
    return (
        response.status_code == 200
        and not getattr(response, "streaming", False)
        and not response.cookies
        and not response.has_header("Cache-Control")
    )
