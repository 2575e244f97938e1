"""The clerk's minutes import: upload or paste, review, confirm."""

from django.urls import path

from . import import_views

urlpatterns = [
    path("", import_views.import_start, name="import_start"),
    path("confirm/", import_views.import_confirm, name="import_confirm"),
]
