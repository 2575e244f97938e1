"""The clerk's in-place action controls and 'make this an action' (the meeting workspace)."""

from django.urls import path

from . import workspace_views

urlpatterns = [
    path("from-resolution/<int:pk>/", workspace_views.make_action, name="make_action"),
    path("<int:pk>/controls/", workspace_views.row_controls, name="row_controls"),
    path("<int:pk>/rag/", workspace_views.set_rag, name="set_rag"),
    path("<int:pk>/update/", workspace_views.add_update, name="add_update"),
    path("<int:pk>/complete/", workspace_views.mark_completed, name="mark_completed"),
    path("<int:pk>/discharge/", workspace_views.discharge, name="discharge"),
    path("<int:pk>/reopen/", workspace_views.reopen, name="reopen"),
    path("<int:pk>/close/", workspace_views.close, name="close"),
    path("<int:pk>/proposed-rag/accept/", workspace_views.accept_rag, name="accept_rag"),
    path("<int:pk>/proposed-rag/reject/", workspace_views.reject_rag, name="reject_rag"),
    path("<int:pk>/owner/", workspace_views.change_owner, name="change_owner"),
    path("<int:pk>/due/", workspace_views.change_due, name="change_due"),
    path("owner-check/", workspace_views.owner_check, name="owner_check"),
]
