"""The clerk's in-place action controls and 'make this an action' (the meeting workspace)."""

from django.urls import path

from . import workspace

urlpatterns = [
    path("from-resolution/<int:pk>/", workspace.make_action, name="make_action"),
    path("<int:pk>/controls/", workspace.row_controls, name="row_controls"),
    path("<int:pk>/rag/", workspace.set_rag, name="set_rag"),
    path("<int:pk>/update/", workspace.add_update, name="add_update"),
    path("<int:pk>/complete/", workspace.mark_completed, name="mark_completed"),
    path("<int:pk>/discharge/", workspace.discharge, name="discharge"),
    path("<int:pk>/reopen/", workspace.reopen, name="reopen"),
    path("<int:pk>/close/", workspace.close, name="close"),
]
