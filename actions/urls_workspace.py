"""The clerk's in-place action controls and 'make this an action' (the meeting workspace)."""

urlpatterns = []
