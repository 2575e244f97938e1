"""Every route of the app, plus /__floor__/: the bytes of a page, served with no database work."""

import os

from django.http import HttpResponse
from django.urls import include, path

with open(os.environ["BENCH_FLOOR_FILE"], "rb") as page:
    FLOOR = page.read()


def floor(request):
    return HttpResponse(FLOOR)


urlpatterns = [path("__floor__/", floor), path("", include("scrutiny.urls"))]
